// What one event changes in the stored parties read model, gathered over every claim it changes
// (an article recorded again moves all of its claims) and then written once per row.
import { CLAIM_TYPES, type Claim, type ClaimType } from '../../domain/claim.js';
import type { ReadModelWriter } from '../../read-model-store/read-model-store.js';
import { independentSource, partyKeys, sourceKey } from '../claim-key.js';
import { compareStrings } from '../shared/page.js';
import { countModesOf, type ClaimFacts, type CountMode } from '../shared/stored-claim-facts.js';
import { CLAIM_ID_SAMPLE } from '../claims/source-summary.js';
import type { PartyRole, PartySummary } from './parties.queries.js';
import { trigramTerms } from '../shared/trigrams.js';
import {
  claimTerm,
  everyClaimTerm,
  listKey,
  listTerm,
  partiesTables as T,
  partyClaimKey,
  partyTerm,
  tallyTerm,
  type PartyClaimDoc,
  type TallyGroup,
} from './parties.tables.js';

/** A party's roles in a claim, in the order actor, target, source. */
export const rolesByParty = (claim: Claim): Map<string, PartyRole[]> => {
  const roles = new Map<string, PartyRole[]>();
  const add = (key: string, role: PartyRole) => roles.set(key, [...(roles.get(key) ?? []), role]);
  for (const key of partyKeys(claim.actors)) add(key, 'actor');
  for (const key of partyKeys(claim.targets)) add(key, 'target');
  add(sourceKey(claim.source), 'source');
  return roles;
};

interface EntryDelta {
  removed: number;
  added: number;
  /** Change in its claims not retracted. */
  live: number;
}

interface TallyOp {
  by: 1 | -1;
  claimId: string;
  party: string | null;
  mention: string;
  outlet: string | null;
}

interface CountDelta {
  mode: CountMode;
  party: string;
  asActor: Partial<Record<ClaimType, number>>;
  asTarget: Partial<Record<ClaimType, number>>;
  asSource: number;
}

const bump = (counts: Record<string, number>, key: string, by: number): void => {
  const n = (counts[key] ?? 0) + by;
  if (n > 0) counts[key] = n;
  else delete counts[key];
};

export const sumOf = (c: Partial<Record<ClaimType, number>>): number => Object.values(c).reduce((a, b) => a + (b ?? 0), 0);

/** Counts by type in CLAIM_TYPES order (the reference's key order), zeros left out. */
export const ordered = (c: Partial<Record<ClaimType, number>>): Partial<Record<ClaimType, number>> =>
  Object.fromEntries(CLAIM_TYPES.filter((t) => c[t]).map((t) => [t, c[t]]));

/** A list row from a party's entry and counts. */
export const partySummary = (
  { key, party, label }: Pick<PartySummary, 'key' | 'party' | 'label'>,
  c: Pick<PartySummary, 'asActor' | 'asTarget' | 'asSource'>,
): PartySummary => ({
  key,
  party,
  label,
  asActor: ordered(c.asActor),
  asTarget: ordered(c.asTarget),
  asSource: c.asSource,
  total: sumOf(c.asActor) + sumOf(c.asTarget) + c.asSource,
});

const summaryTerms = (mode: CountMode, s: PartySummary): string[] => {
  const terms = [listTerm(mode)];
  if (sumOf(s.asActor)) terms.push(listTerm(mode, 'actor'));
  if (sumOf(s.asTarget)) terms.push(listTerm(mode, 'target'));
  if (s.asSource) terms.push(listTerm(mode, 'source'));
  for (const type of CLAIM_TYPES) {
    if (s.asActor[type]) terms.push(listTerm(mode, 'actor', type));
    if (s.asTarget[type]) terms.push(listTerm(mode, 'target', type));
    if (s.asActor[type] || s.asTarget[type]) terms.push(listTerm(mode, '*', type));
  }
  return terms;
};

