import { describe, expect, it } from 'vitest';
import { paletteFilter } from './palette-filter';

describe('paletteFilter', () => {
  it('needs every typed word in the value or keywords', () => {
    expect(paletteFilter('command canvas.layout-lr Auto-layout left to right', 'layout')).toBeGreaterThan(0);
    expect(paletteFilter("element greet Hi! I'm the Parley demo bot. What's your name?", 'layout')).toBe(0);
    expect(paletteFilter('add Send message', 'send msg')).toBe(0);
    expect(paletteFilter('add Send message', 'send mess')).toBeGreaterThan(0);
    expect(paletteFilter('dialog faq FAQ', '', [])).toBe(1);
  });

  it('ranks a phrase at a word start over word starts over inner matches', () => {
    const phrase = paletteFilter('command edit.undo Undo', 'undo');
    const starts = paletteFilter('add Send message', 'mess send');
    const inner = paletteFilter('add Send message', 'ssag');
    expect(phrase).toBeGreaterThan(starts);
    expect(starts).toBeGreaterThan(inner);
    expect(paletteFilter('element x1 Opening hours', 'hours', ['User response', 'FAQ'])).toBe(1);
  });
});
