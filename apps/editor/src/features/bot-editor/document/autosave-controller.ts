import type { EditorFlow } from './editor-flow';

/** Quiet time after the last edit before the draft is saved. */
export const autosaveDelayMs = 700;

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  /** The last save failed for a reason other than a conflict; retried on the next edit or flush. */
  | { kind: 'failed'; message: string }
  /** Someone else saved: nothing is saved until the person reloads or overwrites. */
  | { kind: 'conflict'; message: string };

/** What the controller needs from the outside world (the API, the document store, the clock). */
export type AutosavePorts = {
  currentFlow(): EditorFlow;
  /** Replaces the document (reload); the store's undo history is cleared. */
  replaceFlow(flow: EditorFlow): void;
  saveDraft(flow: EditorFlow, expectedRevision: number): Promise<{ draftRevision: number }>;
  remoteState(): Promise<{ draftRevision: number; updatedBy: string | null }>;
  loadDraft(): Promise<{ flow: EditorFlow; draftRevision: number }>;
  /** What messages call the document ("saved this bot"); default 'bot'. */
  noun?: string;
  /** Tells other tabs of this browser that this tab saved `revision`. */
  announce(revision: number): void;
  isConflict(error: unknown): boolean;
  describe(error: unknown): string;
  onChange(status: SaveStatus, revision: number): void;
  setTimer(run: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimer(timer: ReturnType<typeof setTimeout> | undefined): void;
};

/**
 * Saves the open draft a moment after each edit, always naming the revision it started
 * from, so no save overwrites another silently. A save by someone else (a CONFLICT from
 * the API, a newer revision seen by `checkRemote`) stops saving and reports a conflict;
 * the person then calls `reload` (take theirs) or `overwrite` (keep mine, on purpose).
 */
export class AutosaveController {
  private revision: number;
  private savedFlow: EditorFlow;
  private inFlight: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;
  private status: SaveStatus = { kind: 'saved' };

  constructor(
    private readonly ports: AutosavePorts,
    initialRevision: number,
  ) {
    this.revision = initialRevision;
    this.savedFlow = ports.currentFlow();
  }

  get currentStatus(): SaveStatus {
    return this.status;
  }

  get currentRevision(): number {
    return this.revision;
  }

  /** True while the document differs from the last saved one. */
  get dirty(): boolean {
    return this.ports.currentFlow() !== this.savedFlow;
  }

  /** The document changed: save it after autosaveDelayMs of quiet. */
  edited(): void {
    if (this.status.kind === 'conflict') return;
    this.set({ kind: 'unsaved' });
    this.schedule();
  }

  /** Saves now; resolves true when the document as it is now is saved. */
  async flush(): Promise<boolean> {
    this.ports.clearTimer(this.timer);
    return this.save(undefined);
  }

  /** Checks whether someone else saved a newer revision (polling, or another tab's notice). */
  async checkRemote(): Promise<void> {
    if (this.busyOrInConflict()) return;
    try {
      const remote = await this.ports.remoteState();
      // A save may have started, or a conflict been found, while this check waited.
      if (this.busyOrInConflict()) return;
      if (remote.draftRevision > this.revision) {
        this.conflict(`${remote.updatedBy ?? 'Someone'} saved this ${this.ports.noun ?? 'bot'} (revision ${remote.draftRevision}) while you had it open.`);
      }
    } catch {
      // Unreachable for a moment: the next check or save tells.
    }
  }

  /** Conflict resolved by taking the saved draft (local changes since the last save are dropped). */
  async reload(): Promise<void> {
    try {
      const saved = await this.ports.loadDraft();
      this.ports.clearTimer(this.timer);
      this.ports.replaceFlow(saved.flow);
      this.savedFlow = this.ports.currentFlow();
      this.revision = saved.draftRevision;
      this.set({ kind: 'saved' });
    } catch (error) {
      this.set({ kind: 'conflict', message: this.ports.describe(error) });
    }
  }

  /** Conflict resolved by saving this document over the other save. */
  async overwrite(): Promise<boolean> {
    try {
      const remote = await this.ports.remoteState();
      return await this.save(remote.draftRevision);
    } catch (error) {
      this.set({ kind: 'conflict', message: this.ports.describe(error) });
      return false;
    }
  }

  /** Something else stored `flow` as the draft at `revision` (a restored version): open it as saved. */
  adopt(flow: EditorFlow, revision: number): void {
    this.ports.clearTimer(this.timer);
    this.ports.replaceFlow(flow);
    this.savedFlow = this.ports.currentFlow();
    this.revision = revision;
    this.set({ kind: 'saved' });
  }

  dispose(): void {
    this.ports.clearTimer(this.timer);
  }

  private busyOrInConflict(): boolean {
    return this.inFlight !== null || this.status.kind === 'conflict';
  }

  private schedule(): void {
    this.ports.clearTimer(this.timer);
    this.timer = this.ports.setTimer(() => void this.save(undefined), autosaveDelayMs);
  }

  private conflict(message: string): void {
    this.ports.clearTimer(this.timer);
    this.set({ kind: 'conflict', message });
  }

  private reported: { status: SaveStatus; revision: number } | undefined;

  /** Records the status; tells onChange only when it changed (each keystroke marks 'unsaved' again). */
  private set(status: SaveStatus): void {
    this.status = status;
    const last = this.reported;
    const sameMessage = (a: SaveStatus, b: SaveStatus) => ('message' in a ? a.message : '') === ('message' in b ? b.message : '');
    if (last && last.revision === this.revision && last.status.kind === status.kind && sameMessage(last.status, status)) return;
    this.reported = { status, revision: this.revision };
    this.ports.onChange(status, this.revision);
  }

  /** One save at a time; `overRevision` is given only by overwrite (the revision to replace). */
  private async save(overRevision: number | undefined): Promise<boolean> {
    while (this.inFlight) await this.inFlight;
    if (this.status.kind === 'conflict' && overRevision === undefined) return false;
    const flow = this.ports.currentFlow();
    if (flow === this.savedFlow && overRevision === undefined) {
      this.set({ kind: 'saved' });
      return true;
    }
    this.set({ kind: 'saving' });
    const attempt = this.ports
      .saveDraft(flow, overRevision ?? this.revision)
      .then((result) => {
        this.revision = result.draftRevision;
        this.savedFlow = flow;
        this.ports.announce(result.draftRevision);
        if (this.ports.currentFlow() !== flow) {
          this.set({ kind: 'unsaved' });
          this.schedule();
        } else {
          this.set({ kind: 'saved' });
        }
        return true;
      })
      .catch((error: unknown) => {
        if (this.ports.isConflict(error)) this.conflict(this.ports.describe(error));
        else this.set({ kind: 'failed', message: this.ports.describe(error) });
        return false;
      })
      .finally(() => {
        this.inFlight = null;
      });
    this.inFlight = attempt;
    return attempt;
  }
}
