import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { BadRequestException } from '@nestjs/common';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PublicationTimeField, stacked } from './query-fields.js';
import type { AsOf } from '../read-models/timeline/timeline.stored-queries.js';

export type { AsOf } from '../read-models/timeline/timeline.stored-queries.js';

/**
 * `asOf`: an ISO 8601 time ("2025-05-21", "2025-05-21T12:00:00Z"), a global position taken from an
 * event ("1234": a cursor, on EventStoreDB a log offset), or a number of events ("events:12": the
 * first 12 events of the article log, what the timeline's slider counts).
 */
export const AS_OF = /^(\d{1,19}|events:\d{1,15}|\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?)$/;

/** Time travel, taken by every read model endpoint. */
export class AsOfQueryDto {
  @ApiPropertyOptional({
    description:
      'Knowledge time: answer from the events recorded up to this point — an ISO 8601 time (compared with when events were recorded, ' +
      "not published), an event's global position, or events:N (the first N article events). Publication time is publishedFrom/publishedTo",
    example: '2025-05-21',
  })
  @IsOptional()
  @Matches(AS_OF, {
    message: "asOf must be an ISO 8601 date or time (2025-05-21, 2025-05-21T12:00:00Z), an event's global position (an integer) or events:N (a count)",
  })
  asOf?: string;
}

/** The items a page holds when `limit` is not given, and the most it may hold. */
export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 500;

/**
 * A page's `limit`, 1 to MAX_PAGE_LIMIT, documented with the default the endpoint pages by: a heavy
 * answer's DTO (filters.ts HEAVY_PAGE_LIMIT) declares it again with its own.
 */
export const PageLimit = ({ default: fallback, description }: { default: number; description?: string }): PropertyDecorator =>
  stacked(
    ApiPropertyOptional({ default: fallback, minimum: 1, maximum: MAX_PAGE_LIMIT, ...(description === undefined ? {} : { description }) }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(MAX_PAGE_LIMIT),
  );

/** Paging and time travel, shared by every list endpoint. */
export class ListQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;

  @PageLimit({ default: DEFAULT_PAGE_LIMIT })
  limit?: number;
}

/** A date alone means "by the end of that day": what was known on 21 May includes the 21st. */
export const parseAsOf = (asOf: string | undefined): AsOf | null => {
  if (asOf === undefined) return null;
  if (/^\d+$/.test(asOf)) return { position: BigInt(asOf) };
  if (asOf.startsWith('events:')) return { events: Number(asOf.slice('events:'.length)) };
  const time = new Date(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T23:59:59.999Z` : asOf);
  const [y, m, d] = asOf.slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  // Date() rolls 2025-02-30 over into March; a real calendar day round-trips.
  if (Number.isNaN(time.getTime()) || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
    throw new BadRequestException(`asOf: ${asOf} is not a real date`);
  }
  return { time };
};

/** A list filtered by publication time, the articles' own dates (knowledge time is asOf). */
export class RangedListQueryDto extends ListQueryDto {
  @PublicationTimeField(
    'Publication time: articles published on or after this (ISO 8601; an article with no date counts from when it was recorded). ' +
      'Not knowledge time: that is asOf',
  )
  publishedFrom?: string;

  @PublicationTimeField('Publication time: articles published on or before this (ISO 8601)')
  publishedTo?: string;

  @PublicationTimeField('Short for publishedFrom')
  from?: string;

  @PublicationTimeField('Short for publishedTo')
  to?: string;
}
