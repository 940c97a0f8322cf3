// The articles view: each article once, with its body (the UI highlights evidence in it) and a
// small reference per claim: type and evidence offsets, kept current through corrections.
import type { ClaimType } from '../../domain/claim.js';
import type { ArticleIngestedData } from '../../domain/events/index.js';
import { defineReadModel, type ProjectedEvent } from '../projection.js';
import { isClaimEvent } from '../shared/claim-events.js';
import { effectiveTime } from '../shared/dates.js';
import { isoTime } from '../shared/iso-time.js';
import { decodeState, encodeState } from '../shared/json-state.js';

export interface ArticleClaimRef {
  claimId: string;
  type: ClaimType;
  start: number;
  end: number;
  retracted: boolean;
}

export interface ArticleEntry {
  article: ArticleIngestedData;
  recordedAt: string;
  /** Epoch ms: publishedAt, else recordedAt. */
  time: number;
  claims: ArticleClaimRef[];
}

export interface ArticlesState {
  articles: Map<string, ArticleEntry>;
}

const findRef = (state: ArticlesState, articleId: string, claimId: string): ArticleClaimRef | undefined =>
  state.articles.get(articleId)?.claims.find((c) => c.claimId === claimId);

/** Mutates and returns `state`. */
export const applyToArticles = (state: ArticlesState, { event, created }: ProjectedEvent): ArticlesState => {
  if (event.type === 'ArticleIngested') {
    const at = isoTime(created);
    const existing = state.articles.get(event.data.articleId);
    state.articles.set(event.data.articleId, {
      article: event.data, recordedAt: at, time: effectiveTime(event.data.publishedAt, at), claims: existing?.claims ?? [],
    });
  } else if (isClaimEvent(event)) {
    const { articleId, claimId, evidence } = event.data;
    const entry = state.articles.get(articleId);
    if (!entry) return state;
    const ref: ArticleClaimRef = { claimId, type: event.type, start: evidence.start, end: evidence.end, retracted: false };
    const i = entry.claims.findIndex((c) => c.claimId === claimId);
    if (i >= 0) entry.claims[i] = ref;
    else entry.claims.push(ref);
  } else if (event.type === 'ClaimCorrected') {
    const ref = findRef(state, event.data.articleId, event.data.claimId);
    const { type, evidence } = event.data.changes;
    if (ref && type) ref.type = type;
    if (ref && evidence) {
      ref.start = evidence.start;
      ref.end = evidence.end;
    }
  } else if (event.type === 'ClaimRetracted') {
    const ref = findRef(state, event.data.articleId, event.data.claimId);
    if (ref) ref.retracted = true;
  } else if (event.type === 'ArticleWithdrawn') {
    // Its claim refs go with it; a forced re-ingest brings the article back with the claims ingested then.
    state.articles.delete(event.data.articleId);
  }
  return state;
};

export const articlesProjection = defineReadModel<'articles', ArticlesState>({
  name: 'articles',
  // 2: a withdrawn article leaves the view.
  version: 2,
  initial: () => ({ articles: new Map() }),
  apply: applyToArticles,
  serialize: encodeState,
  deserialize: (json) => decodeState(json) as ArticlesState,
});
