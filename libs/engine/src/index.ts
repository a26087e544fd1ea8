export { closeReasonSchema, type CloseReason } from './close-reason-schema';
export { botFallback } from './apply-fallback';
export {
  attributesChangedCommandSchema,
  callCommandSchema,
  commandSchema,
  sendCommandSchema,
  sessionCloseCommandSchema,
  timerCancelCommandSchema,
  timerKindSchema,
  timerSetCommandSchema,
  type AttributesChangedCommand,
  type CallCommand,
  type Command,
  type SendCommand,
  type SessionCloseCommand,
  type TimerCancelCommand,
  type TimerKind,
  type TimerSetCommand,
} from './command-schema';
export { demoFlow } from './demo-flow';
export {
  callResultEventSchema,
  engineEventSchema,
  timerFiredEventSchema,
  userMessageEventSchema,
  type CallResultEvent,
  type EngineEvent,
  type TimerFiredEvent,
  type UserMessageEvent,
} from './engine-event-schema';
export { flowIssueSchema, flowValidationSchema, type FlowIssue, type FlowValidation } from './flow-issue-schema';
export { flowJsonSchema, flowJsonSchemaText } from './flow-json-schema';
export {
  componentDefinitionSchema,
  currentFlowVersion,
  dialogSchema,
  edgeSchema,
  flowSchema,
  flowSettingsSchema,
  type ComponentDefinition,
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
  componentFrameSchema,
  currentSessionSchemaVersion,
  maxBufferedMessages,
  positionSchema,
  sessionStateSchema,
  sessionStatusSchema,
  waitingStateSchema,
  type ComponentFrame,
  type Position,
  type SessionState,
  type SessionStatus,
  type WaitingState,
} from './session-state-schema';
export { maxComponentDepth, maxElementExecutionsPerStep, step, type StepDeps } from './step';
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
export { traceEntrySchema, type TraceEntry } from './trace-entry-schema';
export { checkFlow, validateFlow } from './validate-flow';
