import { z } from 'zod';
import { auditActorTypeSchema, type AuditActorType } from './column-schemas';
import type { AuditLog } from './generated/client';
import type { JsonValue } from './to-json-input';

/** Who did something: a user (label: their email then) or an API key (label: its name then). */
export type AuditActor = { type: AuditActorType; id: string; label: string };
/** What it was done to, e.g. { type: 'bot', id }. */
export type AuditTarget = { type: string; id: string };

/** One audit log entry (the row, with the actor type and the details object checked). */
export type AuditLogEntry = {
  id: string;
  workspaceId: string;
  actorType: AuditActorType;
  actorId: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, JsonValue>;
  createdAt: Date;
};

const detailsSchema = z.record(z.string(), z.json());

/** The entry of an AuditLog row. */
export function toAuditLogEntry(row: AuditLog): AuditLogEntry {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    actorType: auditActorTypeSchema.parse(row.actorType),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    details: detailsSchema.parse(row.details),
    createdAt: row.createdAt,
  };
}
