import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, type AddressClass } from '../src/classify-address.js';
import { VastClientConfigError } from '../src/client-config-error.js';
import { SsrfGuard } from '../src/ssrf-guard.js';

const CASES: readonly (readonly [string, AddressClass])[] = [
  ['93.184.216.34', 'public'],
  ['8.8.8.8', 'public'],
  ['2606:4700::1111', 'public'],
  ['127.0.0.1', 'loopback'],
  ['127.255.0.9', 'loopback'],
  ['::1', 'loopback'],
  ['10.0.0.1', 'private'],
  ['172.16.5.4', 'private'],
  ['192.168.1.1', 'private'],
  ['fd12:3456::1', 'uniqueLocal'],
  ['fec0::1', 'private'],
  ['169.254.10.10', 'linkLocal'],
  ['fe80::1', 'linkLocal'],
  ['fe80::1%eth0', 'linkLocal'],
  ['100.64.0.1', 'carrierGradeNat'],
  ['224.0.0.1', 'multicast'],
  ['ff02::1', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['0.0.0.0', 'unspecified'],
  ['::', 'unspecified'],
  ['192.0.2.1', 'reserved'],
  ['240.0.0.1', 'reserved'],
  ['2001:db8::1', 'reserved'],
  ['169.254.169.254', 'cloudMetadata'],
  ['100.100.100.200', 'cloudMetadata'],
  ['fd00:ec2::254', 'cloudMetadata'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.1.1.1', 'private'],
  ['::ffff:169.254.169.254', 'cloudMetadata'],
  ['::ffff:0:127.0.0.1', 'loopback'],
  ['64:ff9b::7f00:1', 'loopback'],
  ['64:ff9b::808:808', 'public'],
  ['2002:7f00:1::', 'loopback'],
  ['2002:c0a8:101::1', 'private'],
  ['::127.0.0.1', 'loopback'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'tunnel'],
  ['localhost', 'invalid'],
  ['999.1.1.1', 'invalid'],
];

describe('classifyAddress', () => {
  it.each(CASES)('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('classifies every IPv4-mapped IPv6 address like the IPv4 address it carries', () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        expect(classifyAddress(`::ffff:${v4}`)).toBe(classifyAddress(v4));
      }),
    );
  });
});

describe('SsrfGuard', () => {
  it('allows public addresses and refuses the rest by default', () => {
    const guard = new SsrfGuard();
    expect(guard.check('8.8.8.8')).toEqual({ allowed: true });
    expect(guard.check('127.0.0.1')).toEqual({ allowed: false, addressClass: 'loopback' });
    expect(guard.check('not-an-ip')).toEqual({ allowed: false, addressClass: 'invalid' });
  });

  it('allowPrivateNetwork lets private ranges through but never cloud metadata', () => {
    const guard = new SsrfGuard({ allowPrivateNetwork: true });
    for (const address of ['127.0.0.1', '::1', '10.1.1.1', 'fd00::1', '100.64.1.1', '::ffff:192.168.0.1']) {
      expect(guard.check(address).allowed).toBe(true);
    }
    expect(guard.check('169.254.169.254')).toEqual({ allowed: false, addressClass: 'cloudMetadata' });
  });

  it('matches allowlisted addresses, blocks and host names, and nothing else', () => {
    const guard = new SsrfGuard({ allowlist: ['10.20.0.0/16', '::1', '169.254.169.254', 'Ads.Internal.Example.'] });
    expect(guard.check('10.20.3.4').allowed).toBe(true);
    expect(guard.check('::ffff:10.20.3.4').allowed).toBe(true);
    expect(guard.check('10.21.0.1').allowed).toBe(false);
    expect(guard.check('::1').allowed).toBe(true);
    expect(guard.check('127.0.0.1').allowed).toBe(false);
    expect(guard.check('169.254.169.254').allowed).toBe(true);
    expect(guard.check('192.168.1.1', 'ads.internal.example').allowed).toBe(true);
    expect(guard.check('192.168.1.1', 'other.internal.example').allowed).toBe(false);
  });

  it('names the bad allowlist entry', () => {
    for (const bad of ['10.0.0.0/33', 'http://x', '', 'a b']) {
      expect(() => new SsrfGuard({ allowlist: ['127.0.0.1', bad] })).toThrow(VastClientConfigError);
    }
    expect(() => new SsrfGuard({ allowlist: ['127.0.0.1', 'http://x'] })).toThrow(
      expect.objectContaining({
        path: 'allowlist[1]',
        value: 'http://x',
        message: expect.stringContaining('"http://x"') as unknown,
      }),
    );
  });
});
