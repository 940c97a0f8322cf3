// Text output of the eval command. The first lines are those the command always printed, so a
// reader's eye (and any script grepping them) finds them where it did.
import { ERROR_CLASSES, ERROR_GROUPS, type ErrorGroup, type ErrorItem } from './error-classes.js';
import { COUNT_FIGURES, type Headline, type HeadlineDelta } from './headline.js';
import type { EvalReport } from './report.js';

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
const pctOrNa = (x: number | null): string => (x === null ? '  n/a' : pct(x));

const scoreLines = (r: EvalReport): string[] => {
  const lines = [
    `detection  F1 ${pct(r.detection.f1)}  P ${pct(r.detection.precision)}  R ${pct(r.detection.recall)}`,
    `full       F1 ${pct(r.full.f1)}  P ${pct(r.full.precision)}  R ${pct(r.full.recall)}`,
    `fields on matches: actors ${pct(r.fieldAccuracyOnMatches.actors)}  targets ${pct(r.fieldAccuracyOnMatches.targets)}` +
      `  source ${pct(r.fieldAccuracyOnMatches.source)}`,
    '',
    `${'type'.padEnd(20)} required  found  full  extra`,
  ];
  for (const [type, row] of Object.entries(r.byType).sort()) {
    lines.push(
      `${type.padEnd(20)} ${String(row.required).padStart(8)} ${String(row.found).padStart(6)} ${String(row.full).padStart(5)} ${String(row.fp).padStart(6)}`,
    );
  }
  return lines;
};

const contentLine = (r: EvalReport): string =>
  r.contentOverlap.mean === null
    ? 'content overlap: n/a (no matched required reference claim has a content)'
    : `content overlap: token F1 ${pct(r.contentOverlap.mean).trim()} over ${r.contentOverlap.pairs} matched pair(s)`;

/** Counts by group, then by class, in the fixed order of ERROR_CLASSES so runs line up. */
const errorLines = (r: EvalReport): string[] => {
  const lines: string[] = [];
  for (const [group, title] of Object.entries(ERROR_GROUPS) as [ErrorGroup, string][]) {
    lines.push(`${title}: ${r.errors.counts[group]}`);
    for (const [kind, { group: g, label }] of Object.entries(ERROR_CLASSES)) {
      if (g === group) lines.push(`  ${label.padEnd(40)} ${String(r.errors.counts[kind as keyof typeof ERROR_CLASSES]).padStart(4)}`);
    }
  }
  return lines;
};

export const formatReport = (r: EvalReport): string => [...scoreLines(r), '', contentLine(r), '', ...errorLines(r)].join('\n');

/** One line per error, grouped by class: the reference id (or the file of a false positive) and the sentence. */
export const formatErrorItems = (items: ErrorItem[]): string => {
  const lines: string[] = [];
  for (const [kind, { label }] of Object.entries(ERROR_CLASSES)) {
    const ofKind = items.filter((i) => i.kind === kind);
    if (ofKind.length === 0) continue;
    lines.push(`-- ${label} (${ofKind.length})`);
    for (const i of ofKind) {
      lines.push(`  ${i.id ?? i.file} ${i.type}: ${i.evidence.slice(0, 120)}${i.detail ? `  [${i.detail}]` : ''}`);
    }
  }
  return lines.join('\n');
};

/** One row per set: the figures that say whether a change helped. */
export const formatSetTable = (rows: { name: string; headline: Headline; contentPairs: number }[]): string => {
  const width = Math.max(8, ...rows.map((r) => r.name.length));
  const lines = [`${'set'.padEnd(width)}  det F1  full F1  full P  full R  content (pairs)`];
  for (const { name, headline: h, contentPairs } of rows) {
    lines.push(
      `${name.padEnd(width)}   ${pct(h.detectionF1)}    ${pct(h.fullF1)}   ${pct(h.fullP)}   ${pct(h.fullR)}    ${pctOrNa(h.content)} (${contentPairs})`,
    );
  }
  return lines.join('\n');
};

const FIGURE_LABELS: Record<keyof Headline, string> = {
  detectionF1: 'detection F1',
  detectionP: 'detection P',
  detectionR: 'detection R',
  fullF1: 'full F1',
  fullP: 'full P',
  fullR: 'full R',
  content: 'content overlap',
  missed: 'missed',
  fields: 'wrong fields',
  extra: 'false positives',
};

const signed = (x: number, digits: number): string => `${x > 0 ? '+' : x < 0 ? '' : '±'}${x.toFixed(digits)}`;

/** Percentages in points, error counts as claims; lower counts are better. */
export const formatDelta = (name: string, d: HeadlineDelta): string => {
  const lines = [`change since the earlier run, ${name}:`];
  for (const key of Object.keys(FIGURE_LABELS) as (keyof Headline)[]) {
    const { now, before, change } = d[key];
    const isCount = COUNT_FIGURES.includes(key);
    const show = (x: number | null): string => (x === null ? 'n/a' : isCount ? String(x) : pct(x).trim());
    const delta = change === null ? '' : isCount ? signed(change, 0) : signed(100 * change, 1);
    lines.push(`  ${FIGURE_LABELS[key].padEnd(16)} ${show(now).padStart(6)}  (was ${show(before)}${delta ? `, ${delta}` : ''})`);
  }
  return lines.join('\n');
};
