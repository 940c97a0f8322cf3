// `replay`: fold the reference read models (the in-memory folds every stored read model is tested
// against) from position 0 and print, per read model, its events, time, speed, checkpoint and a
// hash of its state. It writes nothing and does not disturb a service running on the same DATA_DIR;
// to rebuild what a service serves (the read-model store), use POST /projections/rebuild.
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { eventStoreOptions, loadConfig } from '../../app/config.js';
import { ARTICLE_STREAM_PREFIX } from '../../domain/ids.js';
import { openEventStore } from '../../event-store/open-event-store.js';
import { replayReference, type ViewReplayReport } from '../../projections/replay-reference.js';
import { ALL_PROJECTIONS } from '../../read-models/index.js';

const PLAIN_EVERY_MS = 2000;

/** A bar per read model when stderr is a terminal; otherwise a plain line every couple of seconds. `total`: article events in the log. */
const progressReporter = (total: number) => {
  if (process.stderr.isTTY) {
    let bar: SingleBar | null = null;
    let current = '';
    return {
      progress: (name: string, events: number) => {
        if (name !== current) {
          bar?.stop();
          current = name;
          bar = new SingleBar(
            { stream: process.stderr, format: 'replay {view} [{bar}] {percentage}% {events} events', hideCursor: true },
            Presets.shades_classic,
          );
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

const formatSummary = (reports: ViewReplayReport[]): string => {
  const rows = reports.map(
    (r) =>
      r.name.padEnd(14) +
      String(r.events).padStart(10) +
      String(r.ms).padStart(9) +
      String(r.eventsPerSecond).padStart(12) +
      String(r.checkpoint).padStart(12) +
      `  ${r.hash.slice(0, 16)}`,
  );
  return [`${'view'.padEnd(14)}${'events'.padStart(10)}${'ms'.padStart(9)}${'events/s'.padStart(12)}${'checkpoint'.padStart(12)}  hash`, ...rows].join('\n');
};

export const registerReplay = (program: Command): void => {
  const names = ALL_PROJECTIONS.map((p) => p.name);
  program
    .command('replay')
    .description(
      "fold the reference read models from position 0 and print each one's events, time, checkpoint and state hash; " +
        'writes nothing (rebuild what a service serves with POST /projections/rebuild)',
    )
    .option('--name <read-model>', `only this read model (${names.join(', ')}); repeatable`, (value: string, previous: string[] = []) => [...previous, value])
    .option('--json', 'print the summary as JSON')
    .action(async (options: { name?: string[]; json?: boolean }) => {
      const unknown = (options.name ?? []).filter((n) => !names.includes(n));
      if (unknown.length) throw new Error(`no read model named ${unknown.join(', ')}; read models are ${names.join(', ')}`);
      const projections = options.name ? ALL_PROJECTIONS.filter((p) => options.name!.includes(p.name)) : ALL_PROJECTIONS;
      const config = loadConfig();
      const store = await openEventStore(eventStoreOptions(config));
      // Each read model's pass meets the same bad events; report each once.
      const invalid = new Set<string>();
      try {
        // A count of events, not the head's position: positions are log offsets on EventStoreDB.
        const reporter = progressReporter(await store.countEvents({ streamPrefix: ARTICLE_STREAM_PREFIX }));
        const reports = await replayReference(store, projections, {
          onProgress: reporter.progress,
          onInvalid: (error) => {
            if (invalid.has(error.message)) return;
            invalid.add(error.message);
            process.stderr.write(`replay: skipped an invalid event: ${error.message}\n`);
          },
        });
        reporter.done();
        if (options.json) {
          console.log(JSON.stringify({ views: reports.map((r) => ({ ...r, checkpoint: r.checkpoint.toString() })), invalidEvents: invalid.size }, null, 2));
        } else {
          console.log(formatSummary(reports));
        }
        process.exitCode = invalid.size ? 1 : 0;
      } finally {
        await store.close();
      }
    });
};
