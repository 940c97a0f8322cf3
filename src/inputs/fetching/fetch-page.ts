// Fetching a page or a feed for ingestion, with every limit a hostile or broken server needs:
// a deadline for the whole exchange, a size cap, a redirect cap, a content-type check, the
// address guard on every hop (applied in the socket's own DNS lookup, so the checked address is
// the one connected to), and the page's charset honoured.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { hostAllowed, refusalOf, type FetchPolicy } from './address-policy.js';
import { decodeBody } from './charset.js';
import { AddressRefusedError, UpstreamError } from './fetch-errors.js';

export interface FetchLimits extends FetchPolicy {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export interface ConditionalRequest {
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchedPage {
  /** Where the content came from, after redirects. */
  url: string;
  status: 200 | 304;
  contentType: string;
  /** Decoded text; empty on a 304. */
  text: string;
  etag: string | null;
  lastModified: string | null;
}

export const WEB_PAGE_TYPES = ['text/html', 'application/xhtml+xml'];
export const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml', 'application/feed+json'];

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A DNS lookup that refuses to hand a forbidden address to the socket. */
const guardedLookup =
  (url: string, policy: FetchPolicy) =>
  (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const refusal = refusalOf(address, policy);
        if (refusal) return callback(Object.assign(new AddressRefusedError(url, `${hostname} resolves to ${refusal}`), { code: 'EREFUSEDADDRESS' }), []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };

const parse = (raw: string): URL => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AddressRefusedError(raw, 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AddressRefusedError(raw, `only http and https are fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new AddressRefusedError(raw, 'a URL with credentials in it is not fetched');
  return url;
};

/** One request, no redirects followed: the response, or a refusal/upstream error. */
const requestOnce = (url: URL, limits: FetchLimits, conditional: ConditionalRequest, signal: AbortSignal): Promise<IncomingMessage> => {
  const allowed = hostAllowed(url, limits);
  const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!allowed && isIP(literal)) {
    const refusal = refusalOf(literal, limits);
    if (refusal) throw new AddressRefusedError(url.href, refusal);
  }
  const client = url.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = {
    'user-agent': 'claimtrail (news claims tracker)',
    accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1',
    'accept-encoding': 'identity',
  };
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: 'GET', headers, signal, ...(allowed ? {} : { lookup: guardedLookup(url.href, limits) }) }, resolve);
    req.on('error', reject);
    req.end();
  });
};

const readCapped = async (response: IncomingMessage, url: string, maxBytes: number): Promise<Buffer> => {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new UpstreamError(url, `the response is ${declared} bytes, more than the ${maxBytes} fetched at most (FETCH_MAX_BYTES)`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.destroy();
      throw new UpstreamError(url, `the response is larger than the ${maxBytes} bytes fetched at most (FETCH_MAX_BYTES)`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

const header = (response: IncomingMessage, name: string): string | null => {
  const value = response.headers[name];
  return typeof value === 'string' ? value : null;
};

/** Turns a transport failure into the error a caller is shown; refusals stay refusals. */
const explain = (error: unknown, url: string, timeoutMs: number, signal: AbortSignal): Error => {
  if (error instanceof AddressRefusedError || error instanceof UpstreamError) return error;
  const e = error as NodeJS.ErrnoException & { cause?: unknown };
  if (e.cause instanceof AddressRefusedError) return e.cause;
  // Aborted mid-body, the socket reports a reset ("aborted"): the deadline is the reason.
  if (signal.aborted || e.name === 'AbortError' || e.name === 'TimeoutError' || e.code === 'ABORT_ERR')
    return new UpstreamError(url, `no complete answer within ${timeoutMs} ms`);
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return new UpstreamError(url, `the host name does not resolve (${e.code})`);
  return new UpstreamError(url, e.code ? `${e.code}: ${e.message}` : e.message);
};

/**
 * GETs a URL for ingestion; `accept` lists the content types taken (else a 502). Redirects are
 * followed up to the limit, each hop checked like the first. A 304 to a conditional request
 * comes back as status 304 with no text.
 */
export const fetchPage = async (
  raw: string,
  limits: FetchLimits,
  accept: string[] = WEB_PAGE_TYPES,
  conditional: ConditionalRequest = {},
): Promise<FetchedPage> => {
  let url = parse(raw);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let hops = 0; ; hops++) {
      const response = await requestOnce(url, limits, conditional, signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304) {
        response.resume();
        const location = header(response, 'location');
        if (!location) throw new UpstreamError(url.href, `answered ${status} with no Location`);
        if (hops >= limits.maxRedirects) throw new UpstreamError(raw, `more than ${limits.maxRedirects} redirects (FETCH_MAX_REDIRECTS)`);
        url = parse(new URL(location, url).href);
        continue;
      }
      const etag = header(response, 'etag');
      const lastModified = header(response, 'last-modified');
      if (status === 304) {
        response.resume();
        return {
          url: url.href,
          status: 304,
          contentType: '',
          text: '',
          etag: etag ?? conditional.etag ?? null,
          lastModified: lastModified ?? conditional.lastModified ?? null,
        };
      }
      if (status !== 200) {
        response.resume();
        throw new UpstreamError(url.href, `answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`);
      }
      const contentType = (header(response, 'content-type') ?? '').toLowerCase();
      const mediaType = contentType.split(';')[0].trim();
      if (!accept.includes(mediaType)) {
        response.destroy();
        throw new UpstreamError(url.href, `answered ${mediaType || 'no content type'}, not one of ${accept.join(', ')}`);
      }
      const bytes = await readCapped(response, url.href, limits.maxBytes);
      return { url: url.href, status: 200, contentType: mediaType, text: decodeBody(bytes, contentType), etag, lastModified };
    }
  } catch (error) {
    throw explain(error, url.href, limits.timeoutMs, signal);
  }
};
