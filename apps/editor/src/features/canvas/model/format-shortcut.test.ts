import { describe, expect, it } from 'vitest';
import { formatShortcut } from './format-shortcut';

describe('formatShortcut', () => {
  it('writes Mod as Ctrl off Apple systems and as ⌘ (modifiers first, in Apple order) on them', () => {
    expect(formatShortcut('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('Mod+Shift+Z', true)).toBe('⇧⌘Z');
    expect(formatShortcut('Shift+1', true)).toBe('⇧1');
    expect(formatShortcut('Delete', false)).toBe('Delete');
    expect(formatShortcut('Ctrl+Y', false)).toBe('Ctrl+Y');
  });
});
