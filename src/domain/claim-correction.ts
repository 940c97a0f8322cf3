import type { Claim } from './claim.js';
import type { ClaimCorrection } from './events/claim-corrected.event.js';

/** A correction replaces whole fields: an analyst who corrects `actors` states the full list. */
export const applyCorrection = (claim: Claim, changes: ClaimCorrection): Claim => ({ ...claim, ...changes });
