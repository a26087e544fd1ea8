import { z } from 'zod';
import { isRecord } from './flow-path';
import { migrateForward, type Migration } from './migrate-forward';
import { currentSessionSchemaVersion, sessionStateSchema, type SessionState } from './session-state-schema';

/**
 * Session state migrations by the schemaVersion they upgrade from.
 * 1 → 2: components, message buffer, Session Expire dialog and calls arrived: no frames,
 * an empty buffer, not expiring, and a wait awaits no call.
 */
const sessionMigrations: Readonly<Record<number, Migration>> = {
  1: (state) => ({
    ...state,
    schemaVersion: 2,
    frames: [],
    buffer: [],
    expiring: false,
    waiting: isRecord(state.waiting) ? { ...state.waiting, call: null } : state.waiting,
  }),
};

/**
 * Reads a stored session state: migrates it forward and parses it. Throws when the state
 * is unreadable (corrupt, or written by a newer engine); use parseSessionState for a
 * result instead.
 */
export function migrateSessionState(raw: unknown): SessionState {
  const result = parseSessionState(raw);
  if (!result.ok) throw new Error(`Unreadable session state: ${result.error}`);
  return result.session;
}

/** Like migrateSessionState, but returns the failure instead of throwing. */
export function parseSessionState(raw: unknown): { ok: true; session: SessionState } | { ok: false; error: string } {
  const result = sessionStateSchema.safeParse(migrateForward(raw, 'schemaVersion', currentSessionSchemaVersion, sessionMigrations));
  return result.success ? { ok: true, session: result.data } : { ok: false, error: z.prettifyError(result.error) };
}
