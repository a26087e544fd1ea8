import { describe, expect, it } from 'vitest';
import { starterFlow } from '../starter-flow';
import { versionFlow } from './version-flow';

describe('versionFlow', () => {
  it('is the kept source when there is one: what the author wrote', () => {
    const source = starterFlow();
    expect(versionFlow({ source, flow: { ...source, components: [{ id: 'c' }], expanded: true } })).toEqual(source);
  });

  it('is the published flow without its components for versions published before sources were kept', () => {
    const flow = starterFlow();
    expect(versionFlow({ source: null, flow: { ...flow, components: [{ id: 'c', version: 1 }] } })).toEqual(flow);
  });
});
