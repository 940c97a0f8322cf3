// Cuts an article body into paragraphs of segments, each covered by the same set of claims, so
// overlapping evidence (two claims from one sentence, or nested ranges) is shown without nesting marks.
export interface Range { claimId: string; start: number; end: number }
export interface Segment { start: number; end: number; text: string; claimIds: string[] }

export const segments = (body: string, ranges: readonly Range[]): Segment[] => {
  const valid = ranges.filter((r) => r.start >= 0 && r.end <= body.length && r.start < r.end);
  const cuts = new Set<number>([0, body.length]);
  for (const r of valid) cuts.add(r.start).add(r.end);
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) cuts.add(i).add(i + 1);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const claimIds = valid.filter((r) => r.start <= start && r.end >= end).map((r) => r.claimId);
    out.push({ start, end, text: body.slice(start, end), claimIds });
  }
  return out;
};

/** Segments grouped by paragraph (a newline ends one); the newlines themselves are dropped. */
export const paragraphs = (body: string, ranges: readonly Range[]): Segment[][] => {
  const result: Segment[][] = [[]];
  for (const s of segments(body, ranges)) {
    if (s.text === '\n') result.push([]);
    else result[result.length - 1].push(s);
  }
  return result.filter((p) => p.some((s) => s.text.trim() !== ''));
};

/** Trims white space off both ends of a body range, so the evidence starts and ends on a word. */
export const trimRange = (body: string, r: { start: number; end: number }): { start: number; end: number } | null => {
  let { start, end } = r;
  while (start < end && /\s/.test(body[start])) start++;
  while (end > start && /\s/.test(body[end - 1])) end--;
  return end > start ? { start, end } : null;
};
