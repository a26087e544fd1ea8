import type { ElementContext } from './element-definition';

/**
 * An ElementContext for unit tests: no attributes, no declarations, time 0, random 0,
 * each overridable. (Tests only; not exported from the package.)
 */
export function testContext(overrides: Partial<ElementContext> = {}): ElementContext {
  return { attributes: {}, declarations: {}, now: 0, random: () => 0, ...overrides };
}
