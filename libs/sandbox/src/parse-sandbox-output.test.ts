import { describe, expect, it } from 'vitest';
import { parseSandboxOutput } from './parse-sandbox-output';

const caps = { maxOutputChars: 10_000, maxLogLines: 2, maxLogLineLength: 5 };
const output = (fields: Record<string, unknown>): string => JSON.stringify({ attributes: {}, logs: [], dropped: 0, invalid: null, ...fields });

/** The runtime's result is untrusted text: the script ran in the same context and could have forged it. */
describe('parseSandboxOutput', () => {
  it('reads the attributes set and the logs, re-capping the logs', () => {
    expect(parseSandboxOutput(output({ attributes: { a: 1, b: { c: [null] } }, logs: ['one', 'two'] }), caps)).toEqual({
      ok: true,
      attributes: { a: 1, b: { c: [null] } },
      logs: ['one', 'two'],
    });
    expect(parseSandboxOutput(output({ logs: ['123456789', 'b', 'c', 'd'], dropped: 3 }), caps)).toEqual({
      ok: true,
      attributes: {},
      logs: ['12345…', 'b', '… 5 more log lines dropped'],
    });
  });

  it('reports a value attributeApi.set refused as invalid-value', () => {
    expect(parseSandboxOutput(output({ invalid: "attributeApi.set('x', …): no" }), caps)).toEqual({
      ok: false,
      error: { code: 'invalid-value', message: "attributeApi.set('x', …): no" },
    });
  });

  it('refuses forged or oversized results as invalid-value, without touching any prototype', () => {
    const refused: unknown[] = [
      undefined,
      42,
      'not json',
      output({ attributes: [] }),
      output({ logs: [1] }),
      '{"attributes":{"x":{"__proto__":{"polluted":true}}},"logs":[],"dropped":0,"invalid":null}',
      '{"attributes":{"__proto__":{"polluted":true}},"logs":[],"dropped":0,"invalid":null}',
      output({ attributes: { big: 'x'.repeat(10_000) } }),
    ];
    for (const forged of refused) {
      expect(parseSandboxOutput(forged, caps), String(forged).slice(0, 80)).toMatchObject({ ok: false, error: { code: 'invalid-value' } });
    }
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });
});
