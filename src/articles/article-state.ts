// The write model of one article stream: just enough state to decide on the next command.
import type { Claim } from '../domain/claim.js';
import type { ArticleEvent, ArticleIngestedData } from '../domain/events/index.js';
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
}

export const initialArticleState = (): ArticleState => ({ article: null, claims: new Map() });

export const evolve = (state: ArticleState, event: ArticleEvent): ArticleState => {
  switch (event.type) {
    case 'ArticleIngested':
      return { ...state, article: event.data };
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
    default: {
      const claim = { type: event.type, ...event.data };
      state.claims.set(event.data.claimId, { claim, original: claim, retracted: false, retractedBy: null });
      return state;
    }
  }
};
