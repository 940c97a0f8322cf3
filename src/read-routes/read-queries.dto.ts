// Query strings of the read models: every filter is checked, unknown ones are refused with 400 naming them.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import type { ClaimType, Topic } from '../domain/claim.js';
import type { PartyRole } from '../read-models/parties/parties.queries.js';
import { AsOfQueryDto, ListQueryDto, PageLimit, RangedListQueryDto } from './list-query.dto.js';
import { PARTY_ID } from './claims-query.dto.js';
import { HEAVY_PAGE_LIMIT } from './filters.js';
import { ArticleIdField, ClaimTypeField, IncludeRetractedField, KeyField, PublicationTimeField, RoleField, TopicField } from './query-fields.js';

class TimedListQueryDto extends RangedListQueryDto {
  @IncludeRetractedField()
  includeRetracted?: 'true' | 'false';
}

/** publishedFrom/publishedTo count only the claims of articles published then (publication time; asOf is knowledge time). */
export class PartiesQueryDto extends RangedListQueryDto {
  @ApiPropertyOptional({ description: 'Part of the party id or name' })
  @IsOptional()
  @MaxLength(100)
  q?: string;

  @RoleField()
  role?: PartyRole;

  @ClaimTypeField()
  type?: ClaimType;

  @IncludeRetractedField()
  includeRetracted?: 'true' | 'false';
}

export class PartyQueryDto extends TimedListQueryDto {
  @PageLimit({ default: HEAVY_PAGE_LIMIT, description: 'Claims shown on the page (the summaries cover them all)' })
  override limit?: number;

  @RoleField()
  role?: PartyRole;

  @ClaimTypeField()
  type?: ClaimType;

  @TopicField()
  topic?: Topic;

  @KeyField()
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

  @IncludeRetractedField()
  includeRetracted?: 'true' | 'false';
}

export class SourceQueryDto extends TimedListQueryDto {
  @ClaimTypeField()
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
  @KeyField('Slug of the outlet name')
  outlet?: string;

  @ApiPropertyOptional({ description: 'Part of the headline' })
  @IsOptional()
  @MaxLength(200)
  q?: string;

  @ClaimTypeField()
  type?: ClaimType;
}

/** One article: not paged. */
export class ArticleQueryDto extends AsOfQueryDto {
  @IncludeRetractedField()
  includeRetracted?: 'true' | 'false';
}

/** One claim key: its claims are paged. */
export class AttributionQueryDto extends ListQueryDto {
  @IncludeRetractedField()
  includeRetracted?: 'true' | 'false';
}

export class AttributionsQueryDto extends TimedListQueryDto {
  @PublicationTimeField(
    'Publication time: keys with a claim whose article was published on or after this (ISO 8601; an article with no date counts from when ' +
      'it was recorded). Not knowledge time: that is asOf',
  )
  override publishedFrom?: string;

  @PublicationTimeField('Publication time: keys with a claim whose article was published on or before this (ISO 8601)')
  override publishedTo?: string;

  @ClaimTypeField()
  type?: ClaimType;

  @KeyField()
  actor?: string;

  @KeyField()
  target?: string;

  @KeyField('Actor or target')
  party?: string;

  @TopicField('Keys with at least one claim on this topic: topics are facets of a key, not part of it')
  topic?: Topic;

  @KeyField()
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
  @PublicationTimeField(
    "Publication time: conflicts whose `at` (their latest claim's article publication time; an article with no date counts from when " +
      'it was recorded) is on or after this (ISO 8601). Not knowledge time: that is asOf',
  )
  override publishedFrom?: string;

  @PublicationTimeField('Publication time: conflicts whose `at` is on or before this (ISO 8601)')
  override publishedTo?: string;

  @PageLimit({ default: HEAVY_PAGE_LIMIT })
  override limit?: number;

  @ApiPropertyOptional({ enum: ['competing-account', 'denial', 'actor-disagreement'] })
  @IsOptional()
  @IsIn(['competing-account', 'denial', 'actor-disagreement'])
  kind?: 'competing-account' | 'denial' | 'actor-disagreement';

  @KeyField()
  party?: string;

  @KeyField()
  source?: string;

  @ArticleIdField()
  article?: string;

  @ClaimTypeField()
  type?: ClaimType;

  @TopicField()
  topic?: Topic;
}
