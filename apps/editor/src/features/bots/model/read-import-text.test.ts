import { describe, expect, it } from 'vitest';
import { readImportText } from './read-import-text';

describe('readImportText', () => {
  it('returns a JSON object as the draft', () => {
    const draft = { version: 1, attributes: [], entryDialogId: 'main', dialogs: [] };
    expect(readImportText(JSON.stringify(draft, null, 2))).toEqual({ kind: 'ok', draft });
  });

  it('refuses text that is not JSON, with the parser message', () => {
    const read = readImportText('{ "version": 1,');
    expect(read.kind).toBe('invalid');
    if (read.kind !== 'invalid') return;
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.path).toBe('');
    expect(read.problems[0]?.message).toMatch(/^The file is not valid JSON: /);
  });

  it('refuses JSON that is not an object', () => {
    expect(readImportText('[1, 2]')).toEqual({
      kind: 'invalid',
      problems: [{ path: '', message: 'The file holds a list, not a flow: expected a JSON object with version, attributes, entryDialogId and dialogs.' }],
    });
    expect(readImportText('"flow"')).toMatchObject({ kind: 'invalid', problems: [{ message: expect.stringContaining('a string, not a flow') }] });
    expect(readImportText('null')).toMatchObject({ kind: 'invalid', problems: [{ message: expect.stringContaining('null, not a flow') }] });
  });
});
