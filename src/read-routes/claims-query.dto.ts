import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { ClaimType, Topic } from '../domain/claim.js';
import { RangedListQueryDto } from './list-query.dto.js';
import { ArticleIdField, ClaimTypeField, IncludeRetractedField, TopicField } from './query-fields.js';

export const PARTY_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const partyMessage = (name: string) => ({ message: `${name} must be a party id: lowercase letters, digits and dashes (e.g. pakistan, united-states)` });

export class ClaimsQueryDto extends RangedListQueryDto {
  @ClaimTypeField()
  type?: ClaimType;

  @ApiPropertyOptional({ description: 'Party id of an actor' })
  @IsOptional()
  @Matches(PARTY_ID, partyMessage('actor'))
  actor?: string;

  @ApiPropertyOptional({ description: 'Party id of a target' })
  @IsOptional()
  @Matches(PARTY_ID, partyMessage('target'))
  target?: string;

  @ApiPropertyOptional({ description: 'Party id of the source, or "none" for the outlet’s own reporting' })
  @IsOptional()
  @Matches(PARTY_ID, partyMessage('source'))
  source?: string;

  @TopicField()
  topic?: Topic;

  @ArticleIdField('Article id')
  article?: string;

  @IncludeRetractedField('false')
  includeRetracted?: 'true' | 'false';
}
