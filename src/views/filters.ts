import { BadRequestException } from '@nestjs/common';
import { parseBound, type TimeRange } from '../read-models/shared/dates.js';
import type { PageRequest } from '../read-models/shared/page.js';
import type { ListQueryDto } from './list-query.dto.js';

export const pageOf = (q: ListQueryDto): PageRequest => ({ offset: q.offset ?? 0, limit: q.limit ?? 50 });

export const timeRange = (q: { from?: string; to?: string }): TimeRange => {
  const range: TimeRange = {};
  for (const side of ['from', 'to'] as const) {
    const value = q[side];
    if (value === undefined) continue;
    const bound = parseBound(value, side);
    if (bound === null) throw new BadRequestException(`${side}: ${value} is not a real date`);
    range[side] = bound;
  }
  // An empty window is a mistake (swapped bounds), not a question with no answer.
  if (range.from !== undefined && range.to !== undefined && range.from > range.to) throw new BadRequestException(`from: ${q.from} is after to: ${q.to}`);
  return range;
};

export const flag = (value: 'true' | 'false' | undefined): boolean => value === 'true';

/** Copies only the filters that were given, so absent ones do not filter on `undefined`. */
export const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
