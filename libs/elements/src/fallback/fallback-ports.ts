import type { Fallback } from './fallback-schema';

/**
 * `ports` plus 'fallback' when `fallback` leaves through a port (action 'port'); use it in
 * `ports()` of elements that offer a fallback: `fallbackPorts(['next'], element.fallback)`.
 */
export function fallbackPorts(ports: readonly string[], fallback: Fallback | undefined): string[] {
  return fallback?.action.type === 'port' ? [...ports, 'fallback'] : [...ports];
}
