import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CLAIM_TYPES, TOPICS, type ClaimType, type Topic } from '../domain/claim.js';
import { ARTICLE_ID } from '../domain/ids.js';
import { RangedListQueryDto } from './list-query.dto.js';

export const PARTY_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const partyMessage = (name: string) => ({ message: `${name} must be a party id: lowercase letters, digits and dashes (e.g. pakistan, united-states)` });

export class ClaimsQueryDto extends RangedListQueryDto {
  @ApiPropertyOptional({ enum: CLAIM_TYPES })
  @IsOptional()
  @IsIn(CLAIM_TYPES)
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

  @ApiPropertyOptional({ enum: TOPICS })
  @IsOptional()
  @IsIn(TOPICS)
  topic?: Topic;

  @ApiPropertyOptional({ description: 'Article id' })
  @IsOptional()
  @Matches(ARTICLE_ID, { message: 'article must be an article id (20 hex digits)' })
  article?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeRetracted?: 'true' | 'false';
}
