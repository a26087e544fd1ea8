import { validateFlow } from '@parley/engine';
import { describe, expect, it } from 'vitest';
import { starterFlow } from './starter-flow';

describe('starterFlow', () => {
  it('is a valid flow with no warnings', () => {
    expect(validateFlow(starterFlow())).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('returns a fresh document each call', () => {
    const first = starterFlow();
    first.dialogs.pop();
    expect(starterFlow().dialogs).toHaveLength(1);
  });
});
