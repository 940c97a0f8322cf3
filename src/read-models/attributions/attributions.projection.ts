// The attributions read model: claims grouped by claim key (type, actor and target parties) across
// articles. Per claim it stores only its key; a correction is applied to the parsed key, so moving
// a claim between keys needs no copy of the claim.
import type { ClaimCorrection } from '../../domain/events/index.js';
import { claimKey, formatClaimKey, parseClaimKey, partyKeys } from '../claim-key.js';
import { defineReadModel, type ProjectedEvent } from '../projection.js';
import { isClaimEvent } from '../shared/claim-events.js';
import { addToBucket, removeFromBucket } from '../shared/id-lists.js';
import { decodeState, encodeState } from '../shared/json-state.js';
import { sharedStrings } from '../shared/string-pool.js';

export interface AttributionsState {
  /** claim key → claim ids, in the order recorded. */
  keys: Map<string, string[]>;
  /** claim id → its current key. */
  claims: Map<string, string>;
}

export const correctedKey = (key: string, changes: ClaimCorrection): string => {
  const parts = parseClaimKey(key);
  if (!parts) return key;
  return formatClaimKey({
    type: changes.type ?? parts.type,
    actors: changes.actors ? partyKeys(changes.actors) : parts.actors,
    targets: changes.targets ? partyKeys(changes.targets) : parts.targets,
  });
};

const move = (state: AttributionsState, claimId: string, key: string): void => {
  const old = state.claims.get(claimId);
  if (old === key) return;
  if (old !== undefined) removeFromBucket(state.keys, old, claimId);
  state.claims.set(claimId, key);
  addToBucket(state.keys, key, claimId);
};

/** Mutates and returns `state`. Retractions are hidden at query time via the claims read model. */
export const applyToAttributions = (state: AttributionsState, { event }: ProjectedEvent): AttributionsState => {
  if (isClaimEvent(event)) {
    const { claimId, actors, targets } = event.data;
    // Interned: the claims of one key keep one copy of it.
    move(state, claimId, sharedStrings.intern(claimKey({ type: event.type, actors, targets })));
  } else if (event.type === 'ClaimCorrected') {
    const old = state.claims.get(event.data.claimId);
    if (old !== undefined) move(state, event.data.claimId, sharedStrings.intern(correctedKey(old, event.data.changes)));
  } else if (event.type === 'ArticleWithdrawn') {
    for (const claimId of event.data.claimIds) {
      const key = state.claims.get(claimId);
      if (key !== undefined) removeFromBucket(state.keys, key, claimId);
      state.claims.delete(claimId);
    }
  }
  return state;
};

export const attributionsProjection = defineReadModel<'attributions', AttributionsState>({
  name: 'attributions',
  // 2: the topic is no longer part of a claim key. 3: a withdrawn article's claims leave it.
  // 4: the stored read model keeps a source's claim ids in its claim rows' terms, not in one row.
  version: 4,
  initial: () => ({ keys: new Map(), claims: new Map() }),
  apply: applyToAttributions,
  serialize: encodeState,
  deserialize: (json) => decodeState(json) as AttributionsState,
});
