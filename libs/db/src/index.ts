// @parley/db: the Prisma client, migrations runner and repositories. The only
// importer of the generated client; everything others need is re-exported here.

// Client and types
export { createDb, type CreateDbOptions, type Db, type Tx } from './create-db';
export { sqlClientOf, withSqlTransaction, type SqlClient } from './sql-client';
export { findAutovacuumGaps, type AutovacuumGaps } from './find-autovacuum-gaps';
export type {
  AnalyticsEvent,
  ApiKey,
  Bot,
  BotVersion,
  Conversation,
  CsatResponse,
  CustomEvent,
  Membership,
  Person,
  User,
  Workspace,
} from './generated/client';
export type { Session } from './to-session';
export type { Message } from './to-message';
export { channelConfigSchema, channelSecretsSchema, type Channel, type ChannelConfig, type ChannelSecrets } from './to-channel';
export * from './column-schemas';
export { toJsonInput, type JsonInput, type JsonValue } from './to-json-input';

// Errors
export { NotFoundError } from './not-found-error';
export { StaleDraftError } from './stale-draft-error';
export { StaleSessionError } from './stale-session-error';
export { MigrationError } from './migration-error';
export { isUniqueConstraintError } from './is-unique-constraint-error';

// Database lifecycle
export { migrate, defaultMigrationsDir, type MigrateOptions } from './migrate';
export { migrationChecksum } from './migration-checksum';
export { ensureDatabase } from './ensure-database';
export { dropDatabase } from './drop-database';

// Secrets
export { openSecret, parseSecretKey, sealSecret, SecretBoxError } from './secret-box';

// Workspaces
export { createWorkspace, type CreateWorkspaceInput } from './create-workspace';
export { getWorkspaceBySlug } from './get-workspace-by-slug';
export { createWorkspaceWithOwner, type CreateWorkspaceWithOwnerInput } from './create-workspace-with-owner';
export { toWorkspaceSlug, workspaceSlugSchema, workspaceSlugMaxLength } from './to-workspace-slug';

// Row-level security (the API's tRPC path) and transactions that may be nested
export { withWorkspaceScope } from './with-workspace-scope';
export { runInTransaction, type TransactionOptions } from './run-in-transaction';

// Members
export { listUserWorkspaces, type UserWorkspace } from './list-user-workspaces';
export { getMembership, type WorkspaceMembership } from './get-membership';
export { listMembers, type WorkspaceMember } from './list-members';
export { changeMemberRole, type ChangeMemberRoleInput } from './change-member-role';
export { removeMember } from './remove-member';
export { MembershipError, type MembershipErrorCode } from './membership-error';
export { memberRoleRank } from './member-role-rank';
export { normalizeEmail } from './normalize-email';

// Invitations
export { createInvitation, invitationTtlMs, type CreateInvitationInput } from './create-invitation';
export { listInvitations } from './list-invitations';
export { revokeInvitation } from './revoke-invitation';
export { findInvitationByToken, type InvitationByToken } from './find-invitation-by-token';
export {
  acceptInvitation,
  type AcceptInvitationInput,
  type AcceptInvitationResult,
  type AcceptInvitationFailure,
} from './accept-invitation';
export type { Invitation } from './to-invitation';
export { invitationStatusSchema, type InvitationStatus } from './invitation-status';
export { invitationTokenSchema } from './invitation-token-schema';

// API keys
export { createApiKey, type CreateApiKeyInput } from './create-api-key';
export { listApiKeys } from './list-api-keys';
export { revokeApiKey } from './revoke-api-key';
export { findApiKey, type FoundApiKey } from './find-api-key';
export { apiKeySchema } from './api-key-schema';
export type { ApiKeySummary } from './to-api-key-summary';

// Audit log
export { appendAuditLog, type AppendAuditLogInput } from './append-audit-log';
export { listAuditLog, type ListAuditLogInput, type AuditLogPage } from './list-audit-log';
export type { AuditLogEntry, AuditActor, AuditTarget } from './to-audit-log-entry';

