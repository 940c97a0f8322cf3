// Which addresses the service may fetch. A URL from a request is the caller's choice, so without a
// guard anyone who can ingest could make the service read its own admin ports, the LAN or the
// cloud metadata service (server-side request forgery). Checked on the resolved addresses, not the
// name (a public name can resolve to 127.0.0.1), and again on every redirect.
import { BlockList, isIP } from 'node:net';

/** Ranges no fetch reaches unless the operator allows it: RFC 6890 special-purpose and private space. */
const REFUSED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) REFUSED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) REFUSED.addSubnet(net, prefix, 'ipv6');

export interface FetchPolicy {
  /** FETCH_ALLOW_PRIVATE=true: private and loopback addresses may be fetched (a closed network's own news server). */
  allowPrivate: boolean;
  /** FETCH_ALLOW_HOSTS: `host` or `host:port` entries fetched whatever they resolve to. */
  allowHosts: string[];
}

/** An IPv4 address written as IPv6 (`::ffff:127.0.0.1`) is checked as the IPv4 address it is. */
const unmapped = (address: string): { address: string; family: 'ipv4' | 'ipv6' } => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1], family: 'ipv4' };
  return { address, family: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
};

/** Why this resolved address may not be fetched, or null when it may. */
export const refusalOf = (address: string, policy: FetchPolicy): string | null => {
  if (policy.allowPrivate) return null;
  const { address: bare, family } = unmapped(address);
  if (isIP(bare) === 0) return `${address} is not an IP address`;
  return REFUSED.check(bare, family)
    ? `${address} is a private, loopback, link-local or reserved address (set FETCH_ALLOW_HOSTS or FETCH_ALLOW_PRIVATE=true to allow it)`
    : null;
};

/** The host (and port) of a URL is on the operator's allow list: its addresses are not checked. */
export const hostAllowed = (url: URL, policy: FetchPolicy): boolean => {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return policy.allowHosts.some((entry) => entry === host || entry === `${host}:${port}`);
};
