// What one event changes in the stored sources read model, gathered over every claim it changes
// and then written once per row.
import { CLAIM_TYPES, type ClaimType } from '../../domain/claim.js';
import type { ReadModelWriter } from '../../read-model-store/read-model-store.js';
import { partyKeys, sourceKey } from '../claim-key.js';
import { countModesOf, type ClaimFacts, type CountMode } from '../shared/stored-claim-facts.js';
import { trigramTerms } from '../shared/trigrams.js';
import { outletKey, type SourceEntry } from './sources.projection.js';
import type { SourceSummaryItem } from './sources.queries.js';
import {
  carrierTerm,
  entryClaimKey,
  entryTerm,
  everyClaimTerm,
  listTerm,
  sourcesTables as T,
  type CarrierTallyDoc,
  type EntryClaimDoc,
  type SourceEntryDoc,
} from './sources.tables.js';

/** A source's label: the party slug, or the mention of an unresolved source (its key when it has none). */
export const sourceLabel = (key: string, mention: string): string => (key.startsWith('~') ? mention || key : key);

/** A list row from an entry and its counts by type. */
export const sourceSummary = ({ key, kind, party, label }: SourceEntryDoc, counts: Partial<Record<ClaimType, number>>): SourceSummaryItem => {
  const byType: Partial<Record<ClaimType, number>> = {};
  for (const type of CLAIM_TYPES) if ((counts[type] ?? 0) > 0) byType[type] = counts[type];
  return { key, kind, party, label, claims: Object.values(byType).reduce((a, b) => a + (b ?? 0), 0), byType };
};

interface Membership {
  entry: string;
  kind: SourceEntry['kind'];
  doc: EntryClaimDoc;
  /** The source's label should the claim create its entry. */
  label: string;
}

/** The two entries a claim rests on: its source (carried by an outlet) and the outlet it was recorded under (citing the source). */
const membershipsOf = ({ claim, outlet, recordedOutlet }: ClaimFacts): Membership[] => {
  const source = sourceKey(claim.source);
  const recordedUnder = outletKey(recordedOutlet);
  return [
    {
      entry: source,
      kind: 'source',
      label: sourceLabel(source, claim.source.mention),
      doc: { claimId: claim.claimId, type: claim.type, carrier: { key: outletKey(outlet), label: outlet ?? 'unknown' } },
    },
    {
      entry: recordedUnder,
      kind: 'outlet',
      label: '',
      doc: { claimId: claim.claimId, type: claim.type, carrier: { key: source, label: claim.source.party ?? claim.source.mention } },
    },
  ];
};

interface CarrierOp {
  by: 1 | -1;
  label: string;
  key: string;
  sort: number;
}

const newer = (a: { key: string; sort: number }, b: { key: string; sort: number }): boolean => a.sort < b.sort || (a.sort === b.sort && a.key < b.key);

export class SourceChanges {
  private readonly rows = new Map<string, { doc: EntryClaimDoc; sort: number; terms: string[] } | null>();
  private readonly entries = new Map<string, { kind: SourceEntry['kind']; removed: number; added: number; label: string }>();
  private readonly counts = new Map<string, { mode: CountMode; entry: string; byType: Partial<Record<ClaimType, number>> }>();
  private readonly carriers = new Map<string, { ops: CarrierOp[] }>();

  /**
   * `relabels`: which kinds of entry the event labels anew when it empties and refills them, as the
   * reference does: a claim both; a correction of the source only the outlet (its source keeps the
   * label it had); any other correction neither.
   */
  constructor(private readonly relabels: Record<SourceEntry['kind'], boolean>) {}

  change(before: ClaimFacts | undefined, after: ClaimFacts | undefined): void {
    if (before) this.add(before, -1);
    if (after) this.add(after, 1);
  }

  private add(facts: ClaimFacts, by: 1 | -1): void {
    const { claim } = facts;
    for (const m of membershipsOf(facts)) {
      const key = entryClaimKey(m.entry, claim.articleId, claim.evidence.start, claim.claimId);
      const entry = this.entries.get(m.entry) ?? { kind: m.kind, removed: 0, added: 0, label: m.label };
      this.entries.set(m.entry, entry);
      const sort = -facts.time;
      if (by < 0) {
        entry.removed++;
        if (!this.rows.has(key)) this.rows.set(key, null);
      } else {
        entry.added++;
        entry.label = m.label;
        const terms = [`type:${claim.type}`, ...partyKeys(claim.actors).map((a) => `actor:${a}`), ...partyKeys(claim.targets).map((t) => `target:${t}`)];
        for (const mode of countModesOf(facts)) terms.push(everyClaimTerm(mode), entryTerm(mode, m.entry), carrierTerm(mode, m.entry, m.doc.carrier.key));
        this.rows.set(key, { doc: m.doc, sort, terms });
      }
      for (const mode of countModesOf(facts)) {
        const countKey = entryTerm(mode, m.entry);
        const counts = this.counts.get(countKey) ?? { mode, entry: m.entry, byType: {} };
        this.counts.set(countKey, counts);
        counts.byType[claim.type] = (counts.byType[claim.type] ?? 0) + by;
        const carrier = carrierTerm(mode, m.entry, m.doc.carrier.key);
        const tally = this.carriers.get(carrier) ?? { ops: [] };
        this.carriers.set(carrier, tally);
        tally.ops.push({ by, label: m.doc.carrier.label, key, sort });
      }
    }
  }

