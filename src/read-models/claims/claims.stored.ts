// The claims read model in the read-model store: the reference (claims.projection.ts) folded into
// rows. Each claim is one row in listing order with the reference's index lists as terms, so a
// listing page is one indexed query; what claims show of their article is written into their rows
// when the article is recorded (again), as the reference shows it at query time.
import type { ReadModelWriter } from '../../read-model-store/read-model-store.js';
import { applyCorrection } from '../../domain/claim-correction.js';
import { claimKey, slug } from '../claim-key.js';
import type { ProjectedEvent } from '../projection.js';
import { claimOfEvent, isClaimEvent } from '../shared/claim-events.js';
import { effectiveTime } from '../shared/dates.js';
import { isoTime } from '../shared/iso-time.js';
import { defineStoredReadModel } from '../stored-read-model.js';
import { keysOf, listKey } from './claim-index.js';
import { claimsProjection, type ArticleMeta, type ClaimRecord } from './claims.projection.js';
import { claimArticleOf, claimTimeOf } from './claims.queries.js';
import { CLAIM_ARTICLES, CLAIM_PLACES, CLAIMS } from './claims.tables.js';

/** The term of every claim not retracted: listings without includeRetracted select by it. */
export const LIVE = 'live';

// Below every character of an id, so a shorter article id sorts first, as compareStrings does.
const SEPARATOR = '\u0001';

/** A claim's row key: article, evidence start and id, so key order is the reference's tie-break. */
export const placeOf = (record: ClaimRecord): string => {
  const { articleId, evidence, claimId } = record.claim;
  return `${articleId}${SEPARATOR}${String(evidence.start).padStart(10, '0')}${SEPARATOR}${claimId}`;
};

/** Every term a claim's row is found by: each filter of GET /claims and of the views that list claims. */
export const claimTerms = (record: ClaimRecord, meta: ArticleMeta | undefined): string[] => {
  const c = record.claim;
  const terms = keysOf(c);
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

/** Writes a changed record; its row moves when its place did. */
const replaceClaim = (w: ReadModelWriter, oldPlace: string | undefined, record: ClaimRecord): void => {
  if (oldPlace !== undefined && oldPlace !== placeOf(record)) w.remove(CLAIMS, oldPlace);
  writeClaim(w, record, w.get(CLAIM_ARTICLES, record.claim.articleId));
};

const applyArticle = (w: ReadModelWriter, event: Extract<ProjectedEvent['event'], { type: 'ArticleIngested' }>, at: string): void => {
  const { articleId, title, outlet, url, publishedAt } = event.data;
  const meta: ArticleMeta = { title, outlet, url, publishedAt, recordedAt: at, time: effectiveTime(publishedAt, at) };
  w.put(CLAIM_ARTICLES, { key: articleId, doc: meta });
  // Claims recorded before their article (or an article recorded again) move with its time and outlet.
  for (const row of w.find({ table: CLAIMS, all: [listKey('article', articleId)] }).rows) writeClaim(w, row.doc.record, meta);
};

export const applyToStoredClaims = (w: ReadModelWriter, { event, created }: ProjectedEvent): void => {
  const at = isoTime(created);
  if (event.type === 'ArticleIngested') applyArticle(w, event, at);
  else if (isClaimEvent(event)) {
    const old = recordOf(w, event.data.claimId);
    replaceClaim(w, old?.place, { claim: claimOfEvent(event), recordedAt: at, retraction: null, corrections: 0, correctedAt: null });
  } else if (event.type === 'ClaimCorrected') {
    const old = recordOf(w, event.data.claimId);
    if (!old) return;
    const { record } = old;
    replaceClaim(w, old.place, { ...record, claim: applyCorrection(record.claim, event.data.changes), corrections: record.corrections + 1, correctedAt: at });
  } else if (event.type === 'ClaimRetracted') {
    const old = recordOf(w, event.data.claimId);
    if (!old || old.record.retraction) return;
    const { reason, recordedBy } = event.data;
    replaceClaim(w, old.place, { ...old.record, retraction: { reason, recordedBy, at } });
  } else if (event.type === 'ArticleWithdrawn') {
    // Its claims (retracted ones too), then the article, as the reference drops them.
    for (const claimId of event.data.claimIds) {
      const old = recordOf(w, claimId);
      if (old) w.remove(CLAIMS, old.place);
      w.remove(CLAIM_PLACES, claimId);
    }
    w.remove(CLAIM_ARTICLES, event.data.articleId);
  }
};

export const storedClaims = defineStoredReadModel({
  name: 'claims',
  // One version for one meaning: the reference's.
  version: claimsProjection.version,
  tables: [CLAIMS, CLAIM_PLACES, CLAIM_ARTICLES],
  apply: applyToStoredClaims,
});
