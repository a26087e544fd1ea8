import type { SendCommand, SessionState, TimerCancelCommand, TimerSetCommand } from '@parley/engine';
import type { ArmSessionTimerInput, InsertOutboundMessageInput } from '@parley/db';
import { expiryWakeUpJob, type TimerJob } from '@parley/queue';
import type { SessionRow } from './turns/session-row';

/**
 * The outbox row of a `send` command. Keyed `${sessionId}:${command.key}`: the
 * engine's keys are deterministic, so a retried turn re-finds the same row
 * instead of sending twice.
 */
export function outboundOfSend(row: SessionRow, command: SendCommand): InsertOutboundMessageInput {
  return {
    workspaceId: row.workspaceId,
    channelId: row.channelId,
    sessionId: row.id,
    contact: row.contact,
    idempotencyKey: `${row.id}:${command.key}`,
    text: command.text,
    payload: { text: command.text, buttons: command.buttons ?? [], linkPreview: command.linkPreview === true },
  };
}

/** The durable SessionTimer row and the queue job of a `timer.set` command. */
export function timerOfSet(row: SessionRow, command: TimerSetCommand): { armed: ArmSessionTimerInput; job: TimerJob } {
  const job: TimerJob = {
    channelId: row.channelId,
    contact: row.contact,
    sessionId: row.id,
    timerId: command.timerId,
    kind: command.kind,
    dueAt: command.dueAt,
  };
  return { armed: { ...job, dueAt: new Date(command.dueAt) }, job };
}

/**
 * What a timer command of a turn becomes in storage:
 * - expiry: the session-expiry timer (re-armed by every turn) is kept lazily, as
 *   Session.expiresAt plus one wake-up job per session (scheduleExpiryWakeUp), not
 *   as a SessionTimer row and a job per turn: the turn saves `expiresAt`, and
 *   `wakeUp` is the job to schedule when the session had none yet;
 * - none: cancelling the lazily kept expiry timer (the next `expiry` moves it);
 * - arm / cancel: any other timer, as a SessionTimer row and its job.
 * `expiresAt` is the session's expiry so far (null: not watched yet: a new
 * session, or one from before expiry was kept lazily, whose expiry timer is still
 * a row), `before` its engine state before the step.
 */
export type TimerWrite =
  | { kind: 'expiry'; expiresAt: Date; wakeUp: TimerJob | null }
  | { kind: 'none' }
  | { kind: 'arm'; armed: ArmSessionTimerInput; job: TimerJob }
  | { kind: 'cancel'; timer: { sessionId: string; timerId: string } };

export function timerWriteOf(
  row: SessionRow,
  expiresAt: Date | null,
  before: SessionState | null,
  command: TimerSetCommand | TimerCancelCommand,
): TimerWrite {
  if (command.type === 'timer.set') {
    if (command.kind === 'session-expiry') {
      const wakeUp = expiresAt === null ? expiryWakeUpJob({ channelId: row.channelId, contact: row.contact, sessionId: row.id, dueAt: command.dueAt }) : null;
      return { kind: 'expiry', expiresAt: new Date(command.dueAt), wakeUp };
    }
    return { kind: 'arm', ...timerOfSet(row, command) };
  }
  if (expiresAt !== null && before?.expiryTimerId === command.timerId) return { kind: 'none' };
  return { kind: 'cancel', timer: { sessionId: row.id, timerId: command.timerId } };
}

/** Who a call is made for: the session that reached it (SessionCall's owner columns; a stored SessionCall has them too). */
export type CallOwner = { workspaceId: string; botId: string; sessionId: string; channelId: string; contact: string };

export function callOwnerOf(row: SessionRow): CallOwner {
  return { workspaceId: row.workspaceId, botId: row.botId, sessionId: row.id, channelId: row.channelId, contact: row.contact };
}
