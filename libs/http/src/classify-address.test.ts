import { describe, expect, it } from 'vitest';
import { classifyAddress, type AddressClass } from './classify-address';

const cases: Record<AddressClass, string[]> = {
  public: ['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '64:ff9b::808:808', '2002:808:808::1', '::ffff:8.8.8.8'],
  loopback: ['127.0.0.1', '127.255.255.254', '::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '0:0:0:0:0:ffff:7f00:1', '::127.0.0.1', '64:ff9b::7f00:1', '64:ff9b::127.0.0.1', '2002:7f00:1::', '2002:7f00:1:1::1', '::ffff:0:127.0.0.1'],
  private: ['10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255', '192.168.0.1', 'fc00::1', 'fd12:3456::1', 'fec0::1', '::ffff:10.0.0.1', '::ffff:c0a8:101', '64:ff9b::a00:1', '2002:c0a8:101::1', '64:ff9b:1::a00:1'],
  'link-local': ['169.254.0.1', '169.254.10.20', 'fe80::1', 'febf::1', '::ffff:169.254.1.1'],
  'carrier-grade-nat': ['100.64.0.1', '100.127.255.254', '::ffff:100.64.0.1'],
  multicast: ['224.0.0.1', '239.255.255.250', 'ff02::1', 'ff0e::1', '::ffff:224.0.0.1'],
  unspecified: ['0.0.0.0', '0.1.2.3', '::', '::ffff:0.0.0.0', '64:ff9b::'],
  broadcast: ['255.255.255.255', '::ffff:255.255.255.255'],
  'cloud-metadata': ['169.254.169.254', '169.254.170.2', '100.100.100.200', '168.63.129.16', 'fd00:ec2::254', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe', '64:ff9b::a9fe:a9fe', '2002:a9fe:a9fe::1'],
  reserved: ['192.0.2.1', '198.51.100.7', '203.0.113.9', '198.18.0.1', '240.0.0.1', '2001:db8::1', '2001::1', '100::1', '4000::1', '1::1', 'not-an-ip', '0177.0.0.1', '2130706433', '0x7f.1', ''],
};

describe('classifyAddress', () => {
  for (const [expected, addresses] of Object.entries(cases)) {
    it(`classifies ${expected}`, () => {
      expect(Object.fromEntries(addresses.map((address) => [address, classifyAddress(address)]))).toEqual(
        Object.fromEntries(addresses.map((address) => [address, expected])),
      );
    });
  }
});
