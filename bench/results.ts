import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export interface BenchResult {
  bench: string;
  params: Record<string, unknown>;
  figures: Figure[];
  ratios: Array<{ name: string; ratio: number; goal?: number; met?: boolean }>;
  notes?: string[];
}

/** Prints a result and keeps it as JSON under bench/results/ so runs can be compared. */
export const report = (result: BenchResult): void => {
  console.log(`\n== ${result.bench} ${JSON.stringify(result.params)}`);
  for (const f of result.figures) console.log(`  ${f.name.padEnd(44)} ${f.value.toFixed(f.value < 10 ? 3 : 0).padStart(12)} ${f.unit}`);
  for (const r of result.ratios) {
    const goal = r.goal === undefined ? '' : `  goal ${r.goal}  ${r.met ? 'MET' : 'NOT MET'}`;
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

export const ratio = (name: string, value: number, goal?: number) => ({ name, ratio: value, goal, met: goal === undefined ? undefined : value >= goal });
