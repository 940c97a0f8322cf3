import { BadRequestException } from '@nestjs/common';
import { parseBound, type TimeRange } from '../read-models/shared/dates.js';
import type { PageRequest } from '../read-models/shared/page.js';
import { DEFAULT_PAGE_LIMIT, type ListQueryDto } from './list-query.dto.js';

export const pageOf = (q: ListQueryDto, defaultLimit = DEFAULT_PAGE_LIMIT): PageRequest => ({ offset: q.offset ?? 0, limit: q.limit ?? defaultLimit });

/**
 * The default page of the two heaviest answers: a conflict holds two or more whole claims (50 were
 * 117 KB), and a party page is its summaries plus its claims. 50 made each answer 100-140 KB of which
 * a reader sees the top; `limit` still goes up to 500.
 */
export const HEAVY_PAGE_LIMIT = 20;

/** Publication time, from `publishedFrom`/`publishedTo` or their short forms `from`/`to` (one of each pair). */
export const timeRange = (q: { from?: string; to?: string; publishedFrom?: string; publishedTo?: string }): TimeRange => {
  const range: TimeRange = {};
  if (q.publishedFrom !== undefined && q.from !== undefined) throw new BadRequestException('publishedFrom: give it or from, not both');
  if (q.publishedTo !== undefined && q.to !== undefined) throw new BadRequestException('publishedTo: give it or to, not both');
  const given = { from: q.publishedFrom ?? q.from, to: q.publishedTo ?? q.to };
  for (const side of ['from', 'to'] as const) {
    const value = given[side];
    if (value === undefined) continue;
    const bound = parseBound(value, side);
    if (bound === null) throw new BadRequestException(`${side}: ${value} is not a real date`);
    range[side] = bound;
  }
  // An empty window is a mistake (swapped bounds), not a question with no answer.
  if (range.from !== undefined && range.to !== undefined && range.from > range.to)
    throw new BadRequestException(`from: ${given.from} is after to: ${given.to}`);
  return range;
};

export const flag = (value: 'true' | 'false' | undefined): boolean => value === 'true';

/** Copies only the filters that were given, so absent ones do not filter on `undefined`. */
export const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
