import type { ArticleIngested } from './article-ingested.event.js';
import type { ArticleWithdrawn } from './article-withdrawn.event.js';
import type { ClaimEvent } from './claim-events.js';
import type { ClaimCorrected } from './claim-corrected.event.js';
import type { ClaimRetracted } from './claim-retracted.event.js';
import type { CopyRecognised } from './copy-recognised.event.js';

export * from './article-ingested.event.js';
export * from './article-withdrawn.event.js';
export * from './claim-events.js';
export * from './claim-corrected.event.js';
export * from './claim-retracted.event.js';
export * from './copy-recognised.event.js';
export * from './metadata.js';

/** Every event an article stream can hold. */
export type ArticleEvent = ArticleIngested | ClaimEvent | ClaimRetracted | ClaimCorrected | ArticleWithdrawn | CopyRecognised;
export type ArticleEventType = ArticleEvent['type'];
export * from './decode.js';
export * from './to-append.js';
