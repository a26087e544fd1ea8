export { emptyEffects, mergeEffects, type Effects } from './effects';
export { dispatchEffects } from './dispatch-effects';
export { FlowCache } from './flow-cache';
export type { RunnerContext } from './runner-context';
export { runTurn, type SessionRow, type TurnResult } from './run-turn';
export { processInbox } from './process-inbox';
export { processTimer } from './process-timer';
export { deliverOutbound, type DeliveryResult } from './deliver-outbound';
export { reconcile } from './reconcile';
