// The write model of one article stream: just enough state to decide on the next command.
import type { Claim } from '../domain/claim.js';
import type { ArticleEvent, ArticleIngestedData, ArticleWithdrawnData } from '../domain/events/index.js';
import { applyCorrection } from '../domain/claim-correction.js';

export interface ClaimState {
  /** With every correction applied. */
  claim: Claim;
  /** As first recorded: re-extraction compares against what the extractor said, not the analyst. */
  original: Claim;
  retracted: boolean;
  /** Who retracted it: an analyst's retraction is never undone by re-extraction. */
  retractedBy: string | null;
}

export interface ArticleState {
  article: ArticleIngestedData | null;
  claims: Map<string, ClaimState>;
  /** Set while the article is withdrawn: every write but a forced re-ingest is refused. */
  withdrawal: ArticleWithdrawnData | null;
}

export const initialArticleState = (): ArticleState => ({ article: null, claims: new Map(), withdrawal: null });

export const evolve = (state: ArticleState, event: ArticleEvent): ArticleState => {
  switch (event.type) {
    case 'ArticleIngested':
      // After a withdrawal this is the re-instatement: the article is back, with the claims ingested with it.
      return { ...state, article: event.data, withdrawal: null };
    case 'ArticleWithdrawn':
      // Its claims leave with it, as they leave the read models: a re-instated article starts from its new ingest.
      return { ...state, claims: new Map(), withdrawal: event.data };
    case 'ClaimRetracted': {
      const current = state.claims.get(event.data.claimId);
      if (current) state.claims.set(event.data.claimId, { ...current, retracted: true, retractedBy: event.data.recordedBy });
      return state;
    }
    case 'ClaimCorrected': {
      const current = state.claims.get(event.data.claimId);
      if (current) state.claims.set(event.data.claimId, { ...current, claim: applyCorrection(current.claim, event.data.changes) });
      return state;
    }
    case 'CopyRecognised':
      // Being a copy changes no decision about the article's own claims.
      return state;
    default: {
      const claim = { type: event.type, ...event.data };
      state.claims.set(event.data.claimId, { claim, original: claim, retracted: false, retractedBy: null });
      return state;
    }
  }
};
