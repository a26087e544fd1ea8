import { randomUUID } from 'node:crypto';
import { listAuditLog } from '@parley/db';
import { describe, expect, it } from 'vitest';
import { flowIssuesOf } from '../testing/flow-issues-of';
import { twoWorkspaces } from '../testing/two-workspaces';
import { trpcError } from '../testing/trpc-error';
import { starterComponentDocument, type ComponentDocumentInput } from './component-document';

/**
 * What the component editor needs from the router against the real database: saving a
 * work in progress (`allowErrors`), renaming (`components.update`) and resolving the
 * components a draft uses (`components.resolve`).
 */

const workspaces = twoWorkspaces('Components editing', 'components-editing');
const { slug, otherSlug, callerFor } = workspaces;

/** The starter document with a Send message whose text is empty (an error) before the return. */
function withEmptyMessage(name: string): ComponentDocumentInput {
  return {
    ...starterComponentDocument(name),
    dialogs: [
      {
        id: 'main',
        name: 'Main',
        startElementId: 'say',
        elements: [
          { id: 'say', type: 'send-message', text: '' },
          { id: 'return', type: 'component-return' },
        ],
        edges: [{ id: 'e1', from: 'say', to: 'return' }],
      },
    ],
  };
}

describe('components.saveDraft with allowErrors', () => {
  it('stores a work in progress with its errors, refuses one without the draft shape, and refuses errors by default', async () => {
    const caller = await callerFor(slug);
    const { id } = await caller.components.create({ name: 'Work in progress' });

    const refused = await trpcError(caller.components.saveDraft({ id, draft: withEmptyMessage('Work in progress') }));
    expect(refused.code).toBe('BAD_REQUEST');

    const saved = await caller.components.saveDraft({ id, draft: withEmptyMessage('Work in progress'), expectedRevision: 0, allowErrors: true });
    expect(saved.draftRevision).toBe(1);
    expect(saved.errors).toEqual([expect.objectContaining({ path: 'dialogs[0].elements[0].text', dialogId: 'main', elementId: 'say', field: 'text' })]);
    expect(saved.errors.every((issue) => issue.componentId === undefined)).toBe(true);
    expect((await caller.components.get({ id })).draft).toEqual(withEmptyMessage('Work in progress'));

    const shapeless = await trpcError(caller.components.saveDraft({ id, draft: { name: 'x', inputs: [], dialogs: [] }, allowErrors: true }));
    expect(shapeless.code).toBe('BAD_REQUEST');
    expect(shapeless.message).toMatch(/^Component draft cannot be saved, even as a work in progress/);
    expect(flowIssuesOf(shapeless).map((issue) => [issue.path, issue.rule])).toEqual(
      expect.arrayContaining([
        ['outputs', 'required'],
        ['attributes', 'required'],
        ['entryDialogId', 'required'],
        ['dialogs', 'too-few'],
      ]),
    );
    const unknownType = await trpcError(
      caller.components.saveDraft({ id, draft: { ...withEmptyMessage('x'), dialogs: [{ id: 'main', name: 'Main', startElementId: 'a', elements: [{ id: 'a', type: 'teleport' }], edges: [] }] }, allowErrors: true }),
    );
    expect(flowIssuesOf(unknownType)).toEqual([expect.objectContaining({ path: 'dialogs[0].elements[0].type', elementId: 'a', rule: 'unknown-element-type' })]);
    expect((await caller.components.get({ id })).draftRevision).toBe(1);

    // A valid draft saved with allowErrors has no errors; an invalid name keeps the old one.
    const valid = await caller.components.saveDraft({ id, draft: starterComponentDocument('Fixed'), expectedRevision: 1, allowErrors: true });
    expect(valid).toMatchObject({ draftRevision: 2, errors: [], warnings: [] });
    await caller.components.saveDraft({ id, draft: { ...withEmptyMessage('x'), name: '' }, allowErrors: true });
    expect((await caller.components.get({ id })).name).toBe('Fixed');
    // Publishing checks again: errors block it.
    expect((await trpcError(caller.components.publish({ id }))).code).toBe('BAD_REQUEST');
  });
});

describe('components.update', () => {
  it('renames the component and its draft document without moving the revision, and changes the description', async () => {
    const caller = await callerFor(slug);
    const { id } = await caller.components.create({ name: 'Old name', description: 'First' });
    const renamed = await caller.components.update({ id, name: 'New name' });
    expect(renamed).toMatchObject({ id, name: 'New name', description: 'First', latestVersion: null });
    const detail = await caller.components.get({ id });
    expect(detail).toMatchObject({ name: 'New name', draftRevision: 0, draft: { ...starterComponentDocument('New name') } });

    expect(await caller.components.update({ id, description: '' })).toMatchObject({ description: null });
    expect(await caller.components.update({ id, description: 'Second' })).toMatchObject({ description: 'Second' });
    // An open editor saving at the revision it loaded does not conflict.
    expect((await caller.components.saveDraft({ id, draft: starterComponentDocument('New name'), expectedRevision: 0 })).draftRevision).toBe(1);
    await caller.components.publish({ id });
    expect(await caller.components.update({ id, name: 'Newer' })).toMatchObject({ latestVersion: 1 });

    const workspace = await workspaces.db.workspace.findUniqueOrThrow({ where: { slug } });
    const audit = await listAuditLog(workspaces.db, { workspaceId: workspace.id, limit: 20 });
    const updates = audit.entries.filter((entry) => entry.action === 'component.updated' && entry.targetId === id);
    expect(updates.map((entry) => entry.details)).toEqual(
      expect.arrayContaining([{ name: { from: 'Old name', to: 'New name' } }, { description: { from: 'First', to: null } }]),
    );

    expect((await trpcError(caller.components.update({ id, name: '  ' }))).code).toBe('BAD_REQUEST');
    expect((await trpcError(caller.components.update({ id }))).code).toBe('BAD_REQUEST');
    const other = await callerFor(otherSlug);
    expect((await trpcError(other.components.update({ id, name: 'Stolen' }))).code).toBe('NOT_FOUND');
    expect((await caller.components.get({ id })).name).toBe('Newer');
  });
});

describe('components.resolve', () => {
  it('gives the published version, else the draft, transitively; ids of no component of the workspace are left out', async () => {
    const caller = await callerFor(slug);
    const inner = await caller.components.create({ name: 'Inner' });
    await caller.components.publish({ id: inner.id });
    const outerDocument: ComponentDocumentInput = {
      ...starterComponentDocument('Outer'),
      dialogs: [
        {
          id: 'main',
          name: 'Main',
          startElementId: 'use',
          elements: [
            { id: 'use', type: 'component', componentId: inner.id },
            { id: 'return', type: 'component-return' },
          ],
          edges: [{ id: 'e1', from: 'use', to: 'return' }],
        },
      ],
    };
    const outer = await caller.components.create({ name: 'Outer', draft: outerDocument });
    const foreign = await (await callerFor(otherSlug)).components.create({ name: 'Foreign' });

    const resolved = await caller.components.resolve({ ids: [outer.id, foreign.id, randomUUID()] });
    expect(resolved.components.map(({ id, name, version, source }) => ({ id, name, version, source }))).toEqual([
      { id: outer.id, name: 'Outer', version: 1, source: 'draft' },
      { id: inner.id, name: 'Inner', version: 1, source: 'version' },
    ]);
    expect(resolved.components[0]?.document).toEqual(outerDocument);
    expect(await caller.components.resolve({ ids: [] })).toEqual({ components: [] });
  });
});
