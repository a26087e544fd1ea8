import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultSourceAddress } from './default-source-address';

function info(address: string, family: 'IPv4' | 'IPv6', internal: boolean): NetworkInterfaceInfo {
  const common = { address, netmask: '', mac: '00:00:00:00:00:00', internal, cidr: null };
  return family === 'IPv4' ? { ...common, family } : { ...common, family, scopeid: 0 };
}

describe('defaultSourceAddress', () => {
  it('prefers the first external IPv4 address', () => {
    const interfaces = {
      lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
      eth0: [info('fe80::1', 'IPv6', false), info('10.0.0.5', 'IPv4', false)],
      eth1: [info('192.168.1.9', 'IPv4', false)],
    };
    expect(defaultSourceAddress(interfaces)).toBe('10.0.0.5');
  });

  it('falls back to an external IPv6 address, then to loopback', () => {
    expect(defaultSourceAddress({ eth0: [info('2001:db8::7', 'IPv6', false)] })).toBe('2001:db8::7');
    expect(defaultSourceAddress({ lo: [info('127.0.0.1', 'IPv4', true)] })).toBe('127.0.0.1');
    expect(defaultSourceAddress({})).toBe('127.0.0.1');
  });

  it('reads the real interfaces by default', () => {
    expect(defaultSourceAddress()).toMatch(/^[0-9a-f.:]+$/i);
  });
});
