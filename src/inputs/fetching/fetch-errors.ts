/** The address is one this service may not fetch (private, loopback, metadata...): the caller's request is refused, a 400. */
export class AddressRefusedError extends Error {
  constructor(readonly url: string, reason: string) {
    super(`refused to fetch ${url}: ${reason}`);
    this.name = 'AddressRefusedError';
  }
}

/** The other server failed us (no answer in time, an error status, too large, not a page): a 502 with the reason. */
export class UpstreamError extends Error {
  constructor(readonly url: string, reason: string) {
    super(`fetching ${url} failed: ${reason}`);
    this.name = 'UpstreamError';
  }
}
