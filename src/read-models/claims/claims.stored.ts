// The claims read model in the read-model store: the reference (claims.projection.ts) folded into
// rows. Each claim is one row in listing order with the reference's index lists as terms, so a
// listing page is one indexed query; what claims show of their article is written into their rows
// when the article is recorded (again), as the reference shows it at query time.
import type { CopyRecognisedData } from '../../domain/events/index.js';
import type { ReadModelWriter } from '../../read-model-store/read-model-store.js';
import { applyCorrection } from '../../domain/claim-correction.js';
import { claimKey, slug } from '../claim-key.js';
import type { ProjectedEvent } from '../projection.js';
import { claimOfEvent, isClaimEvent } from '../shared/claim-events.js';
import { effectiveTime } from '../shared/dates.js';
import { isoTime } from '../shared/iso-time.js';
import { copyLinkOf } from '../shared/reporting-outlet.js';
import { defineStoredReadModel } from '../stored-read-model.js';
import { ALL, keysOf, listKey } from './claim-index.js';
import { claimsProjection, type ArticleMeta, type ClaimRecord } from './claims.projection.js';
import { claimArticleOf, claimTimeOf } from './claims.queries.js';
import { CLAIM_ARTICLES, CLAIM_COUNTS, CLAIM_PLACES, CLAIMS, type ClaimCountDoc } from './claims.tables.js';

/** The term of every claim not retracted: listings without includeRetracted select by it. */
export const LIVE = 'live';

// Below every character of an id, so a shorter article id sorts first, as compareStrings does.
const SEPARATOR = '\u0001';

/** A claim's row key: article, evidence start and id, so key order is the reference's tie-break. */
export const placeOf = (record: ClaimRecord): string => {
  const { articleId, evidence, claimId } = record.claim;
  return `${articleId}${SEPARATOR}${String(evidence.start).padStart(10, '0')}${SEPARATOR}${claimId}`;
};

/** Every term a claim's row is found by: each filter of GET /claims and of the read models that list claims. */
export const claimTerms = (record: ClaimRecord, meta: ArticleMeta | undefined): string[] => {
  const c = record.claim;
  // No listing asks for `involved`. ALL drives the listings of every claim: a term's versions
  // change only with the claim's place or terms, so an asOf listing walks them in order.
  const terms = keysOf(c).filter((t) => !t.startsWith('involved:'));
  terms.push(listKey('polarity', c.polarity), listKey('key', claimKey(c)));
  if (meta?.outlet) terms.push(listKey('outlet', slug(meta.outlet)));
  if (!record.retraction) terms.push(LIVE);
  return terms;
};

const writeClaim = (w: ReadModelWriter, record: ClaimRecord, meta: ArticleMeta | undefined): void => {
  const place = placeOf(record);
  const doc = { record, article: claimArticleOf(record.claim.articleId, meta) };
  w.put(CLAIMS, { key: place, doc, sort: -claimTimeOf(meta, record), terms: claimTerms(record, meta) });
  w.put(CLAIM_PLACES, { key: record.claim.claimId, doc: { place } });
};

const recordOf = (w: ReadModelWriter, claimId: string): { place: string; record: ClaimRecord } | undefined => {
  const place = w.get(CLAIM_PLACES, claimId)?.place;
  const doc = place === undefined ? undefined : w.get(CLAIMS, place);
  return doc && { place: place!, record: doc.record };
};

/** The kinds of terms whose lists GET /claims pages alone, so their totals are kept in CLAIM_COUNTS. */
const COUNTED = ['type:', 'actor:', 'target:', 'source:', 'topic:'];

export const isCounted = (term: string): boolean => COUNTED.some((kind) => term.startsWith(kind));

/** The CLAIM_COUNTS keys of a claim: ALL, and its terms of the counted kinds. */
export const countedTerms = (record: ClaimRecord): string[] => claimTerms(record, undefined).filter((t) => t === ALL || isCounted(t));

/** Moves the counts from the old record (if any) to the new one (if any): only the counts that change are written. */
const recount = (w: ReadModelWriter, old: ClaimRecord | undefined, next: ClaimRecord | undefined): void => {
  const deltas = new Map<string, ClaimCountDoc>();
  const add = (record: ClaimRecord, by: 1 | -1) => {
    for (const term of countedTerms(record)) {
      const d = deltas.get(term) ?? { all: 0, live: 0 };
      d.all += by;
      if (!record.retraction) d.live += by;
      deltas.set(term, d);
    }
  };
  if (old) add(old, -1);
  if (next) add(next, 1);
  for (const [term, d] of deltas) {
    if (!d.all && !d.live) continue;
    const counts = w.get(CLAIM_COUNTS, term) ?? { all: 0, live: 0 };
    const doc = { all: counts.all + d.all, live: counts.live + d.live };
    if (doc.all) w.put(CLAIM_COUNTS, { key: term, doc });
    else w.remove(CLAIM_COUNTS, term);
  }
};

