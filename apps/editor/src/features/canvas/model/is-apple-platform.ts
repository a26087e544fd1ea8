/** True on macOS and iOS, where ⌘ takes Ctrl's place in shortcuts (false outside a browser). */
export function isApplePlatform(): boolean {
  if (typeof navigator === 'undefined') return false;
  return /Mac|iPhone|iPad|iPod/i.test(navigator.platform || navigator.userAgent);
}
