// Query strings of the read models: every filter is checked, unknown ones are refused with 400 naming them.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';
import { CLAIM_TYPES, TOPICS, type ClaimType, type Topic } from '../domain/claim.js';
import { AsOfQueryDto, ListQueryDto, PageLimit, RangedListQueryDto } from './list-query.dto.js';
import { PARTY_ID } from './claims-query.dto.js';
import { HEAVY_PAGE_LIMIT } from './filters.js';

const SLUG = /^[a-z0-9~][a-z0-9-]{0,99}$/;
const KEY_MESSAGE = { message: 'must be a party or source key: lowercase letters, digits and dashes, or ~ and a slug' };

class TimedListQueryDto extends RangedListQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeRetracted?: 'true' | 'false';
}

/** publishedFrom/publishedTo count only the claims of articles published then (publication time; asOf is knowledge time). */
export class PartiesQueryDto extends RangedListQueryDto {
  @ApiPropertyOptional({ description: 'Part of the party id or name' })
  @IsOptional()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['actor', 'target', 'source'] })
  @IsOptional()
  @IsIn(['actor', 'target', 'source'])
  role?: 'actor' | 'target' | 'source';

  @ApiPropertyOptional({ enum: CLAIM_TYPES })
  @IsOptional()
  @IsIn(CLAIM_TYPES)
  type?: ClaimType;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeRetracted?: 'true' | 'false';
}

export class PartyQueryDto extends TimedListQueryDto {
  @PageLimit({ default: HEAVY_PAGE_LIMIT, description: 'Claims shown on the page (the summaries cover them all)' })
  override limit?: number;

  @ApiPropertyOptional({ enum: ['actor', 'target', 'source'] })
  @IsOptional()
  @IsIn(['actor', 'target', 'source'])
  role?: 'actor' | 'target' | 'source';

  @ApiPropertyOptional({ enum: CLAIM_TYPES })
  @IsOptional()
  @IsIn(CLAIM_TYPES)
  type?: ClaimType;

  @ApiPropertyOptional({ enum: TOPICS })
  @IsOptional()
  @IsIn(TOPICS)
  topic?: Topic;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SLUG, KEY_MESSAGE)
  source?: string;
}

/** publishedFrom/publishedTo count only the claims of articles published then (publication time; asOf is knowledge time). */
export class SourcesQueryDto extends RangedListQueryDto {
  @ApiPropertyOptional({ enum: ['source', 'outlet'], description: 'source: who the articles cite; outlet: who published them' })
  @IsOptional()
  @IsIn(['source', 'outlet'])
  kind?: 'source' | 'outlet';

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeRetracted?: 'true' | 'false';
}

export class SourceQueryDto extends TimedListQueryDto {
  @ApiPropertyOptional({ enum: CLAIM_TYPES })
  @IsOptional()
  @IsIn(CLAIM_TYPES)
  type?: ClaimType;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PARTY_ID, { message: 'actor must be a party id' })
  actor?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PARTY_ID, { message: 'target must be a party id' })
  target?: string;
}

export class ArticlesQueryDto extends TimedListQueryDto {
  @ApiPropertyOptional({ description: 'Slug of the outlet name' })
  @IsOptional()
  @Matches(SLUG, KEY_MESSAGE)
  outlet?: string;

  @ApiPropertyOptional({ description: 'Part of the headline' })
  @IsOptional()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: CLAIM_TYPES })
  @IsOptional()
  @IsIn(CLAIM_TYPES)
  type?: ClaimType;
}

/** One article: not paged. */
export class ArticleQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeRetracted?: 'true' | 'false';
}

/** One claim key: its claims are paged. */
export class AttributionQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeRetracted?: 'true' | 'false';
}

export class AttributionsQueryDto extends TimedListQueryDto {
  @ApiPropertyOptional({
    description:
      'Publication time: keys with a claim whose article was published on or after this (ISO 8601; an article with no date counts from when ' +
      'it was recorded). Not knowledge time: that is asOf',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  override publishedFrom?: string;

  @ApiPropertyOptional({ description: 'Publication time: keys with a claim whose article was published on or before this (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  override publishedTo?: string;

  @ApiPropertyOptional({ enum: CLAIM_TYPES })
  @IsOptional()
  @IsIn(CLAIM_TYPES)
  type?: ClaimType;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SLUG, KEY_MESSAGE)
  actor?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SLUG, KEY_MESSAGE)
  target?: string;

  @ApiPropertyOptional({ description: 'Actor or target' })
  @IsOptional()
  @Matches(SLUG, KEY_MESSAGE)
  party?: string;

  @ApiPropertyOptional({ enum: TOPICS, description: 'Keys with at least one claim on this topic: topics are facets of a key, not part of it' })
  @IsOptional()
  @IsIn(TOPICS)
  topic?: Topic;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SLUG, KEY_MESSAGE)
  source?: string;

  @ApiPropertyOptional({
    enum: ['none', 'single-source', 'corroborated'],
    description: 'corroborated: two or more independent sources assert it; single-source: one; none: no live asserted claim (only denials, or retracted ones)',
  })
  @IsOptional()
  @IsIn(['none', 'single-source', 'corroborated'])
  status?: 'none' | 'single-source' | 'corroborated';
}

/** No includeRetracted: a retracted claim drops out of every conflict. */
export class ConflictsQueryDto extends RangedListQueryDto {
  @ApiPropertyOptional({
    description:
      "Publication time: conflicts whose `at` (their latest claim's article publication time; an article with no date counts from when " +
      'it was recorded) is on or after this (ISO 8601). Not knowledge time: that is asOf',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  override publishedFrom?: string;

  @ApiPropertyOptional({ description: 'Publication time: conflicts whose `at` is on or before this (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  override publishedTo?: string;

  @PageLimit({ default: HEAVY_PAGE_LIMIT })
  override limit?: number;

  @ApiPropertyOptional({ enum: ['competing-account', 'denial', 'actor-disagreement'] })
  @IsOptional()
  @IsIn(['competing-account', 'denial', 'actor-disagreement'])
  kind?: 'competing-account' | 'denial' | 'actor-disagreement';

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SLUG, KEY_MESSAGE)
  party?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SLUG, KEY_MESSAGE)
  source?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[0-9a-f]{20}$/, { message: 'article must be an article id (20 hex digits)' })
  article?: string;

  @ApiPropertyOptional({ enum: CLAIM_TYPES })
  @IsOptional()
  @IsIn(CLAIM_TYPES)
  type?: ClaimType;

  @ApiPropertyOptional({ enum: TOPICS })
  @IsOptional()
  @IsIn(TOPICS)
  topic?: Topic;
}
