import { describe, expect, it } from 'vitest';
import { clientAddressKey } from './client-address-key';

describe('clientAddressKey', () => {
  it('keeps an IPv4 address as is', () => {
    expect(clientAddressKey('203.0.113.9')).toBe('203.0.113.9');
  });

  it('counts an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(clientAddressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddressKey('::FFFF:cb00:7109')).toBe('203.0.113.9');
  });

  it('buckets IPv6 addresses by their /64, however they are spelled', () => {
    const key = clientAddressKey('2001:db8:1:2::1');
    expect(key).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:0DB8:0001:0002:ffff:ffff:ffff:fffe')).toBe(key);
    expect(clientAddressKey('2001:db8:1:2:0:0:0:0')).toBe(key);
    expect(clientAddressKey('2001:db8:1:3::1')).not.toBe(key);
    expect(clientAddressKey('fe80::1%eth0')).toBe('fe80::/64');
    expect(clientAddressKey('::1')).toBe('::/64');
  });

  it('puts every non-address into one shared bucket', () => {
    expect(clientAddressKey(undefined)).toBe('invalid');
    expect(clientAddressKey('')).toBe('invalid');
    expect(clientAddressKey('unknown')).toBe('invalid');
    expect(clientAddressKey('127.1')).toBe('invalid');
    expect(clientAddressKey('203.0.113.9, 198.51.100.1')).toBe('invalid');
  });
});
