// npm run bench [-- name ...]: runs the named benchmarks (all when none is named).
import { appendBench } from './append.bench.js';

const BENCHES: Record<string, () => Promise<void>> = {
  append: () => appendBench(Number(process.env.BENCH_EVENTS ?? 100_000)),
};

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of names.length ? names : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`no benchmark named ${name}; there are: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  await bench();
}
