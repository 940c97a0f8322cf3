import { CLAIM_TYPES, POLARITIES, TOPICS, type PartyRef, type SourceRef, type Topic } from '../domain/claim.js';
import { decodeArticleEvent, isValidArticleEvent, type ArticleEvent, type ArticleIngestedData, type ClaimEventData } from '../domain/events/index.js';
import { EVENT_SCHEMAS } from '../domain/events/event-schemas.js';
import type { RecordedEvent } from '../event-store/event-store.js';
import type { ProjectedEvent } from '../read-models/projection.js';
import { sharedStrings as pool, ValuePool } from '../read-models/shared/string-pool.js';

/** The read models keep what the events hold, so equal strings are made one string before they get it. */
const CONSTANTS = new Map<string, string>([...Object.keys(EVENT_SCHEMAS), ...POLARITIES, ...TOPICS].map((s) => [s, s]));
const constant = (s: string): string => CONSTANTS.get(s) ?? s;

/**
 * The article last ingested: its claims come right after it in the same append, so their article
 * id can be its string and their evidence a slice of its body (V8 keeps a slice of 13 characters
 * or more as a slice of the body, which the articles read model keeps anyway) instead of a copy.
 */
let lastArticle: ArticleIngestedData | null = null;

/** A slice of `body` equal to `text` when it is at `at`, else `text` itself. */
const sliceOf = (body: string, text: string, at: number): string =>
  text.length >= 13 && at >= 0 && body.startsWith(text, at) ? body.slice(at, at + text.length) : text;

// Lists and sources repeat across claims ("the Philippines" as the only actor); every read model only
// reads them (a correction replaces a whole field), so equal ones can be one object. Keys are the
// fields length-prefixed (unambiguous whatever they contain); a ref with any other field is left alone.
const refLists = new ValuePool<PartyRef[]>();
const sources = new ValuePool<SourceRef>();
const topicLists = new ValuePool<Topic[]>();
const NO_REFS: PartyRef[] = [];
const NO_TOPICS: Topic[] = [];

const field = (s: string | null): string => (s === null ? '-' : `${s.length}:${s}`);

// The pooled list or source is looked up first: its strings were interned when it was pooled, so
// only a new one pays for interning its fields (most are seen before; the look-ups were ~10% of a rebuild).
const shareRefs = (refs: PartyRef[]): PartyRef[] => {
  if (refs.length === 0) return NO_REFS;
  let key = '';
  for (const r of refs) {
    if (Object.keys(r).length !== 2) return refs;
    key += field(r.party) + field(r.mention);
  }
  const seen = refLists.get(key);
  if (seen !== undefined) return seen;
  for (const r of refs) {
    r.party = pool.internOrNull(r.party);
    r.mention = pool.intern(r.mention);
  }
  return refLists.share(key, refs);
};

const internSource = (source: SourceRef): SourceRef => {
  source.party = pool.internOrNull(source.party);
  source.mention = pool.intern(source.mention);
  source.cue = pool.intern(source.cue);
  source.via = pool.internOrNull(source.via);
  return source;
};

const shareSource = (source: SourceRef): SourceRef => {
  if (Object.keys(source).length !== 4) return internSource(source);
  const key = field(source.party) + field(source.mention) + field(source.cue) + field(source.via);
  return sources.get(key) ?? sources.share(key, internSource(source));
};

const shareTopics = (topics: Topic[]): Topic[] => {
  if (topics.length === 0) return NO_TOPICS;
  for (let i = 0; i < topics.length; i++) topics[i] = constant(topics[i]) as Topic;
  return topicLists.share(topics.join(','), topics);
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
  // CopyRecognised is written by ingest itself: no recordedBy.
  if (type === 'CopyRecognised') return;
  data.recordedBy = pool.intern(data.recordedBy as string);
  if (!CLAIM_TYPES.includes(type as never)) return;
  const c = data as unknown as ClaimEventData;
  c.actors = shareRefs(c.actors);
  c.targets = shareRefs(c.targets);
  c.source = shareSource(c.source);
  c.polarity = constant(c.polarity) as ClaimEventData['polarity'];
  c.topics = shareTopics(c.topics);
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
