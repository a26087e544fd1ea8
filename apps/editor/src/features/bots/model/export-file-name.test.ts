import { describe, expect, it } from 'vitest';
import { exportFileName } from './export-file-name';

describe('exportFileName', () => {
  it('names the file after the bot', () => {
    expect(exportFileName('Support bot')).toBe('Support bot.parley.json');
  });

  it('replaces characters file systems refuse', () => {
    expect(exportFileName('Sales / EMEA: "new"?')).toBe('Sales - EMEA- -new-.parley.json');
    expect(exportFileName('..hidden')).toBe('hidden.parley.json');
    expect(exportFileName('a\tb\nc')).toBe('a-b-c.parley.json');
  });

  it('falls back to "bot" when nothing is left', () => {
    expect(exportFileName('  ')).toBe('bot.parley.json');
    expect(exportFileName('...')).toBe('bot.parley.json');
  });
});
