/**
 * A session update named a version that is no longer current: another turn
 * committed in between. The caller should roll back and retry the whole turn
 * from a fresh read.
 */
export class StaleSessionError extends Error {
  override readonly name = 'StaleSessionError';

  constructor(
    readonly sessionId: string,
    readonly expectedVersion: number,
  ) {
    super(`Session ${sessionId} is no longer at version ${expectedVersion}`);
  }
}
