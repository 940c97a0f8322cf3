// The parties read model: per party, the ids of the claims it is actor, target or source of, by type.
// Details (content, sources, articles) are joined from the claims read model at query time.
import type { ClaimType, PartyRef, SourceRef } from '../../domain/claim.js';
import type { ClaimCorrection } from '../../domain/events/index.js';
import { partyKey, partyKeys, sourceKey } from '../claim-key.js';
import { defineReadModel, type ProjectedEvent } from '../projection.js';
import { isClaimEvent } from '../shared/claim-events.js';
import { addId, removeId } from '../shared/id-lists.js';
import { decodeState, encodeState } from '../shared/json-state.js';
import { sharedStrings } from '../shared/string-pool.js';

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

/** An unresolved party's label: the mention it was named by (only asked for when its entry is new). */
type LabelOf = (key: string) => string | undefined;

const entry = (state: PartiesState, key: string, labelOf: LabelOf): PartyEntry => {
  let e = state.parties.get(key);
  if (!e) {
    const party = key.startsWith('~') ? null : key;
    e = { key, party, label: party ?? labelOf(key) ?? key, asActor: {}, asTarget: {}, asSource: [] };
    state.parties.set(key, e);
  }
  return e;
};

const isEmpty = (e: PartyEntry): boolean =>
  !e.asSource.length && !Object.keys(e.asActor).length && !Object.keys(e.asTarget).length;

/** Each key's mention, the last ref with that key winning (the label a new unresolved party gets). */
export const labelsOf = (refs: ReadonlyArray<PartyRef | SourceRef>): Map<string, string> =>
  new Map(refs.map((r) => ['cue' in r ? sourceKey(r) : partyKey(r), r.mention]));

const index = (state: PartiesState, id: string, f: PartyFacts, labelOf: LabelOf): void => {
  for (const a of f.actors) addId(((entry(state, a, labelOf).asActor[f.type]) ??= []), id);
  for (const t of f.targets) addId(((entry(state, t, labelOf).asTarget[f.type]) ??= []), id);
  addId(entry(state, f.source, labelOf).asSource, id);
};

/**
 * What labelsOf(refsOf(claim)).get(key) gives, without building the map per claim: the mention of
 * the last ref with that key, in the order actors, targets, source.
 */
const claimLabels = (actors: readonly PartyRef[], targets: readonly PartyRef[], source: SourceRef): LabelOf => (key) => {
  if (sourceKey(source) === key) return source.mention;
  for (let i = targets.length - 1; i >= 0; i--) if (partyKey(targets[i]) === key) return targets[i].mention;
  for (let i = actors.length - 1; i >= 0; i--) if (partyKey(actors[i]) === key) return actors[i].mention;
  return undefined;
};

/** Key lists repeat across claims: no party and one party are shared lists (never mutated: a correction replaces them). */
const sharedKeys = (refs: readonly PartyRef[]): string[] => {
  if (refs.length === 0) return NO_KEYS;
  if (refs.length === 1) {
    const key = sharedStrings.intern(partyKey(refs[0]));
    let list = singleKeys.get(key);
    if (!list) {
      if (singleKeys.size >= 100_000) singleKeys.clear();
      singleKeys.set(key, (list = [key]));
    }
    return list;
  }
  return partyKeys(refs).map((k) => sharedStrings.intern(k));
};
const NO_KEYS: string[] = [];
const singleKeys = new Map<string, string[]>();

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

export const refsOf = (c: Partial<{ actors: PartyRef[]; targets: PartyRef[]; source: SourceRef }>): Array<PartyRef | SourceRef> =>
  [...(c.actors ?? []), ...(c.targets ?? []), ...(c.source ? [c.source] : [])];

/** Mutates and returns `state`. Retractions are not indexed here: queries hide them via the claims read model. */
export const applyToParties = (state: PartiesState, { event }: ProjectedEvent): PartiesState => {
  if (isClaimEvent(event)) {
    const { claimId, actors, targets, source } = event.data;
    const old = state.claims.get(claimId);
    if (old) unindex(state, claimId, old);
    const facts: PartyFacts = { type: event.type, actors: sharedKeys(actors), targets: sharedKeys(targets), source: sharedStrings.intern(sourceKey(source)) };
    state.claims.set(claimId, facts);
    index(state, claimId, facts, claimLabels(actors, targets, source));
  } else if (event.type === 'ClaimCorrected') {
    const { claimId, changes } = event.data;
    const old = state.claims.get(claimId);
    if (!old) return state;
    const facts = withChanges(old, changes);
    // An unresolved party keeps its label even if unindexing empties (and drops) its entry.
    const labels = new Map<string, string>();
    for (const key of [...old.actors, ...old.targets, old.source]) {
      const label = state.parties.get(key)?.label;
      if (label !== undefined) labels.set(key, label);
    }
    for (const [key, label] of labelsOf(refsOf(changes))) labels.set(key, label);
    unindex(state, claimId, old);
    state.claims.set(claimId, facts);
    index(state, claimId, facts, (key) => labels.get(key));
  } else if (event.type === 'ArticleWithdrawn') {
    for (const claimId of event.data.claimIds) {
      const old = state.claims.get(claimId);
      if (old) unindex(state, claimId, old);
      state.claims.delete(claimId);
    }
  }
  return state;
};

export const partiesProjection = defineReadModel<'parties', PartiesState>({
  name: 'parties',
  // 2: a withdrawn article's claims leave it. 3: a syndicated copy's sources count as its original's.
  version: 3,
  initial: () => ({ parties: new Map(), claims: new Map() }),
  apply: applyToParties,
  serialize: encodeState,
  deserialize: (json) => decodeState(json) as PartiesState,
});
