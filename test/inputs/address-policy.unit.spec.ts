import { describe, expect, it } from '@jest/globals';
import { hostAllowed, refusalOf } from '../../src/inputs/fetching/address-policy.js';
import { loadConfig } from '../../src/app/config.js';

const defaults = loadConfig({}).fetch;

describe('the fetch address guard', () => {
  it('refuses by default loopback, private, link-local, metadata, unique-local and mapped addresses', () => {
    for (const address of ['127.0.0.1', '127.9.9.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
      '::1', '::', 'fc00::1', 'fd00:ec2::254', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '224.0.0.1']) {
      expect([address, refusalOf(address, defaults)]).toEqual([address, expect.stringContaining('private, loopback, link-local or reserved')]);
    }
  });

  it('lets public addresses through', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) expect(refusalOf(address, defaults)).toBeNull();
  });

  it('FETCH_ALLOW_PRIVATE lets private addresses through; FETCH_ALLOW_HOSTS names hosts, optionally with a port', () => {
    const config = loadConfig({ FETCH_ALLOW_PRIVATE: 'true', FETCH_ALLOW_HOSTS: 'News.Intranet, 127.0.0.1:8080' }).fetch;
    expect(refusalOf('10.0.0.1', config)).toBeNull();
    expect(hostAllowed(new URL('http://news.intranet/a'), config)).toBe(true);
    expect(hostAllowed(new URL('http://127.0.0.1:8080/a'), config)).toBe(true);
    expect(hostAllowed(new URL('http://127.0.0.1:8081/a'), config)).toBe(false);
    expect(hostAllowed(new URL('https://127.0.0.1/a'), config)).toBe(false);
    expect(() => loadConfig({ FETCH_ALLOW_PRIVATE: 'maybe' })).toThrow(/FETCH_ALLOW_PRIVATE must be true or false/);
  });
});