export class PartyChanges {
  private readonly claimRows = new Map<string, { doc: PartyClaimDoc; sort: number; terms: string[] } | null>();
  private readonly entries = new Map<string, EntryDelta>();
  private readonly counts = new Map<string, CountDelta>();
  private readonly tallies = new Map<string, { mode: CountMode; party: string; group: TallyGroup; ops: TallyOp[] }>();

  /**
   * `labels`: the mentions a claim or correction names parties by (a new unresolved party's
   * label); null for the other events, which move claims without unindexing them in the
   * reference, so no entry is relabelled.
   */
  constructor(private readonly labels: Map<string, string> | null) {}

  change(before: ClaimFacts | undefined, after: ClaimFacts | undefined): void {
    if (before) this.add(before, -1);
    if (after) this.add(after, 1);
  }

  private add(facts: ClaimFacts, by: 1 | -1): void {
    const { claim, outlet, reportingOutlet } = facts;
    const source = independentSource(claim.source, reportingOutlet);
    for (const [party, roles] of rolesByParty(claim)) {
      const key = partyClaimKey(party, claim.articleId, claim.evidence.start, claim.claimId);
      const entry = this.entries.get(party) ?? { removed: 0, added: 0, live: 0 };
      this.entries.set(party, entry);
      if (!facts.retracted) entry.live += by;
      if (by < 0) {
        entry.removed++;
        if (!this.claimRows.has(key)) this.claimRows.set(key, null);
      } else {
        entry.added++;
        this.claimRows.set(key, this.claimRow(facts, party, roles, source));
      }
      for (const mode of countModesOf(facts)) {
        const delta = this.countDelta(mode, party);
        for (const role of roles) {
          if (role === 'source') delta.asSource += by;
          else {
            const byType = role === 'actor' ? delta.asActor : delta.asTarget;
            byType[claim.type] = (byType[claim.type] ?? 0) + by;
          }
          this.tallyOps(mode, party, { role, type: claim.type }, source).push({
            by,
            claimId: claim.claimId,
            party: claim.source.party,
            mention: claim.source.mention,
            outlet,
          });
        }
      }
    }
  }

  private claimRow(facts: ClaimFacts, party: string, roles: PartyRole[], source: string) {
    const { claim } = facts;
    const terms = [`type:${claim.type}`, `source:${sourceKey(claim.source)}`, ...claim.topics.map((t) => `topic:${t}`)];
    for (const mode of countModesOf(facts)) {
      terms.push(everyClaimTerm(mode));
      for (const role of [...roles, '*' as const]) terms.push(claimTerm(mode, party, role));
      for (const role of roles) terms.push(tallyTerm(mode, party, { role, type: claim.type }, source));
    }
    const doc: PartyClaimDoc = {
      claimId: claim.claimId,
      roles,
      type: claim.type,
      source: { party: claim.source.party, mention: claim.source.mention },
      outlet: facts.outlet,
      reportingOutlet: facts.reportingOutlet,
    };
    return { doc, sort: -facts.time, terms };
  }

  private countDelta(mode: CountMode, party: string): CountDelta {
    const key = listKey(mode, party);
    let delta = this.counts.get(key);
    if (!delta) this.counts.set(key, (delta = { mode, party, asActor: {}, asTarget: {}, asSource: 0 }));
    return delta;
  }

  private tallyOps(mode: CountMode, party: string, group: TallyGroup, source: string): TallyOp[] {
    const key = tallyTerm(mode, party, group, source);
    let tally = this.tallies.get(key);
    if (!tally) this.tallies.set(key, (tally = { mode, party, group, ops: [] }));
    return tally.ops;
  }

  /** Writes every row the event changed: claims of a party first (tallies refill their samples from them). */
  write(writer: ReadModelWriter): void {
    for (const [key, row] of this.claimRows) {
      if (row) writer.put(T.partyClaims, { key, ...row });
      else writer.remove(T.partyClaims, key);
    }
    for (const [party, entry] of this.entries) this.writeEntry(writer, party, entry);
    for (const [key, delta] of this.counts) this.writeSummary(writer, key, delta);
    for (const [key, tally] of this.tallies) this.writeTally(writer, key, tally.ops);
  }

