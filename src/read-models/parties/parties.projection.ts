// The parties view: per party, the ids of the claims it is actor, target or source of, by type.
// Details (content, sources, articles) are joined from the claims view at query time.
import type { ClaimType, PartyRef, SourceRef } from '../../domain/claim.js';
import type { ClaimCorrection } from '../../domain/events/index.js';
import { partyKey, partyKeys, sourceKey } from '../claim-key.js';
import type { Projection, ProjectedEvent } from '../projection.js';
import { claimOfEvent, isClaimEvent } from '../shared/claim-events.js';
import { addId, removeId } from '../shared/id-lists.js';
import { decodeState, encodeState } from '../shared/json-state.js';

export type ByType = Partial<Record<ClaimType, string[]>>;

export interface PartyEntry {
  key: string;
  /** The canonical slug; null for an unresolved party known only by its mention. */
  party: string | null;
  /** The slug for a known party, the first mention seen for an unresolved one. */
  label: string;
  asActor: ByType;
  asTarget: ByType;
  /** Claims it is cited for: what it asserted. */
  asSource: string[];
}

/** Just what is needed to move a claim's ids when a correction changes its type or parties. */
export interface PartyFacts {
  type: ClaimType;
  actors: string[];
  targets: string[];
  source: string;
}

export interface PartiesState {
  parties: Map<string, PartyEntry>;
  claims: Map<string, PartyFacts>;
}

const entry = (state: PartiesState, key: string, labels: Map<string, string>): PartyEntry => {
  let e = state.parties.get(key);
  if (!e) {
    const party = key.startsWith('~') ? null : key;
    e = { key, party, label: party ?? labels.get(key) ?? key, asActor: {}, asTarget: {}, asSource: [] };
    state.parties.set(key, e);
  }
  return e;
};

const isEmpty = (e: PartyEntry): boolean =>
  !e.asSource.length && !Object.keys(e.asActor).length && !Object.keys(e.asTarget).length;

const labelsOf = (refs: ReadonlyArray<PartyRef | SourceRef>): Map<string, string> =>
  new Map(refs.map((r) => ['cue' in r ? sourceKey(r) : partyKey(r), r.mention]));

const index = (state: PartiesState, id: string, f: PartyFacts, labels: Map<string, string>): void => {
  for (const a of f.actors) addId(((entry(state, a, labels).asActor[f.type]) ??= []), id);
  for (const t of f.targets) addId(((entry(state, t, labels).asTarget[f.type]) ??= []), id);
  addId(entry(state, f.source, labels).asSource, id);
};

const unindex = (state: PartiesState, id: string, f: PartyFacts): void => {
  const drop = (byType: ByType) => {
    const list = byType[f.type];
    if (list && removeId(list, id)) delete byType[f.type];
  };
  for (const key of new Set([...f.actors, ...f.targets, f.source])) {
    const e = state.parties.get(key);
    if (!e) continue;
    drop(e.asActor);
    drop(e.asTarget);
    removeId(e.asSource, id);
    if (isEmpty(e)) state.parties.delete(key);
  }
};

const withChanges = (f: PartyFacts, c: ClaimCorrection): PartyFacts => ({
  type: c.type ?? f.type,
  actors: c.actors ? partyKeys(c.actors) : f.actors,
  targets: c.targets ? partyKeys(c.targets) : f.targets,
  source: c.source ? sourceKey(c.source) : f.source,
});

const refsOf = (c: Partial<{ actors: PartyRef[]; targets: PartyRef[]; source: SourceRef }>): Array<PartyRef | SourceRef> =>
  [...(c.actors ?? []), ...(c.targets ?? []), ...(c.source ? [c.source] : [])];

/** Mutates and returns `state`. Retractions are not indexed here: queries hide them via the claims view. */
export const applyToParties = (state: PartiesState, { event }: ProjectedEvent): PartiesState => {
  if (isClaimEvent(event)) {
    const claim = claimOfEvent(event);
    const old = state.claims.get(claim.claimId);
    if (old) unindex(state, claim.claimId, old);
    const facts: PartyFacts = { type: claim.type, actors: partyKeys(claim.actors), targets: partyKeys(claim.targets), source: sourceKey(claim.source) };
    state.claims.set(claim.claimId, facts);
    index(state, claim.claimId, facts, labelsOf(refsOf(claim)));
  } else if (event.type === 'ClaimCorrected') {
    const { claimId, changes } = event.data;
    const old = state.claims.get(claimId);
    if (!old) return state;
    const facts = withChanges(old, changes);
    // An unresolved party keeps its label even if unindexing empties (and drops) its entry.
    const labels = new Map<string, string>();
    for (const key of [...old.actors, ...old.targets, old.source]) {
      const label = state.parties.get(key)?.label;
      if (label) labels.set(key, label);
    }
    for (const [key, label] of labelsOf(refsOf(changes))) labels.set(key, label);
    unindex(state, claimId, old);
    state.claims.set(claimId, facts);
    index(state, claimId, facts, labels);
  }
  return state;
};

export const partiesProjection: Projection<PartiesState> = {
  name: 'parties',
  initial: () => ({ parties: new Map(), claims: new Map() }),
  apply: applyToParties,
  serialize: encodeState,
  deserialize: (json) => decodeState(json) as PartiesState,
};
