import { describe, expect, it } from 'vitest';
import { AutosaveController, type AutosavePorts, type SaveStatus } from './autosave-controller';
import type { EditorFlow } from './editor-flow';

const base: EditorFlow = { version: 1, attributes: [], entryDialogId: 'main', dialogs: [{ id: 'main', name: 'Main', startElementId: '', elements: [], edges: [] }] };
const renamed = (name: string): EditorFlow => ({ ...base, dialogs: [{ id: 'main', name, startElementId: '', elements: [], edges: [] }] });

class ConflictError extends Error {}

/** A fake API holding one bot's draft, with the server's revision rule. */
function harness() {
  const server = { flow: base, revision: 3, saves: [] as EditorFlow[], savedBy: 'Ana Lopez' };
  let flow = base;
  const statuses: SaveStatus[] = [];
  let pending: (() => void) | undefined;
  const ports: AutosavePorts = {
    currentFlow: () => flow,
    replaceFlow: (next) => {
      flow = next;
    },
    saveDraft: async (next, expectedRevision) => {
      if (expectedRevision !== server.revision) throw new ConflictError(`${server.savedBy} saved this bot after you loaded it`);
      server.flow = next;
      server.revision += 1;
      server.saves.push(next);
      return { draftRevision: server.revision };
    },
    remoteState: async () => ({ draftRevision: server.revision, updatedBy: server.savedBy }),
    loadDraft: async () => ({ flow: server.flow, draftRevision: server.revision }),
    announce: () => undefined,
    isConflict: (error) => error instanceof ConflictError,
    describe: (error) => (error instanceof Error ? error.message : String(error)),
    onChange: (status) => statuses.push(status),
    setTimer: (run) => {
      pending = run;
      return setTimeout(() => undefined, 0);
    },
    clearTimer: () => {
      pending = undefined;
    },
  };
  const controller = new AutosaveController(ports, 3);
  return {
    server,
    controller,
    statuses,
    edit(next: EditorFlow) {
      flow = next;
      controller.edited();
    },
    current: () => flow,
    fireTimer: () => pending?.(),
  };
}

describe('AutosaveController', () => {
  it('saves an edit after the quiet time, naming the revision it started from', async () => {
    const h = harness();
    h.edit(renamed('Start'));
    expect(h.controller.currentStatus.kind).toBe('unsaved');
    h.fireTimer();
    await h.controller.flush();
    expect(h.server.saves).toEqual([renamed('Start')]);
    expect(h.controller.currentRevision).toBe(4);
    expect(h.controller.currentStatus.kind).toBe('saved');
  });

  it('never overwrites a teammate silently: the save is refused, the person is told and chooses', async () => {
    const h = harness();
    h.server.flow = renamed('Theirs');
    h.server.revision = 4;
    h.edit(renamed('Mine'));
    await h.controller.flush();
    expect(h.controller.currentStatus).toEqual({ kind: 'conflict', message: 'Ana Lopez saved this bot after you loaded it' });
    expect(h.server.flow).toEqual(renamed('Theirs'));
    // Further edits are kept locally but not saved until the person decides.
    h.edit(renamed('Mine, more'));
    expect(await h.controller.flush()).toBe(false);
    expect(h.server.flow).toEqual(renamed('Theirs'));
    // Overwrite on purpose: mine wins, at the next revision.
    expect(await h.controller.overwrite()).toBe(true);
    expect(h.server.flow).toEqual(renamed('Mine, more'));
    expect(h.server.revision).toBe(5);
  });

  it('reload takes the saved draft and its revision', async () => {
    const h = harness();
    h.server.flow = renamed('Theirs');
    h.server.revision = 9;
    await h.controller.checkRemote();
    expect(h.controller.currentStatus).toEqual({ kind: 'conflict', message: 'Ana Lopez saved this bot (revision 9) while you had it open.' });
    await h.controller.reload();
    expect(h.current()).toEqual(renamed('Theirs'));
    expect(h.controller.currentRevision).toBe(9);
    expect(h.controller.currentStatus.kind).toBe('saved');
  });

  it('an edit made while a save is in flight is saved next, not lost', async () => {
    const h = harness();
    h.edit(renamed('One'));
    const first = h.controller.flush();
    h.edit(renamed('Two'));
    await first;
    expect(h.controller.currentStatus.kind).toBe('unsaved');
    await h.controller.flush();
    expect(h.server.flow).toEqual(renamed('Two'));
    expect(h.server.revision).toBe(5);
  });
});
