// Lint fixture: timers, I/O and host globals in engine code. Expected: one error per line below.
export function impure(): void {
  setTimeout(() => undefined, 10);
  void fetch('http://127.0.0.1/');
  void process.env.HOME;
  void performance.now();
  void require('zod');
}