/** Writes a new or changed record and its counts; its row moves when its place did. */
const replaceClaim = (w: ReadModelWriter, old: { place: string; record: ClaimRecord } | undefined, record: ClaimRecord): void => {
  if (old && old.place !== placeOf(record)) w.remove(CLAIMS, old.place);
  writeClaim(w, record, w.get(CLAIM_ARTICLES, record.claim.articleId));
  recount(w, old?.record, record);
};

const applyArticle = (w: ReadModelWriter, event: Extract<ProjectedEvent['event'], { type: 'ArticleIngested' }>, at: string): void => {
  const { articleId, title, outlet, url, publishedAt } = event.data;
  const copyOf = w.get(CLAIM_ARTICLES, articleId)?.copyOf;
  const meta: ArticleMeta = { title, outlet, url, publishedAt, recordedAt: at, time: effectiveTime(publishedAt, at), ...(copyOf ? { copyOf } : {}) };
  w.put(CLAIM_ARTICLES, { key: articleId, doc: meta });
  // Claims recorded before their article (or an article recorded again) move with its time and outlet.
  for (const row of w.find({ table: CLAIMS, all: [listKey('article', articleId)] }).rows) writeClaim(w, row.doc.record, meta);
};

/**
 * A withdrawn article's claims (those it names, retracted ones too) leave with their counts, then
 * the article: any claim of it not named shows no article any more, as the reference does.
 */
const withdraw = (w: ReadModelWriter, { articleId, claimIds }: { articleId: string; claimIds: readonly string[] }): void => {
  for (const claimId of claimIds) {
    const old = recordOf(w, claimId);
    if (!old) continue;
    w.remove(CLAIMS, old.place);
    w.remove(CLAIM_PLACES, claimId);
    recount(w, old.record, undefined);
  }
  w.remove(CLAIM_ARTICLES, articleId);
  for (const row of w.find({ table: CLAIMS, all: [listKey('article', articleId)], count: false }).rows) writeClaim(w, row.doc.record, undefined);
};

/** A syndicated copy's claims report its original's outlet (reports.ts): kept with the copy's article. */
const applyCopy = (w: ReadModelWriter, { articleId, originalArticleId }: CopyRecognisedData): void => {
  const meta = w.get(CLAIM_ARTICLES, articleId);
  if (!meta) return;
  const original = w.get(CLAIM_ARTICLES, originalArticleId);
  w.put(CLAIM_ARTICLES, { key: articleId, doc: { ...meta, copyOf: copyLinkOf(meta, originalArticleId, original) } });
};

export const applyToStoredClaims = (w: ReadModelWriter, { event, created }: ProjectedEvent): void => {
  const at = isoTime(created);
  if (event.type === 'ArticleIngested') applyArticle(w, event, at);
  else if (event.type === 'CopyRecognised') applyCopy(w, event.data);
  else if (isClaimEvent(event)) {
    const old = recordOf(w, event.data.claimId);
    replaceClaim(w, old, { claim: claimOfEvent(event), recordedAt: at, retraction: null, corrections: 0, correctedAt: null });
  } else if (event.type === 'ClaimCorrected') {
    const old = recordOf(w, event.data.claimId);
    if (!old) return;
    const { record } = old;
    replaceClaim(w, old, { ...record, claim: applyCorrection(record.claim, event.data.changes), corrections: record.corrections + 1, correctedAt: at });
  } else if (event.type === 'ClaimRetracted') {
    const old = recordOf(w, event.data.claimId);
    if (!old || old.record.retraction) return;
    const { reason, recordedBy } = event.data;
    replaceClaim(w, old, { ...old.record, retraction: { reason, recordedBy, at } });
  } else if (event.type === 'ArticleWithdrawn') withdraw(w, event.data);
};

export const storedClaims = defineStoredReadModel({
  name: 'claims',
  // One version for one meaning: the reference's.
  version: claimsProjection.version,
  tables: [CLAIMS, CLAIM_PLACES, CLAIM_ARTICLES, CLAIM_COUNTS],
  apply: applyToStoredClaims,
});
