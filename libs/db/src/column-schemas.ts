import { z } from 'zod';

/**
 * The allowed values of the string columns that stand in for enums. The
 * database stores plain text; repositories parse rows through these schemas,
 * so a row with an unknown value fails loudly instead of leaking through.
 */

export const channelTypeSchema = z.enum(['http', 'whatsapp', 'telegram', 'webchat']);
export type ChannelType = z.infer<typeof channelTypeSchema>;

/**
 * A member's (or an API key's) role in a workspace: `owner` (everything, including
 * members, API keys, secrets and the audit log), `builder` (edit and publish bots,
 * channels, components), `agent` (the Inbox only), `analyst` (analytics, read-only).
 */
export const memberRoleSchema = z.enum(['owner', 'builder', 'agent', 'analyst']);
export type MemberRole = z.infer<typeof memberRoleSchema>;

/** Who did something recorded in the audit log: a signed-in user or a workspace API key. */
export const auditActorTypeSchema = z.enum(['user', 'api-key']);
export type AuditActorType = z.infer<typeof auditActorTypeSchema>;

export const sessionStatusSchema = z.enum(['active', 'closed', 'expired']);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const messageDirectionSchema = z.enum(['inbound', 'outbound']);
export type MessageDirection = z.infer<typeof messageDirectionSchema>;

export const inboundStatusSchema = z.enum(['received', 'processed']);
export type InboundStatus = z.infer<typeof inboundStatusSchema>;

export const outboundStatusSchema = z.enum(['pending', 'sent', 'failed']);
export type OutboundStatus = z.infer<typeof outboundStatusSchema>;

export const messageStatusSchema = z.union([inboundStatusSchema, outboundStatusSchema]);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

/** 'bot': the bot still handles it (not in the agent inbox yet); 'open' after a handoff. */
export const conversationStatusSchema = z.enum(['bot', 'open', 'assigned', 'closed']);
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;

/** A SessionTimer: 'pending' until it fires or the session no longer needs it. */
export const timerStatusSchema = z.enum(['pending', 'fired', 'cancelled']);
export type TimerStatus = z.infer<typeof timerStatusSchema>;

/** A SessionCall: 'pending' until its result is stored ('done'), then 'applied' once fed to the session. */
export const callStatusSchema = z.enum(['pending', 'done', 'applied']);
export type CallStatus = z.infer<typeof callStatusSchema>;
