import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Bench } from 'tinybench';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export interface Ratio {
  name: string;
  ratio: number;
  goal?: number;
  /** Whether the goal is a floor (higher is better) or a ceiling. */
  direction?: 'at least' | 'at most';
  met?: boolean;
}

export interface BenchResult {
  bench: string;
  params: Record<string, unknown>;
  figures: Figure[];
  ratios: Ratio[];
  notes?: string[];
}

/** Prints a result and keeps it as JSON under bench/results/ so runs can be compared. */
export const report = (result: BenchResult): void => {
  console.log(`\n== ${result.bench} ${JSON.stringify(result.params)}`);
  for (const f of result.figures) console.log(`  ${f.name.padEnd(44)} ${f.value.toFixed(f.value < 10 ? 3 : 0).padStart(12)} ${f.unit}`);
  for (const r of result.ratios) {
    const goal = r.goal === undefined ? '' : `  goal ${r.direction === 'at most' ? '≤' : '≥'} ${r.goal}  ${r.met ? 'MET' : 'NOT MET'}`;
    console.log(`  ratio ${r.name.padEnd(38)} ${r.ratio.toFixed(3).padStart(12)}${goal}`);
  }
  for (const n of result.notes ?? []) console.log(`  note: ${n}`);
  const dir = join('bench', 'results');
  mkdirSync(dir, { recursive: true });
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) };
  const file = join(dir, `${result.bench}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ ...result, machine, at: new Date().toISOString() }, null, 2));
  console.log(`  saved ${file}`);
};

export const ratio = (name: string, value: number, goal?: number, direction: 'at least' | 'at most' = 'at least'): Ratio => ({
  name,
  ratio: value,
  goal,
  direction: goal === undefined ? undefined : direction,
  met: goal === undefined ? undefined : direction === 'at least' ? value >= goal : value <= goal,
});

/** The middle value (the upper one of an even count). */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[sorted.length >> 1];
};

/** The mean time of one run of a tinybench task, ms. */
export const meanMs = (bench: Bench, name: string): number => {
  const task = bench.tasks.find((t) => t.name === name);
  const result = task?.result as { latency?: { mean: number }; error?: unknown } | undefined;
  if (!result?.latency) throw new Error(`benchmark task ${name} has no result${result?.error ? `: ${JSON.stringify(result.error)}` : ''}`);
  return result.latency.mean;
};