// Bots and versions
export { createBot, type CreateBotInput } from './create-bot';
export { listBots, type BotSummary } from './list-bots';
export { getBot } from './get-bot';
export { saveDraft, type SaveDraftInput } from './save-draft';
export { publishBot, publishBotInTransaction, type PublishBotOptions } from './publish-bot';
export { getLatestVersion } from './get-latest-version';
export { getBotVersion } from './get-bot-version';
export { getBotVersionByNumber } from './get-bot-version-by-number';
export { listBotVersions, type BotVersionSummary } from './list-bot-versions';
export { getBotDraftState, type BotDraftState } from './get-bot-draft-state';
export { updateBot, type UpdateBotInput } from './update-bot';
export { deleteBot } from './delete-bot';
export { BotInUseError } from './bot-in-use-error';
export { findUserNames } from './find-user-names';

// Channels
export { createChannel, type CreateChannelInput } from './create-channel';
export { getChannel } from './get-channel';
export { createChannelCache, type ChannelCache } from './channel-cache';
export { TtlCache } from './ttl-cache';

// Inbox
export { insertInboundMessage, insertInboundMessages, type InsertInboundMessageInput, type InsertedInbound } from './insert-inbound-message';
export { createInboundBatcher, type InboundBatcher, type InboundBatcherOptions } from './inbound-batcher';
export { createGroupCommit, type GroupCommit, type GroupCommitOptions } from './group-commit';
export { lockContacts, tryLockContacts, contactLockKey, type ContactRef } from './lock-contacts';
export { withContactLock, withContactLocks, type ContactLockOptions } from './with-contact-lock';
export { listUnprocessedInbound, listUnprocessedInboundOfContacts } from './list-unprocessed-inbound';
export { markInboundProcessed, markInboundProcessedBySession } from './mark-inbound-processed';
export {
  listContactsWithUnprocessedInbound,
  contactWithUnprocessedInboundSchema,
  type ContactWithUnprocessedInbound,
} from './list-contacts-with-unprocessed-inbound';

// Sessions
export { findActiveSession, findActiveSessions } from './find-active-session';
export { getSessionExpiry } from './get-session-expiry';
export { listExpiringSessions, type ExpiringSession, type ListExpiringSessionsInput } from './list-expiring-sessions';
export { createSession, type CreateSessionInput } from './create-session';
export { writeTurnBatch, type TurnBatchWrites, type StoredReply, type TurnBatchResult } from './write-turn-batch';
export { fireSessionTimers, sessionTimerKey } from './fire-session-timers';
export { listPersonAttributes, personRefKey, type PersonRef, type PersonAttributesWrite } from './person-attribute-statements';
export type { StartedSessionInput } from './insert-started-sessions';
export { listSessionStartFacts, type SessionStartFacts } from './list-session-start-facts';
export { updateSession, updateActiveSessions, type UpdateSessionInput, type UpdateActiveSessionInput } from './update-session';

// Outbox
export { insertOutboundMessage, insertOutboundMessages, type InsertOutboundMessageInput } from './insert-outbound-message';
export { getMessage } from './get-message';
export { markOutboundSent, markOutboundSentMany, type MarkOutboundSentOptions } from './mark-outbound-sent';
export { createOutboxBatcher, type OutboxBatcher } from './outbox-batcher';
export { markOutboundFailed } from './mark-outbound-failed';
export { recordOutboundAttempt } from './record-outbound-attempt';
export { listPendingOutbound } from './list-pending-outbound';
export { claimNextOutbound, claimNextOutbounds, type ClaimNextOutboundInput, type OutboundClaim } from './claim-next-outbound';
export { renewOutboundLease, releaseOutboundLease } from './outbound-lease';

// Durable timers (the queue's delayed jobs are copies, re-created by the reconciler)
export type { SessionTimer } from './to-session-timer';
export { armSessionTimer, armSessionTimers, type ArmSessionTimerInput } from './arm-session-timer';
export { cancelSessionTimer, cancelSessionTimers, cancelPendingSessionTimers } from './cancel-session-timer';
export { fireSessionTimer, type FireSessionTimerOutcome } from './fire-session-timer';
export { listPendingTimers, type ListPendingTimersInput } from './list-pending-timers';
export { pruneSettledTimers } from './prune-settled-timers';
// Calls run outside the turn's transaction (SessionCall)
export type { SessionCall } from './to-session-call';
export { insertSessionCall, type InsertSessionCallInput } from './insert-session-call';
export { getSessionCall } from './get-session-call';
export { completeSessionCall } from './complete-session-call';
export { markSessionCallsApplied } from './mark-session-calls-applied';
export { listUnsettledSessionCalls } from './list-unsettled-session-calls';
export { pruneAppliedSessionCalls } from './prune-applied-session-calls';
export { listDoneSessionCallsOfContacts, type BatchSessionCallInput } from './session-call-statements';

