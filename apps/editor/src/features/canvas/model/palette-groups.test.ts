import { elementRegistry, elementTypes } from '@parley/elements';
import { describe, expect, it } from 'vitest';
import { paletteGroups } from './palette-groups';

describe('palette groups', () => {
  it('lists every element type once, under its registry category, Sends then Receives then Actions', () => {
    const listed = paletteGroups.flatMap((group) => group.types);
    expect([...listed].sort()).toEqual([...elementTypes].sort());
    expect(paletteGroups.map((group) => group.heading)).toEqual(['Sends', 'Receives', 'Actions']);
    for (const group of paletteGroups) for (const type of group.types) expect(elementRegistry[type].category).toBe(group.category);
  });

  it("keeps the spec's order within a group", () => {
    const actions = paletteGroups.find((group) => group.category === 'actions')?.types.map((type) => elementRegistry[type].title);
    expect(actions?.slice(0, 4)).toEqual(['API', 'Authentication', 'Close session', 'Code']);
    expect(actions?.at(-1)).toBe('Webhook');
  });
});
