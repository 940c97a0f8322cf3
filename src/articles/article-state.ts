// The write model of one article stream: just enough state to decide on the next command.
import type { Claim } from '../domain/claim.js';
import type { ArticleEvent, ArticleIngestedData } from '../domain/events/index.js';
import { applyCorrection } from '../domain/claim-correction.js';

export interface ClaimState {
  claim: Claim;
  retracted: boolean;
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
      if (current) state.claims.set(event.data.claimId, { ...current, retracted: true });
      return state;
    }
    case 'ClaimCorrected': {
      const current = state.claims.get(event.data.claimId);
      if (current) state.claims.set(event.data.claimId, { ...current, claim: applyCorrection(current.claim, event.data.changes) });
      return state;
    }
    default:
      state.claims.set(event.data.claimId, { claim: { type: event.type, ...event.data }, retracted: false });
      return state;
  }
};
