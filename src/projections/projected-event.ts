import { CLAIM_TYPES, POLARITIES, TOPICS, type PartyRef } from '../domain/claim.js';
import { decodeArticleEvent, type ArticleEvent, type ArticleIngestedData, type ClaimEventData } from '../domain/events/index.js';
import type { RecordedEvent } from '../event-store/event-store.js';
import type { ProjectedEvent } from '../read-models/projection.js';
import { isValidArticleEvent } from './event-check.js';
import { sharedStrings as pool } from '../read-models/shared/string-pool.js';

/** The views keep what the events hold, so equal strings are made one string before they get it. */
const CONSTANTS = new Map<string, string>(
  [...CLAIM_TYPES, ...POLARITIES, ...TOPICS, 'ArticleIngested', 'ClaimRetracted', 'ClaimCorrected'].map((s) => [s, s]),
);
const constant = (s: string): string => CONSTANTS.get(s) ?? s;

/**
 * The article last ingested: its claims come right after it in the same append, so their article
 * id can be its string and their evidence a slice of its body (V8 keeps a slice of 13 characters
 * or more as a view into the body, which the articles view keeps anyway) instead of a copy.
 */
let lastArticle: ArticleIngestedData | null = null;

/** A slice of `body` equal to `text` when it is at `at`, else `text` itself. */
const sliceOf = (body: string, text: string, at: number): string =>
  text.length >= 13 && at >= 0 && body.startsWith(text, at) ? body.slice(at, at + text.length) : text;

const shareRefs = (refs: PartyRef[]): void => {
  for (const r of refs) {
    r.party = pool.internOrNull(r.party);
    r.mention = pool.intern(r.mention);
  }
};

/** Replaces the strings of a valid event's data by shared equal ones, in place. */
const share = (type: string, data: Record<string, unknown>): void => {
  if (type === 'ArticleIngested') {
    const a = data as unknown as ArticleIngestedData;
    a.outlet = pool.internOrNull(a.outlet);
    a.section = pool.internOrNull(a.section);
    a.dateline = pool.internOrNull(a.dateline);
    a.publishedAt = pool.internOrNull(a.publishedAt);
    lastArticle = a;
    return;
  }
  const ofLast = lastArticle !== null && lastArticle.articleId === data.articleId;
  if (ofLast) data.articleId = lastArticle!.articleId;
  data.recordedBy = pool.intern(data.recordedBy as string);
  if (!CLAIM_TYPES.includes(type as never)) return;
  const c = data as unknown as ClaimEventData;
  shareRefs(c.actors);
  shareRefs(c.targets);
  c.source.party = pool.internOrNull(c.source.party);
  c.source.mention = pool.intern(c.source.mention);
  c.source.cue = pool.intern(c.source.cue);
  c.source.via = pool.internOrNull(c.source.via);
  c.polarity = constant(c.polarity) as ClaimEventData['polarity'];
  for (let i = 0; i < c.topics.length; i++) c.topics[i] = constant(c.topics[i]) as ClaimEventData['topics'][number];
  if (ofLast) {
    const body = lastArticle!.body;
    const { evidence } = c;
    evidence.text = sliceOf(body, evidence.text, evidence.start);
    // The content is mostly a phrase of the evidence sentence.
    c.content = sliceOf(body, c.content, evidence.start + evidence.text.indexOf(c.content));
  }
};

/** Decodes a stored event for the reducers; throws InvalidEventError naming stream and revision. */
export const toProjected = (recorded: RecordedEvent): ProjectedEvent => {
  let event: ArticleEvent;
  if (isValidArticleEvent(recorded.type, recorded.data, recorded.metadata)) {
    const type = constant(recorded.type);
    share(type, recorded.data as Record<string, unknown>);
    event = { type, data: recorded.data } as ArticleEvent;
  } else {
    // The full check, for its report of what is wrong (or to accept what the fast check is unsure of).
    event = decodeArticleEvent(recorded);
  }
  return { event, position: recorded.position, revision: recorded.revision, streamName: recorded.streamName, created: recorded.created };
};
