import { describe, expect, it } from 'vitest';
import { filterBots } from './filter-bots';

const bots = [
  { id: 'a', name: 'Support bot', description: 'Answers billing questions' },
  { id: 'b', name: 'Lead capture', description: null },
  { id: 'c', name: 'FAQ', description: 'Opening hours and SUPPORT contacts' },
];

describe('filterBots', () => {
  it('keeps every bot for a blank query', () => {
    expect(filterBots(bots, '')).toEqual(bots);
    expect(filterBots(bots, '   ')).toEqual(bots);
  });

  it('matches names and descriptions, ignoring case', () => {
    expect(filterBots(bots, 'support').map((bot) => bot.id)).toEqual(['a', 'c']);
    expect(filterBots(bots, 'LEAD').map((bot) => bot.id)).toEqual(['b']);
    expect(filterBots(bots, 'billing').map((bot) => bot.id)).toEqual(['a']);
  });

  it('needs every word, in any order', () => {
    expect(filterBots(bots, 'questions support').map((bot) => bot.id)).toEqual(['a']);
    expect(filterBots(bots, 'support nothing')).toEqual([]);
  });
});
