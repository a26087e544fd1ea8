import { describe, expect, it } from 'vitest';
import { importNameFromFile } from './import-name-from-file';

describe('importNameFromFile', () => {
  it('drops the extension Export writes', () => {
    expect(importNameFromFile('Support bot.parley.json')).toBe('Support bot');
    expect(importNameFromFile('faq.JSON')).toBe('faq');
    expect(importNameFromFile('flow.backup.json')).toBe('flow.backup');
  });

  it('cuts long names and names nameless files', () => {
    expect(importNameFromFile(`${'x'.repeat(150)}.json`)).toHaveLength(100);
    expect(importNameFromFile('.json')).toBe('Imported bot');
  });
});
