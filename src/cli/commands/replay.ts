// `replay`: rebuild views from position 0 into DATA_DIR/views.sqlite, so the next start of the
// service resumes from fresh snapshots (e.g. after a reducer changed).
//
// With the service running on the same DATA_DIR: the new snapshots replace the old ones in one
// SQLite transaction, so the file is never half-written, and the running service is not disturbed:
// it never reads the file after starting, and keeps answering from its own state in memory. Its
// next periodic save (about a second after it applies an event) writes its own state back over
// the rebuilt rows; both are whole (state, checkpoint) pairs, so either is a correct start point.
// To rebuild what a running service serves, use POST /projections/rebuild instead.
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { eventStoreOptions, loadConfig } from '../../app/config.js';
import { ARTICLE_STREAM_PREFIX } from '../../domain/ids.js';
import { openEventStore } from '../../event-store/open-event-store.js';
import { rebuildSnapshots, type ViewRebuildReport } from '../../projections/rebuild-snapshots.js';
import { snapshotFile, ViewSnapshots } from '../../projections/view-snapshots.js';
import { ALL_PROJECTIONS } from '../../read-models/index.js';

const PLAIN_EVERY_MS = 2000;

/** A bar per view when stderr is a terminal; otherwise a plain line every couple of seconds. `total`: article events in the log. */
const progressReporter = (total: number) => {
  if (process.stderr.isTTY) {
    let bar: SingleBar | null = null;
    let current = '';
    return {
      progress: (name: string, events: number) => {
        if (name !== current) {
          bar?.stop();
          current = name;
          bar = new SingleBar({ stream: process.stderr, format: 'replay {view} [{bar}] {percentage}% {events} events', hideCursor: true }, Presets.shades_classic);
          bar.start(total, 0, { view: name.padEnd(12), events: 0 });
        }
        bar!.update(Math.min(total, events), { events });
      },
      done: () => bar?.stop(),
    };
  }
  let last = 0;
  return {
    progress: (name: string, events: number, position: bigint) => {
      const now = Date.now();
      if (now - last < PLAIN_EVERY_MS) return;
      last = now;
      process.stderr.write(`replay ${name}: ${events} of ${total} events, at position ${position}\n`);
    },
    done: () => undefined,
  };
};

const formatSummary = (reports: ViewRebuildReport[], file: string): string => {
  const rows = reports.map((r) =>
    `${r.name.padEnd(14)}${String(r.events).padStart(10)}${String(r.ms).padStart(9)}${String(r.eventsPerSecond).padStart(12)}${String(r.checkpoint).padStart(12)}`);
  return [`${'view'.padEnd(14)}${'events'.padStart(10)}${'ms'.padStart(9)}${'events/s'.padStart(12)}${'checkpoint'.padStart(12)}`, ...rows, `written to ${file}`].join('\n');
};

export const registerReplay = (program: Command): void => {
  const names = ALL_PROJECTIONS.map((p) => p.name);
  program
    .command('replay')
    .description(
      'rebuild views from position 0 into DATA_DIR/views.sqlite (replaced atomically). A service running on the same ' +
      'DATA_DIR keeps serving its own state and later saves it over the file; rebuild its views with POST /projections/rebuild',
    )
    .option('--name <view>', `only this view (${names.join(', ')}); repeatable`, (value: string, previous: string[] = []) => [...previous, value])
    .option('--json', 'print the summary as JSON')
    .action(async (options: { name?: string[]; json?: boolean }) => {
      const unknown = (options.name ?? []).filter((n) => !names.includes(n));
      if (unknown.length) throw new Error(`no view named ${unknown.join(', ')}; views are ${names.join(', ')}`);
      const projections = options.name ? ALL_PROJECTIONS.filter((p) => options.name!.includes(p.name)) : ALL_PROJECTIONS;
      const config = loadConfig();
      const file = snapshotFile(config.dataDir);
      const store = await openEventStore(eventStoreOptions(config));
      const snapshots = new ViewSnapshots(file);
      // Each view's pass meets the same bad events; report each once.
      const invalid = new Set<string>();
      try {
        // A count of events, not the head's position: positions are log offsets on EventStoreDB.
        const reporter = progressReporter(await store.countEvents({ streamPrefix: ARTICLE_STREAM_PREFIX }));
        const reports = await rebuildSnapshots(store, projections, snapshots, {
          onProgress: reporter.progress,
          onInvalid: (error) => {
            if (invalid.has(error.message)) return;
            invalid.add(error.message);
            process.stderr.write(`replay: skipped an invalid event: ${error.message}\n`);
          },
        });
        reporter.done();
        if (options.json) {
          console.log(JSON.stringify({ file, views: reports.map((r) => ({ ...r, checkpoint: r.checkpoint.toString() })), invalidEvents: invalid.size }, null, 2));
        } else {
          console.log(formatSummary(reports, file));
        }
        process.exitCode = invalid.size ? 1 : 0;
      } finally {
        snapshots.close();
        await store.close();
      }
    });
};
