import type { SelectionStore } from '../../bot-editor/store/selection-store';

/**
 * The last focus request (its nonce) the settings panel carried out, per selection store.
 * A request stays in the store after it is handled, so a panel mounted later (the element
 * selected again) must not replay it: it checks here first.
 */
export const handledFocusRequests = new WeakMap<SelectionStore, number>();
