import { describe, expect, it } from 'vitest';
import { createAddressGuard } from './create-address-guard';
import { httpPolicySchema, type HttpPolicy } from './http-policy';

const guard = (policy: HttpPolicy) => createAddressGuard(httpPolicySchema.parse(policy));

describe('createAddressGuard', () => {
  it('allows public addresses and refuses the rest by default, naming the class', () => {
    const check = guard({});
    expect(check('api.example.com', '93.184.216.34')).toEqual({ allowed: true });
    expect(check('api.example.com', '10.1.2.3')).toEqual({ allowed: false, addressClass: 'private' });
    expect(check('127.0.0.1', '127.0.0.1')).toEqual({ allowed: false, addressClass: 'loopback' });
    expect(check('x', 'garbage')).toEqual({ allowed: false, addressClass: 'reserved' });
  });

  it('opens CIDR blocks and single IPs, also for the IPv4-mapped form of an allowed IPv4 address', () => {
    const check = guard({ allow: ['127.0.0.1/32', '10.20.0.0/16', '192.168.1.5', 'fd12::/64'] });
    expect(check('127.0.0.1', '127.0.0.1').allowed).toBe(true);
    expect(check('h', '::ffff:127.0.0.1').allowed).toBe(true);
    expect(check('h', '127.0.0.2')).toEqual({ allowed: false, addressClass: 'loopback' });
    expect(check('h', '10.20.99.1').allowed).toBe(true);
    expect(check('h', '10.21.0.1').allowed).toBe(false);
    expect(check('h', '192.168.1.5').allowed).toBe(true);
    expect(check('h', '192.168.1.6').allowed).toBe(false);
    expect(check('h', 'fd12::abcd').allowed).toBe(true);
    expect(check('h', 'fd13::1').allowed).toBe(false);
    expect(check('h', '::1').allowed).toBe(false);
  });

  it('opens host names exactly, and *.domain for subdomains only, whatever they resolve to', () => {
    const check = guard({ allow: ['crm.internal', '*.corp.example'] });
    expect(check('crm.internal', '10.0.0.7').allowed).toBe(true);
    expect(check('CRM.internal.', '10.0.0.7').allowed).toBe(true);
    expect(check('other.internal', '10.0.0.7').allowed).toBe(false);
    expect(check('a.corp.example', '192.168.0.1').allowed).toBe(true);
    expect(check('b.a.corp.example', '127.0.0.1').allowed).toBe(true);
    expect(check('corp.example', '192.168.0.1').allowed).toBe(false);
    expect(check('evilcorp.example', '192.168.0.1').allowed).toBe(false);
    // A host-name entry never matches a literal IP host.
    expect(check('10.0.0.7', '10.0.0.7').allowed).toBe(false);
  });

  it('never opens cloud metadata, unspecified, multicast or broadcast addresses', () => {
    const check = guard({ allow: ['0.0.0.0/0', '::/0', 'metadata.google.internal'] });
    expect(check('metadata.google.internal', '169.254.169.254')).toEqual({ allowed: false, addressClass: 'cloud-metadata' });
    expect(check('h', '::ffff:169.254.169.254')).toEqual({ allowed: false, addressClass: 'cloud-metadata' });
    expect(check('h', 'fd00:ec2::254')).toEqual({ allowed: false, addressClass: 'cloud-metadata' });
    expect(check('h', '0.0.0.0')).toEqual({ allowed: false, addressClass: 'unspecified' });
    expect(check('h', '224.0.0.1')).toEqual({ allowed: false, addressClass: 'multicast' });
    expect(check('h', '255.255.255.255')).toEqual({ allowed: false, addressClass: 'broadcast' });
    expect(check('h', '10.0.0.1').allowed).toBe(true);
  });
});

describe('httpPolicySchema', () => {
  it('normalizes valid entries', () => {
    expect(httpPolicySchema.parse({ allow: [' 127.0.0.1/32 ', 'API.Example.COM.', '*.corp.example', '::1', 'fd00::/8'] }).allow).toEqual([
      '127.0.0.1/32',
      'api.example.com',
      '*.corp.example',
      '::1',
      'fd00::/8',
    ]);
    expect(httpPolicySchema.parse({}).allow).toEqual([]);
  });

  it('refuses entries that are not an IP, a CIDR block or a host name', () => {
    for (const entry of ['127.0.0.1/33', '::1/129', '10.0.0.0/', '0x7f.1/32', 'http://x.example', 'a b', '*', '*.', 'x.*.example', '10.0.0.0/8/8', '']) {
      expect(httpPolicySchema.safeParse({ allow: [entry] }).success, entry).toBe(false);
    }
  });

  it('opens an entry with a port on that port only', () => {
    const check = guard({ allow: ['127.0.0.1:3002', 'crm.internal:8443', '[fd12::1]:443', '10.0.0.0/8:5000'] });
    expect(check('127.0.0.1', '127.0.0.1', 3002).allowed).toBe(true);
    expect(check('127.0.0.1', '127.0.0.1', 3001)).toEqual({ allowed: false, addressClass: 'loopback' });
    expect(check('127.0.0.1', '127.0.0.1').allowed).toBe(false);
    expect(check('crm.internal', '10.9.9.9', 8443).allowed).toBe(true);
    expect(check('crm.internal', '10.9.9.9', 443).allowed).toBe(false);
    expect(check('h', 'fd12::1', 443).allowed).toBe(true);
    expect(check('h', '10.1.1.1', 5000).allowed).toBe(true);
    expect(check('h', '10.1.1.1', 5001).allowed).toBe(false);
  });

  it('refuses malformed ports', () => {
    for (const entry of ['127.0.0.1:0', '127.0.0.1:70000', 'crm.internal:http', '[fd12::1]:']) {
      expect(httpPolicySchema.safeParse({ allow: [entry] }).success, entry).toBe(false);
    }
  });

  it("never opens a denied port on a non-public address, whatever the allowlist says (Parley's own services)", () => {
    const check = guard({ allow: ['127.0.0.1', 'db.internal'], denyPorts: [5432, 3001] });
    expect(check('127.0.0.1', '127.0.0.1', 8080).allowed).toBe(true);
    expect(check('127.0.0.1', '127.0.0.1', 3001)).toEqual({ allowed: false, addressClass: 'loopback' });
    expect(check('db.internal', '10.1.2.3', 5432)).toEqual({ allowed: false, addressClass: 'private' });
    expect(check('api.example.com', '93.184.216.34', 5432).allowed).toBe(true);
  });
});