  /** Writes every row the event changed: claims of an entry first (a carrier reads its newest claim from them). */
  write(writer: ReadModelWriter): void {
    for (const [key, row] of this.rows) {
      if (row) writer.put(T.entryClaims, { key, ...row });
      else writer.remove(T.entryClaims, key);
    }
    for (const [key, entry] of this.entries) this.writeEntry(writer, key, entry);
    for (const [, counts] of this.counts) this.writeSummary(writer, counts);
    for (const [key, { ops }] of this.carriers) this.writeCarrier(writer, key, ops);
  }

  /** As the reference: an entry emptied by a claim or correction and added again is labelled anew (a correction keeps the old label). */
  private writeEntry(writer: ReadModelWriter, key: string, e: { kind: SourceEntry['kind']; removed: number; added: number; label: string }): void {
    const old = writer.get(T.entries, key);
    const kept = (old?.claims ?? 0) - e.removed;
    const claims = kept + e.added;
    if (claims <= 0) return writer.remove(T.entries, key);
    const label = old && (kept > 0 || !this.relabels[e.kind]) ? old.label : e.kind === 'outlet' ? (writer.get(T.outlets, key)?.name ?? key.slice(1)) : e.label;
    const party = e.kind === 'source' && !key.startsWith('~') ? key : null;
    writer.put(T.entries, { key, doc: { key, kind: e.kind, party, label, claims }, terms: trigramTerms([key, label.toLowerCase()]) });
  }

  private writeSummary(
    writer: ReadModelWriter,
    { mode, entry, byType: delta }: { mode: CountMode; entry: string; byType: Partial<Record<ClaimType, number>> },
  ): void {
    const key = entryTerm(mode, entry);
    const old = writer.get(T.list, key);
    const e = writer.get(T.entries, entry);
    const byType: Partial<Record<ClaimType, number>> = {};
    for (const type of CLAIM_TYPES) byType[type] = (old?.byType[type] ?? 0) + (delta[type] ?? 0);
    const item = e && sourceSummary(e, byType);
    if (!item?.claims) return writer.remove(T.list, key);
    writer.put(T.list, { key, doc: item, sort: -item.claims, terms: [listTerm(mode), listTerm(mode, item.kind)] });
  }

  private writeCarrier(writer: ReadModelWriter, key: string, ops: CarrierOp[]): void {
    let tally = writer.get(T.carriers, key);
    let lostNewest = false;
    for (const op of [...ops.filter((o) => o.by < 0), ...ops.filter((o) => o.by > 0)]) {
      if (!tally) {
        if (op.by < 0) continue;
        tally = { key: key.split('|').slice(2).join('|'), label: op.label, claims: 0, newest: { key: op.key, sort: op.sort } };
      }
      tally.claims += op.by;
      if (op.by < 0 && op.key === tally.newest.key) lostNewest = true;
      if (op.by > 0 && !lostNewest && newer(op, tally.newest)) tally = { ...tally, label: op.label, newest: { key: op.key, sort: op.sort } };
      if (tally.claims <= 0) {
        tally = undefined;
        lostNewest = false;
      }
    }
    if (!tally) return writer.remove(T.carriers, key);
    if (lostNewest) tally = { ...tally, ...newestOf(writer, key) };
    const [mode, entry] = key.split('|') as [CountMode, string];
    writer.put(T.carriers, { key, doc: tally, sort: -tally.claims, terms: [entryTerm(mode, entry)] });
  }
}

/** The carrier's newest claim left: its label is read again from the newest claim that carries its term. */
const newestOf = (writer: ReadModelWriter, term: string): Pick<CarrierTallyDoc, 'label' | 'newest'> => {
  const [row] = writer.find({ table: T.entryClaims, all: [term], limit: 1 }).rows;
  return { label: row.doc.carrier.label, newest: { key: row.key, sort: row.sort } };
};
