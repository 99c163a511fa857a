import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to its addresses (default: the system resolver, `dns.lookup` with `all`). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver: every address of `hostname`, as `getaddrinfo` returns them. */
export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/**
 * A webhook URL that may not be used: its message is shown to the person who entered it. `refused`: the URL itself
 * is not allowed (a private address, not http(s)); otherwise its host could not be resolved, which may pass.
 */
export class WebhookUrlError extends Error {
  override name = 'WebhookUrlError';
  readonly refused: boolean;

  constructor(message: string, { refused = true }: { refused?: boolean } = {}) {
    super(message);
    this.refused = refused;
  }
}

/**
 * Whether `address` is a public unicast address. Loopback, private (RFC 1918), link-local (169.254/16, fe80::/10,
 * cloud metadata), unique-local (fc00::/7), carrier-grade NAT, unspecified, multicast, broadcast, reserved and
 * translation ranges (6to4, NAT64, Teredo, which can embed a private IPv4) are not; an IPv4-mapped IPv6 address
 * (`::ffff:127.0.0.1`) is judged as the IPv4 address it maps. Anything unparseable is not public.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** Options of {@link resolveWebhookTarget}. */
export interface TargetOptions {
  /** Allow loopback, private and link-local addresses (`WEBHOOK_ALLOW_PRIVATE=true`: tests, private networks). */
  allowPrivate?: boolean;
  resolve?: Resolver;
}

/**
 * Checks a webhook URL and picks the address to connect to: only http(s), the host must resolve, and every address
 * it resolves to must be public (unless `allowPrivate`), so a name with one private address among public ones is
 * refused too. The caller connects to the returned address (not the name again), so a DNS answer that changes
 * between this check and the connection (rebinding) cannot steer the request elsewhere. Throws
 * {@link WebhookUrlError}.
 */
export async function resolveWebhookTarget(
  raw: string,
  { allowPrivate = false, resolve = systemResolver }: TargetOptions = {},
): Promise<{ url: URL; address: ResolvedAddress }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlError('The webhook URL is not a valid address.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebhookUrlError('The webhook URL must start with http:// or https://.');
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: ResolvedAddress[];
  const literal = isIP(host);
  if (literal) {
    addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      throw new WebhookUrlError(`The webhook host ${host} could not be resolved (${(error as Error).message}).`, {
        refused: false,
      });
    }
  }
  const [first] = addresses;
  if (!first) throw new WebhookUrlError(`The webhook host ${host} has no address.`, { refused: false });
  if (!allowPrivate) {
    const inner = addresses.find(({ address }) => !isPublicAddress(address));
    if (inner) {
      throw new WebhookUrlError(
        `The webhook URL points to a loopback, private or link-local address (${inner.address}); only public addresses can receive webhooks.`,
      );
    }
  }
  return { url, address: first };
}
