import { useSyncExternalStore } from 'react';

const subscribe = (): (() => void) => () => undefined;

/**
 * False while the page is server-rendered HTML only, true once React runs in the
 * browser. Forms keep their submit button disabled until then: a form submitted
 * before its handler is attached would otherwise be sent natively (its fields,
 * passwords included, in the URL).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
