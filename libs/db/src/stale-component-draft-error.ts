/**
 * A component draft save named a revision that is no longer current: someone
 * else saved in between. Reload the draft (at `currentRevision`) before saving.
 */
export class StaleComponentDraftError extends Error {
  override readonly name = 'StaleComponentDraftError';

  constructor(
    readonly componentId: string,
    readonly expectedRevision: number,
    readonly currentRevision: number,
  ) {
    super(`Draft of component ${componentId} is at revision ${currentRevision}, not ${expectedRevision}`);
  }
}