  /** As the reference: an entry emptied by this event's removals is dropped, and one added again gets a new label. */
  private writeEntry(writer: ReadModelWriter, party: string, { removed, added, live }: EntryDelta): void {
    const old = writer.get(T.entries, party);
    const kept = (old?.claims ?? 0) - removed;
    const claims = kept + added;
    if (claims <= 0) return writer.remove(T.entries, party);
    const known = !party.startsWith('~');
    const relabel = !old || (kept <= 0 && this.labels !== null);
    const label = !relabel ? old.label : known ? party : (this.labels?.get(party) ?? old?.label ?? party);
    const doc = { key: party, party: known ? party : null, label, claims, live: (old?.live ?? 0) + live };
    writer.put(T.entries, { key: party, doc, terms: trigramTerms([party, label.toLowerCase()]) });
  }

  private writeSummary(writer: ReadModelWriter, key: string, delta: CountDelta): void {
    const old = writer.get(T.list, key);
    const asActor = { ...old?.asActor };
    const asTarget = { ...old?.asTarget };
    for (const type of CLAIM_TYPES) {
      bump(asActor, type, delta.asActor[type] ?? 0);
      bump(asTarget, type, delta.asTarget[type] ?? 0);
    }
    const asSource = (old?.asSource ?? 0) + delta.asSource;
    const total = sumOf(asActor) + sumOf(asTarget) + asSource;
    const entry = writer.get(T.entries, delta.party);
    if (!total || !entry) return writer.remove(T.list, key);
    const summary = partySummary(entry, { asActor, asTarget, asSource });
    writer.put(T.list, { key, doc: summary, sort: -total, terms: summaryTerms(delta.mode, summary) });
  }

  private writeTally(writer: ReadModelWriter, key: string, ops: TallyOp[]): void {
    // Removals first, then additions, as the reference unindexes a claim before indexing it again.
    const sorted = [...ops.filter((o) => o.by < 0), ...ops.filter((o) => o.by > 0)];
    let tally = writer.get(T.tallies, key);
    let sampled = true;
    for (const op of sorted) {
      if (!tally) {
        if (op.by < 0) continue;
        tally = { party: op.party, mentions: {}, outlets: {}, count: 0, sample: [] };
      }
      if (op.mention) bump(tally.mentions, op.mention, op.by);
      if (op.outlet) bump(tally.outlets, op.outlet, op.by);
      tally.count += op.by;
      if (op.by > 0) tally.sample = [...tally.sample, op.claimId].sort(compareStrings).slice(0, CLAIM_ID_SAMPLE);
      else if (tally.sample.includes(op.claimId)) {
        tally.sample = tally.sample.filter((id) => id !== op.claimId);
        sampled = false;
      }
      if (tally.count <= 0) tally = undefined;
    }
    if (!tally) return writer.remove(T.tallies, key);
    // Unless it holds every id, a sample that lost one may now miss a lower id than those added.
    if (!sampled && tally.count > tally.sample.length) tally.sample = lowestIds(writer, key);
    const [mode, party] = key.split('|') as [CountMode, string];
    writer.put(T.tallies, {
      key,
      doc: { ...tally, mentions: sortedKeys(tally.mentions), outlets: sortedKeys(tally.outlets) },
      terms: [partyTerm(mode, party)],
    });
  }
}

/** A sampled claim left: the sample is read again from the claims that carry the tally's term. */
const lowestIds = (writer: ReadModelWriter, term: string): string[] =>
  writer
    .find({ table: T.partyClaims, all: [term] })
    .rows.map((r) => r.doc.claimId)
    .sort(compareStrings)
    .slice(0, CLAIM_ID_SAMPLE);

/** Counts by key in key order, so an unchanged tally writes the same doc. */
const sortedKeys = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).sort(([a], [b]) => compareStrings(a, b)));
