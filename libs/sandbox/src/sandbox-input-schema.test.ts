import { attributeValuesSchema, codeRunCallSchema, codeRunErrorCodeSchema, codeRunLimitsSchema } from '@parley/elements';
import { describe, expect, it } from 'vitest';
import { maxScriptLength, sandboxAttributesSchema, sandboxInputSchema, sandboxLimitsSchema } from './sandbox-input-schema';
import { sandboxErrorCodeSchema } from './sandbox-result-schema';

/** The sandbox declares its own copies of the `code.run` schemas (see sandboxAttributesSchema); they must agree. */
describe('sandbox schemas agree with the code.run call', () => {
  it('accepts and refuses the same limits', () => {
    for (const timeoutMs of [99, 100, 1_000, 5_000, 5_001, 1.5]) {
      for (const memoryMb of [7, 8, 32, 64, 65]) {
        const limits = { timeoutMs, memoryMb };
        expect(sandboxLimitsSchema.safeParse(limits).success, JSON.stringify(limits)).toBe(codeRunLimitsSchema.safeParse(limits).success);
      }
    }
  });

  it('accepts and refuses the same attribute values', () => {
    const samples: unknown[] = [{}, { a: 1, b: 'x', c: null, d: [true, { e: [] }] }, { a: undefined }, { a: Number.NaN }, { a: () => 1 }, { a: new Date(0) }, [], 'x'];
    for (const sample of samples) {
      expect(sandboxAttributesSchema.safeParse(sample).success, String(sample)).toBe(attributeValuesSchema.safeParse(sample).success);
    }
  });

  it('has the same script length limit and error codes', () => {
    const call = (code: string) => ({ name: 'code.run', code, attributes: {}, limits: { timeoutMs: 100, memoryMb: 8 } });
    for (const length of [maxScriptLength, maxScriptLength + 1]) {
      const code = 'x'.repeat(length);
      expect(sandboxInputSchema.safeParse(call(code)).success).toBe(codeRunCallSchema.safeParse(call(code)).success);
    }
    expect(sandboxErrorCodeSchema.options).toEqual(codeRunErrorCodeSchema.options);
  });
});
