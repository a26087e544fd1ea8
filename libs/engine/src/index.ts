export { closeReasonSchema, type CloseReason } from './close-reason-schema';
export {
  attributesChangedCommandSchema,
  commandSchema,
  sendCommandSchema,
  sessionCloseCommandSchema,
  timerCancelCommandSchema,
  timerKindSchema,
  timerSetCommandSchema,
  type AttributesChangedCommand,
  type Command,
  type SendCommand,
  type SessionCloseCommand,
  type TimerCancelCommand,
  type TimerKind,
  type TimerSetCommand,
} from './command-schema';
export { demoFlow } from './demo-flow';
export {
  engineEventSchema,
  timerFiredEventSchema,
  userMessageEventSchema,
  type EngineEvent,
  type TimerFiredEvent,
  type UserMessageEvent,
} from './engine-event-schema';
export { flowIssueSchema, flowValidationSchema, type FlowIssue, type FlowValidation } from './flow-issue-schema';
export { flowJsonSchema, flowJsonSchemaText } from './flow-json-schema';
export {
  currentFlowVersion,
  dialogSchema,
  edgeSchema,
  flowSchema,
  flowSettingsSchema,
  type Dialog,
  type Edge,
  type Flow,
  type FlowInput,
  type FlowSettings,
} from './flow-schema';
export { migrateFlow, upgradeFlowDocument } from './migrate-flow';
export { migrateSessionState, parseSessionState } from './migrate-session-state';
export { parseFlow } from './parse-flow';
export { seededRandom } from './seeded-random';
export {
  currentSessionSchemaVersion,
  positionSchema,
  sessionStateSchema,
  sessionStatusSchema,
  waitingStateSchema,
  type Position,
  type SessionState,
  type SessionStatus,
  type WaitingState,
} from './session-state-schema';
export { maxElementExecutionsPerStep, step, type StepDeps } from './step';
export {
  ignoreReasonSchema,
  stepErrorSchema,
  stepOutcomeSchema,
  stepResultSchema,
  type IgnoreReason,
  type StepError,
  type StepOutcome,
  type StepResult,
} from './step-result-schema';
export { validateFlow } from './validate-flow';
