// The claims read model: every claim as it now stands (corrections applied), retracted ones kept but
// flagged so `includeRetracted` can show them. The one read model that holds whole claims; the others
// hold claim ids and join here when asked for details.
import type { Claim } from '../../domain/claim.js';
import { applyCorrection } from '../../domain/claim-correction.js';
import { defineReadModel, type ProjectedEvent } from '../projection.js';
import { claimOfEvent, isClaimEvent } from '../shared/claim-events.js';
import { effectiveTime } from '../shared/dates.js';
import { isoTime } from '../shared/iso-time.js';
import { decodeState, encodeState } from '../shared/json-state.js';
import { copyLinkOf, type CopyLink } from '../shared/reporting-outlet.js';
import { existingIndex, indexRecord, listKey, unindexRecord } from './claim-index.js';

/** What claim listings show about their article: a few short fields per article, not per claim. */
export interface ArticleMeta {
  title: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  recordedAt: string;
  /** Epoch ms that `from`/`to` compare: publishedAt, else recordedAt. */
  time: number;
  /** Set when the article is a syndicated copy: its story's original and that one's outlet (see reporting-outlet.ts). */
  copyOf?: CopyLink;
}

export interface Retraction {
  reason: string;
  recordedBy: string;
  at: string;
}

export interface ClaimRecord {
  /** With every correction applied, in order; a corrected `type` is the claim's type. */
  claim: Claim;
  /** `created` of the event that recorded the claim. */
  recordedAt: string;
  retraction: Retraction | null;
  corrections: number;
  correctedAt: string | null;
}

export interface ClaimsState {
  claims: Map<string, ClaimRecord>;
  articles: Map<string, ArticleMeta>;
}

/**
 * Mutates and returns `state`: the runner owns it and replays always start from initial(). When
 * the state carries its derived index (see claim-index.ts), a record leaves it before anything its
 * place depends on changes and comes back after.
 */
export const applyToClaims = (state: ClaimsState, { event, created }: ProjectedEvent): ClaimsState => {
  const at = isoTime(created);
  const index = existingIndex(state);
  if (event.type === 'ArticleIngested') {
    const { articleId, title, outlet, url, publishedAt } = event.data;
    // Claims recorded before their article (or an article recorded again) move with its time and outlet.
    const moved = index ? [...(index.lists.get(listKey('article', articleId))?.records ?? [])] : [];
    for (const r of moved) unindexRecord(state, index!, r);
    const copyOf = state.articles.get(articleId)?.copyOf;
    state.articles.set(articleId, { title, outlet, url, publishedAt, recordedAt: at, time: effectiveTime(publishedAt, at), ...(copyOf ? { copyOf } : {}) });
    for (const r of moved) indexRecord(state, index!, r);
  } else if (event.type === 'CopyRecognised') {
    const meta = state.articles.get(event.data.articleId);
    if (!meta) return state;
    // Its claims' sources now count as the original's outlet's (reports.ts): they move in the tallies.
    const moved = index ? [...(index.lists.get(listKey('article', event.data.articleId))?.records ?? [])] : [];
    for (const r of moved) unindexRecord(state, index!, r);
    const original = state.articles.get(event.data.originalArticleId);
    meta.copyOf = copyLinkOf(meta, event.data.originalArticleId, original);
    for (const r of moved) indexRecord(state, index!, r);
  } else if (isClaimEvent(event)) {
    const old = state.claims.get(event.data.claimId);
    if (old && index) unindexRecord(state, index, old);
    const record: ClaimRecord = { claim: claimOfEvent(event), recordedAt: at, retraction: null, corrections: 0, correctedAt: null };
    state.claims.set(event.data.claimId, record);
    if (index) indexRecord(state, index, record);
  } else if (event.type === 'ClaimCorrected') {
    const record = state.claims.get(event.data.claimId);
    if (record) {
      if (index) unindexRecord(state, index, record);
      record.claim = applyCorrection(record.claim, event.data.changes);
      record.corrections++;
      record.correctedAt = at;
      if (index) indexRecord(state, index, record);
    }
  } else if (event.type === 'ClaimRetracted') {
    const record = state.claims.get(event.data.claimId);
    if (record && !record.retraction) {
      if (index) unindexRecord(state, index, record);
      record.retraction = { reason: event.data.reason, recordedBy: event.data.recordedBy, at };
      if (index) indexRecord(state, index, record);
    }
  } else if (event.type === 'ArticleWithdrawn') {
    // Every claim of it, retracted ones too, then the article: unindexing reads the article's time and outlet.
    for (const claimId of event.data.claimIds) {
      const record = state.claims.get(claimId);
      if (record && index) unindexRecord(state, index, record);
      state.claims.delete(claimId);
    }
    state.articles.delete(event.data.articleId);
  }
  return state;
};

export const claimsProjection = defineReadModel<'claims', ClaimsState>({
  name: 'claims',
  // 2: its corroboration tally is by claim key, which no longer holds the topic. 3: a withdrawn article's claims leave it.
  // 4: syndicated copies (CopyRecognised) count as their original's outlet in source tallies.
  version: 4,
  initial: () => ({ claims: new Map(), articles: new Map() }),
  apply: applyToClaims,
  serialize: encodeState,
  deserialize: (json) => decodeState(json) as ClaimsState,
});
