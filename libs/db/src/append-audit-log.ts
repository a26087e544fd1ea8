import { auditActorTypeSchema } from './column-schemas';
import type { Tx } from './create-db';
import { toAuditLogEntry, type AuditActor, type AuditLogEntry, type AuditTarget } from './to-audit-log-entry';
import { toJsonInput } from './to-json-input';

export type AppendAuditLogInput = {
  workspaceId: string;
  /** Who did it; `label` is the user's email or the key's name at that time (kept as it was). */
  actor: AuditActor;
  /** What happened, e.g. 'bot.published', 'member.role-changed', 'api-key.revoked', 'secret.revealed'. */
  action: string;
  /** What it happened to, e.g. { type: 'bot', id }. */
  target: AuditTarget;
  /** What changed (JSON-serializable). Never a secret's value. */
  details?: Record<string, unknown>;
};

/**
 * Records one audit log entry and returns it. Entries are only ever appended. Write it
 * in the same transaction as the change it records, so neither exists without the other.
 */
export async function appendAuditLog(db: Tx, input: AppendAuditLogInput): Promise<AuditLogEntry> {
  const row = await db.auditLog.create({
    data: {
      workspaceId: input.workspaceId,
      actorType: auditActorTypeSchema.parse(input.actor.type),
      actorId: input.actor.id,
      actorLabel: input.actor.label,
      action: input.action,
      targetType: input.target.type,
      targetId: input.target.id,
      details: toJsonInput(input.details ?? {}),
    },
  });
  return toAuditLogEntry(row);
}
