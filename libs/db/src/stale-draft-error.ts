/**
 * A draft save named a revision that is no longer current: someone else saved
 * in between. The caller should reload the draft (at `currentRevision`) and
 * merge or ask the user, never overwrite blindly.
 */
export class StaleDraftError extends Error {
  override readonly name = 'StaleDraftError';

  constructor(
    readonly botId: string,
    readonly expectedRevision: number,
    readonly currentRevision: number,
    /** User id of whoever saved `currentRevision`; null when unknown (an API key, or not recorded). */
    readonly currentUpdatedBy: string | null = null,
  ) {
    super(`Draft of bot ${botId} is at revision ${currentRevision}, not ${expectedRevision}`);
  }
}
