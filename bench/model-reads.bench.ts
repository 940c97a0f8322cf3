// Reads of a caught-up read-model store (a service's DATA_DIR/read-models.sqlite) that grow with
// the log unless the store keeps what they need (found on the million-event run):
// - a page of a party's claims as of a position, against the same page live: ranged by the sort
//   bounds, it costs about the same; unranged it walked every entry written after the position;
// - a party's conflicts total, the kept count against counting the party's terms.
import { SqliteReadModelStore } from '../src/read-model-store/sqlite/sqlite-read-model-store.js';
import { listClaimsStored } from '../src/read-models/claims/claims.stored-queries.js';
import { CONFLICTS, term } from '../src/read-models/conflicts/conflicts.tables.js';
import { STORED_READ_MODELS } from '../src/read-models/index.js';
import { listPartiesStored } from '../src/read-models/parties/parties.stored-queries.js';
import type { BenchOptions } from './main.js';
import { median, ratio, report } from './results.js';

const ROUNDS = 15;
const PAGE = { offset: 10, limit: 20 };

/** Median ms of `read` over ROUNDS rounds (the first warms the pages it reads). */
const medianMs = (read: () => unknown): number => {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    read();
    times.push(performance.now() - started);
  }
  return median(times);
};

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

export const modelReadsBench = ({ readModels: file }: Pick<BenchOptions, 'readModels'>): Promise<void> => {
  if (!file) {
    console.log('model-reads: skipped, it needs --read-models FILE (the read-models.sqlite of a caught-up service)');
    return Promise.resolve();
  }
  const store = new SqliteReadModelStore(file, STORED_READ_MODELS);
  const head = store.checkpoint('claims')?.position ?? 0n;
  const parties = listPartiesStored(store.reader(), {}, { limit: 3 }).items.map((p) => p.key);
  const live = mean(parties.map((actor) => medianMs(() => listClaimsStored(store.reader(), { actor }, PAGE))));
  // A tenth, half and nine tenths of the way into the log.
  const asOf = [1n, 5n, 9n].map((tenths) => {
    const reader = store.reader((head * tenths) / 10n);
    return mean(parties.map((actor) => medianMs(() => listClaimsStored(reader, { actor }, PAGE))));
  });
  // The same total both ways: an unbounded range makes the find count the party's terms.
  const counted = (party: string, kept: boolean): number =>
    store.reader().find({ table: CONFLICTS, all: [term.party(party)], limit: 0, ...(kept ? {} : { from: -Number.MAX_VALUE }) }).total;
  for (const party of parties)
    if (counted(party, true) !== counted(party, false)) throw new Error(`the kept count of ${party}'s conflicts is not their number`);
  const kept = mean(parties.map((party) => medianMs(() => counted(party, true))));
  const terms = mean(parties.map((party) => medianMs(() => counted(party, false))));
  store.close();
  report({
    bench: 'model-reads',
    params: { head: Number(head), parties, page: PAGE, rounds: ROUNDS },
    figures: [
      { name: "a page of a party's claims, live", value: live, unit: 'ms' },
      ...asOf.map((value, i) => ({ name: `the same page as of ${[1, 5, 9][i]}/10 of the log`, value, unit: 'ms' })),
      { name: "a party's conflicts total, kept", value: kept, unit: 'ms' },
      { name: "a party's conflicts total, counted from its terms", value: terms, unit: 'ms' },
    ],
    ratios: [
      ...asOf.map((value, i) => ratio(`as of ${[1, 5, 9][i]}/10 of the log / live`, value / live, 2, 'at most')),
      ratio('kept total / counted', kept / terms),
    ],
  });
  return Promise.resolve();
};