// Analytics
export { recordAnalyticsEvent, type RecordAnalyticsEventInput } from './record-analytics-event';
export {
  recordDeliveryStatus,
  deliveryStatusSchema,
  deliveryStatusEventType,
  type DeliveryStatus,
  type RecordDeliveryStatusInput,
} from './record-delivery-status';

// Demo
export { seedDemo, demoChannelId, demoWorkspaceSlug, type SeedDemoInput, type SeedDemoResult } from './seed-demo';

// Inbox conversations and tags (Conversation tags, To Agent)
export type { ConversationTag } from './generated/client';
export { createConversationTag, type CreateConversationTagInput } from './create-conversation-tag';
export { listConversationTags } from './list-conversation-tags';
export { addConversationTags, type AddConversationTagsInput, type AddConversationTagsResult } from './add-conversation-tags';
export { ensureConversationTags } from './ensure-conversation-tags';
export { openConversation, type OpenConversationInput, type OpenConversationResult } from './open-conversation';

// CSAT
export { recordCsatResponse, type RecordCsatResponseInput } from './record-csat-response';

// Customer Profiles (people, custom events, profile tags)
export {
  normalizePersonContact,
  normalizePersonContactValue,
  personContactLimits,
  personContactSchema,
  personContactTypeSchema,
  type PersonContact,
  type PersonContactType,
} from './person-contact-schema';
export { findPersonByContact } from './find-person-by-contact';
export { upsertPerson, type PersonFieldsInput, type UpsertPersonInput, type UpsertPersonResult } from './upsert-person';
export { recordCustomEvent, type RecordCustomEventInput } from './record-custom-event';
export { updatePersonTags, type UpdatePersonTagsInput } from './update-person-tags';
export { findAgentConversation } from './find-agent-conversation';

// Components (reusable, versioned; embedded in published bot flows)
export type { Component, ComponentVersion } from './generated/client';
export { createComponent, type CreateComponentInput } from './create-component';
export { getComponent } from './get-component';
export { saveComponentDraft, type SaveComponentDraftInput } from './save-component-draft';
export { updateComponent, type UpdateComponentInput } from './update-component';
export { StaleComponentDraftError } from './stale-component-draft-error';
export { publishComponent, type PublishComponentOptions } from './publish-component';
export { listComponents, type ComponentSummary } from './list-components';
export { getComponentVersion } from './get-component-version';
export { listComponentVersions, type ComponentVersionSummary } from './list-component-versions';
export { publishBotFlow, type BuildPublishedFlow } from './publish-bot-flow';

// Outbound HTTP: workspace allowlist (SSRF guard) and client certificates (mTLS)
export { workspaceHttpSettingsSchema, readWorkspaceHttpSettings, type WorkspaceHttpSettings } from './workspace-http-settings';
export { getWorkspaceHttpPolicy } from './get-workspace-http-policy';
export { setWorkspaceHttpAllowlist } from './set-workspace-http-allowlist';
export { clientCertificateKeyContext, type ClientCertificate, type ClientCertificateSummary } from './to-client-certificate';
export { createClientCertificate, type CreateClientCertificateInput } from './create-client-certificate';
export { listClientCertificates } from './list-client-certificates';
export { getClientCertificate } from './get-client-certificate';
export { deleteClientCertificate } from './delete-client-certificate';

// Web chat: a visitor's transcript and delivered replies, in seq order
export { getWebchatReplyCursor } from './get-webchat-reply-cursor';
export { listWebchatReplies, type ListWebchatRepliesInput } from './list-webchat-replies';
export { listWebchatHistory } from './list-webchat-history';
export { listWorkspaceChannels } from './list-workspace-channels';
export { setActiveWorkspace } from './set-active-workspace';
export { getWorkspaceLimits, type WorkspaceLimits } from './get-workspace-limits';
export { listSessionAllowances } from './list-session-allowances';
