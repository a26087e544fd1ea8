import { z } from 'zod';

/** How an `IsolatePool` (the isolates inside one process) is sized and capped. Every field has a default. */
export const isolatePoolOptionsSchema = z.object({
  /** Isolates kept warm, i.e. runs executing at once; more runs wait in a FIFO queue. */
  size: z.number().int().min(1).max(64).default(2),
  /** Heap limit (MiB) of the isolates created up front: the Code element's default. */
  warmMemoryMb: z.number().int().min(8).max(64).default(32),
  /** Longest wait for a free isolate before the run is refused (SandboxUnavailableError). */
  queueTimeoutMs: z.number().int().min(1).max(600_000).default(30_000),
  /**
   * Added to a run's `timeoutMs` for the host-side wall clock, so that isolated-vm's own
   * timeout (which stops the script and keeps the isolate) normally fires first; the wall
   * clock catches what that timeout does not cover and disposes the isolate.
   */
  wallGraceMs: z.number().int().min(0).max(10_000).default(100),
  /** Compiled scripts kept per isolate (least recently used dropped first). */
  scriptCacheSize: z.number().int().min(0).max(10_000).default(200),
  /** Console lines kept per run (one more line says how many were dropped). */
  maxLogLines: z.number().int().min(0).max(10_000).default(100),
  /** Characters kept per console line. */
  maxLogLineLength: z.number().int().min(1).max(100_000).default(1_000),
  /** Largest result (the attributes set and the logs, as JSON text), in characters. */
  maxOutputChars: z.number().int().min(1_000).max(64 * 1_048_576).default(4 * 1_048_576),
});
export type IsolatePoolOptions = z.input<typeof isolatePoolOptionsSchema>;
export type ResolvedIsolatePoolOptions = z.output<typeof isolatePoolOptionsSchema>;
