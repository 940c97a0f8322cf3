// The claims view: every claim as it now stands (corrections applied), retracted ones kept but
// flagged so `includeRetracted` can show them. The one view that holds whole claims; the others
// hold claim ids and join here when asked for details.
import type { Claim } from '../../domain/claim.js';
import { applyCorrection } from '../../domain/claim-correction.js';
import type { Projection, ProjectedEvent } from '../projection.js';
import { claimOfEvent, isClaimEvent } from '../shared/claim-events.js';
import { effectiveTime } from '../shared/dates.js';
import { decodeState, encodeState } from '../shared/json-state.js';

/** What claim listings show about their article: a few short fields per article, not per claim. */
export interface ArticleMeta {
  title: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  recordedAt: string;
  /** Epoch ms that `from`/`to` compare: publishedAt, else recordedAt. */
  time: number;
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

/** Mutates and returns `state`: the runner owns it and replays always start from initial(). */
export const applyToClaims = (state: ClaimsState, { event, created }: ProjectedEvent): ClaimsState => {
  const at = created.toISOString();
  if (event.type === 'ArticleIngested') {
    const { articleId, title, outlet, url, publishedAt } = event.data;
    state.articles.set(articleId, { title, outlet, url, publishedAt, recordedAt: at, time: effectiveTime(publishedAt, at) });
  } else if (isClaimEvent(event)) {
    state.claims.set(event.data.claimId, { claim: claimOfEvent(event), recordedAt: at, retraction: null, corrections: 0, correctedAt: null });
  } else if (event.type === 'ClaimCorrected') {
    const record = state.claims.get(event.data.claimId);
    if (record) {
      record.claim = applyCorrection(record.claim, event.data.changes);
      record.corrections++;
      record.correctedAt = at;
    }
  } else if (event.type === 'ClaimRetracted') {
    const record = state.claims.get(event.data.claimId);
    if (record && !record.retraction) record.retraction = { reason: event.data.reason, recordedBy: event.data.recordedBy, at };
  }
  return state;
};

export const claimsProjection: Projection<ClaimsState> = {
  name: 'claims',
  initial: () => ({ claims: new Map(), articles: new Map() }),
  apply: applyToClaims,
  serialize: encodeState,
  deserialize: (json) => decodeState(json) as ClaimsState,
};
