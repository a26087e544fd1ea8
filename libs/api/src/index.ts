export { appRouter, type AppRouter } from './app-router';
export { createCaller } from './create-caller';
export { createContext, workspaceHeader, type Context, type CreateContextOptions, type WorkspaceRef } from './create-context';
export { FlowInvalidError, describeFlowIssue, describeFlowIssues } from './flow-invalid-error';
export { type InputIssue } from './input-issues';
export { starterFlow } from './starter-flow';
export { botSummarySchema, botDetailSchema, type BotSummary, type BotDetail } from './bots/bot-schemas';
export { componentDetailSchema, componentSummarySchema, type ComponentDetail, type ComponentSummary } from './components/component-schemas';
