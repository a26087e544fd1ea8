import { describe, expect, it } from 'vitest';
import { rateLimitKeys } from './rate-limit-keys';

describe('rateLimitKeys', () => {
  it('puts both keys of an endpoint in one cluster slot (same hash tag) under the prefix', () => {
    expect(rateLimitKeys('parley', 'https://crm.example.com:443', '10.0.0.5')).toEqual([
      'parley:rate:{https://crm.example.com:443}',
      'parley:rate:{https://crm.example.com:443}:src:10.0.0.5',
    ]);
  });

  it('keeps braces out of the hash tag', () => {
    const [endpoint] = rateLimitKeys('p', 'a{b}c', 's');
    expect(endpoint).toBe('p:rate:{a_b_c}');
  });
});
