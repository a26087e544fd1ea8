import { describe, expect, it } from 'vitest';
import { declarationsForTests, validationContext } from '../validation-context-for-tests';
import { testContext } from '../test-context';
import { toDialogElement } from './index';
import { runToDialog, toDialogAttributeRefs, validateToDialog } from './run';
import { toDialogSchema, type ToDialog } from './schema';

const element: ToDialog = { id: 'jump', type: 'to-dialog', dialogId: 'help' };

describe('to-dialog', () => {
  it('jumps to the dialog, with the shared attributes when there are any', () => {
    expect(runToDialog(element, testContext())).toEqual({ kind: 'goto', dialogId: 'help', effects: [], attributes: {} });
    const sharing: ToDialog = { ...element, shareAttributes: [{ from: 'a', to: 'b' }] };
    expect(runToDialog(sharing, testContext())).toEqual({ kind: 'goto', dialogId: 'help', share: [{ from: 'a', to: 'b' }], effects: [], attributes: {} });
  });

  it('has no ports; reads each from and writes each to', () => {
    expect(toDialogElement.ports(element)).toEqual([]);
    expect(toDialogAttributeRefs({ ...element, shareAttributes: [{ from: 'a', to: 'b' }] })).toEqual([
      { name: 'a', access: 'read', path: ['shareAttributes', 0, 'from'], valuePath: [], via: 'field' },
      { name: 'b', access: 'write', path: ['shareAttributes', 0, 'to'], valuePath: [], via: 'field' },
    ]);
  });

  it('validates the target dialog and the shared types', () => {
    const context = validationContext({
      declarations: declarationsForTests({ name: 'text', age: 'number', data: 'json', tags: 'list' }),
      dialogs: [{ id: 'help', name: 'Help' }],
    });
    expect(validateToDialog(element, context)).toEqual([]);
    expect(validateToDialog({ ...element, dialogId: 'nope' }, context)).toEqual([
      { field: 'dialogId', rule: 'unknown-dialog', message: 'There is no dialog "nope".' },
    ]);
    const shares: ToDialog = {
      ...element,
      shareAttributes: [
        { from: 'age', to: 'name' },
        { from: 'tags', to: 'data' },
        { from: 'name', to: 'age' },
        { from: 'tags', to: 'name' },
        { from: 'unknown', to: 'name' },
      ],
    };
    expect(validateToDialog(shares, context).map((issue) => issue.field)).toEqual(['shareAttributes[2]', 'shareAttributes[3]']);
  });

  it('limits the shared attributes to 50 and needs a dialog id', () => {
    const ok = (value: unknown): boolean => toDialogSchema.safeParse(value).success;
    expect(ok({ ...element, shareAttributes: Array.from({ length: 50 }, () => ({ from: 'a', to: 'b' })) })).toBe(true);
    expect(ok({ ...element, shareAttributes: Array.from({ length: 51 }, () => ({ from: 'a', to: 'b' })) })).toBe(false);
    expect(ok({ id: 'jump', type: 'to-dialog' })).toBe(false);
  });
});
