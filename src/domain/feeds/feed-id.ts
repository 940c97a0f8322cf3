import { createHash } from 'node:crypto';

/** One feed per address: subscribing to the same URL twice is the same feed, so it is idempotent. */
export const feedIdFor = (url: string): string => createHash('sha256').update(new URL(url).href, 'utf8').digest('hex').slice(0, 16);
