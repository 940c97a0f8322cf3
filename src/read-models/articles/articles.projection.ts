// The articles read model: each article once, with its body (the UI highlights evidence in it) and a
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

/** One side of a syndication link: the other article, and how alike the copy's body was to the one it matched. */
export interface StoryLink {
  articleId: string;
  similarity: number;
}

export interface ArticlesState {
  articles: Map<string, ArticleEntry>;
  /** copy id → its story's original (CopyRecognised). */
  copyOf: Map<string, StoryLink>;
  /** original id → its copies, in the order recognised. */
  copies: Map<string, StoryLink[]>;
}

const findRef = (state: ArticlesState, articleId: string, claimId: string): ArticleClaimRef | undefined =>
  state.articles.get(articleId)?.claims.find((c) => c.claimId === claimId);

/** A withdrawn copy leaves its story's links (a forced re-ingest records it again); a withdrawn original keeps its copies'. */
const unlinkCopy = (state: ArticlesState, articleId: string): void => {
  const link = state.copyOf.get(articleId);
  if (!link) return;
  state.copyOf.delete(articleId);
  const rest = (state.copies.get(link.articleId) ?? []).filter((c) => c.articleId !== articleId);
  if (rest.length) state.copies.set(link.articleId, rest);
  else state.copies.delete(link.articleId);
};

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
    unlinkCopy(state, event.data.articleId);
  } else if (event.type === 'CopyRecognised') {
    const { articleId, originalArticleId, similarity } = event.data;
    if (state.copyOf.has(articleId)) return state;
    state.copyOf.set(articleId, { articleId: originalArticleId, similarity });
    const copies = state.copies.get(originalArticleId);
    if (copies) copies.push({ articleId, similarity });
    else state.copies.set(originalArticleId, [{ articleId, similarity }]);
  }
  return state;
};

export const articlesProjection = defineReadModel<'articles', ArticlesState>({
  name: 'articles',
  // 2: a withdrawn article leaves the read model. 3: syndication links (copyOf, copies). 4: its first words (lead).
  version: 4,
  initial: () => ({ articles: new Map(), copyOf: new Map(), copies: new Map() }),
  apply: applyToArticles,
  serialize: encodeState,
  deserialize: (json) => decodeState(json) as ArticlesState,
});
