// Compile-time only (npm run typecheck; never run by jest): what the server sends is what the desk
// reads, and every event and claim type has its schema. A change to one side that the other does
// not follow fails `tsc` here, naming the shape.
import type { Same } from '../../src/domain/events/schema.js';
import type { EVENT_SCHEMAS } from '../../src/domain/events/event-schemas.js';
import type { ArticleEventType } from '../../src/domain/events/index.js';
import type { CLAIM_TYPES as SERVER_CLAIM_TYPES } from '../../src/domain/claim.js';
import type { LiveStatus } from '../../src/live/live-status.js';
import type { ClaimResponse } from '../../src/read-models/claims/claims.queries.js';
import type { LinkedArticle } from '../../src/read-models/articles/articles.queries.js';
import type { CLAIM_TYPES, Claim as WireClaim, LinkedArticle as WireLinkedArticle, LiveStatus as WireLiveStatus, TYPE_LABEL } from '../../ui/src/types.js';

type Assignable<From, To> = [From] extends [To] ? true : false;

// The desk's claim types are the server's, and each has a label.
true satisfies Same<(typeof CLAIM_TYPES)[number], (typeof SERVER_CLAIM_TYPES)[number]>;
true satisfies Same<keyof typeof TYPE_LABEL, (typeof SERVER_CLAIM_TYPES)[number]>;
// Every event type has a schema and no schema is left without an event type.
true satisfies Same<keyof typeof EVENT_SCHEMAS, ArticleEventType>;
// A claim as GET /claims sends it can be read as the desk's claim; /live's status is the desk's.
true satisfies Assignable<ClaimResponse, WireClaim>;
true satisfies Same<LiveStatus, WireLiveStatus>;
// The article page's syndication links are what GET /articles/:id sends.
true satisfies Same<LinkedArticle, WireLinkedArticle>;
