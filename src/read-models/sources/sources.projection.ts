// The sources read model: which claims rest on each source (the party or person cited) and on each
// outlet (the publication that carried them). Keys: a source key (`pakistan`, `~amu-tv-reporter`,
// `~outlet` for the outlet's own reporting), or `@` and a slug of the outlet name (`@amu-tv`).
import type { ClaimCorrection } from '../../domain/events/index.js';
import { slug, sourceKey } from '../claim-key.js';
import { defineReadModel, type ProjectedEvent } from '../projection.js';
import { isClaimEvent } from '../shared/claim-events.js';
import { addId, removeId } from '../shared/id-lists.js';
import { decodeState, encodeState } from '../shared/json-state.js';
import { sharedStrings } from '../shared/string-pool.js';

export interface SourceEntry {
  key: string;
  kind: 'source' | 'outlet';
  /** The source party; null for an outlet or an unresolved source. */
  party: string | null;
  /** The party slug, the first mention of an unresolved source, or the outlet's name. */
  label: string;
  claimIds: string[];
}

export interface SourcesState {
  sources: Map<string, SourceEntry>;
  /** claimId → [source key, outlet key]: what a correction has to move. */
  claims: Map<string, [string, string]>;
  /** articleId → outlet key, set when the article is ingested (before its claims). */
  articleOutlets: Map<string, string>;
  /** outlet key → outlet name as first seen. */
  outletNames: Map<string, string>;
}

export const outletKey = (outlet: string | null): string => `@${outlet ? slug(outlet) : 'unknown'}`;
const UNKNOWN_OUTLET = outletKey(null);

const add = (state: SourcesState, key: string, kind: SourceEntry['kind'], label: string, id: string): void => {
  let e = state.sources.get(key);
  if (!e) state.sources.set(key, (e = { key, kind, party: kind === 'source' && !key.startsWith('~') ? key : null, label, claimIds: [] }));
  addId(e.claimIds, id);
};

const remove = (state: SourcesState, key: string, id: string): void => {
  const e = state.sources.get(key);
  if (e && removeId(e.claimIds, id)) state.sources.delete(key);
};

const index = (state: SourcesState, id: string, source: string, sourceLabel: string, outlet: string): void => {
  state.claims.set(id, [source, outlet]);
  add(state, source, 'source', sourceLabel, id);
  add(state, outlet, 'outlet', state.outletNames.get(outlet) ?? outlet.slice(1), id);
};

const unindex = (state: SourcesState, id: string): void => {
  const old = state.claims.get(id);
  if (!old) return;
  remove(state, old[0], id);
  remove(state, old[1], id);
  state.claims.delete(id);
};

const labelOf = (key: string, mention: string): string => (key.startsWith('~') ? mention || key : key);

/** Mutates and returns `state`. Retractions are hidden at query time via the claims read model. */
export const applyToSources = (state: SourcesState, { event }: ProjectedEvent): SourcesState => {
  if (event.type === 'ArticleIngested') {
    const key = sharedStrings.intern(outletKey(event.data.outlet));
    state.articleOutlets.set(event.data.articleId, key);
    if (event.data.outlet && !state.outletNames.has(key)) state.outletNames.set(key, event.data.outlet);
  } else if (isClaimEvent(event)) {
    const { claimId, source, articleId } = event.data;
    unindex(state, claimId);
    const key = sharedStrings.intern(sourceKey(source));
    index(state, claimId, key, labelOf(key, source.mention), state.articleOutlets.get(articleId) ?? UNKNOWN_OUTLET);
  } else if (event.type === 'ClaimCorrected') {
    const changes: ClaimCorrection = event.data.changes;
    const old = state.claims.get(event.data.claimId);
    if (!old || !changes.source) return state;
    const key = sourceKey(changes.source);
    const label = state.sources.get(key)?.label ?? labelOf(key, changes.source.mention);
    unindex(state, event.data.claimId);
    index(state, event.data.claimId, key, label, old[1]);
  } else if (event.type === 'ArticleWithdrawn') {
    for (const claimId of event.data.claimIds) unindex(state, claimId);
    const outlet = state.articleOutlets.get(event.data.articleId);
    state.articleOutlets.delete(event.data.articleId);
    // Its outlet's name goes too when no other article has that outlet (a scan: withdrawals are rare).
    if (outlet !== undefined && ![...state.articleOutlets.values()].includes(outlet)) state.outletNames.delete(outlet);
  }
  return state;
};

export const sourcesProjection = defineReadModel<'sources', SourcesState>({
  name: 'sources',
  // 2: a withdrawn article's claims leave it.
  version: 2,
  initial: () => ({ sources: new Map(), claims: new Map(), articleOutlets: new Map(), outletNames: new Map() }),
  apply: applyToSources,
  serialize: encodeState,
  deserialize: (json) => decodeState(json) as SourcesState,
});
