// Request shapes shared by recording and correcting a claim. Every field is checked, unknown
// fields are refused (the global ValidationPipe forbids them), and sizes are bounded.
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, ValidateNested, ValidateIf } from 'class-validator';
import { PARTY_ID, PARTY_ID_MAX_LENGTH, PARTY_ID_RULE } from '../domain/party-id.js';
import { CLAIM_TYPES, POLARITIES, TOPICS, type ClaimFields, type ClaimType, type Polarity, type Topic } from '../domain/claim.js';
import type { Same } from '../domain/events/schema.js';

const MAX_OFFSET = 2_000_000;

/** Like @IsOptional, but only for absence: null is checked (and refused) instead of skipped, so it never reaches a stream. */
export const IsAbsentOr = () => ValidateIf((_, v) => v !== undefined);

/**
 * A canonical party id or null. Lookalikes are refused, not folded: "PAKISTAN\u200b" or a Cyrillic
 * "pаkistan" would otherwise be stored raw and shown (or counted) as a party of their own.
 */
const IsPartyIdOrNull = () =>
  applyDecorators(
    ValidateIf((_, v) => v !== null),
    IsString(),
    MaxLength(PARTY_ID_MAX_LENGTH, { message: PARTY_ID_RULE }),
    Matches(PARTY_ID, { message: PARTY_ID_RULE }),
  );

export class PartyRefDto {
  @ApiProperty({ nullable: true, example: 'pakistan', pattern: PARTY_ID.source, description: 'Canonical party id (lowercase slug); null when unknown' })
  @IsPartyIdOrNull()
  party!: string | null;

  @ApiProperty({ example: 'Pakistan’s Foreign Ministry', description: 'The words used in the text' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  mention!: string;
}

export class SourceRefDto {
  @ApiProperty({ nullable: true, example: 'taliban', pattern: PARTY_ID.source })
  @IsPartyIdOrNull()
  party!: string | null;

  @ApiProperty({ example: 'a senior Taliban official' })
  @IsString()
  @MaxLength(500)
  mention!: string;

  @ApiProperty({ example: 'according to' })
  @IsString()
  @MaxLength(100)
  cue!: string;

  @ApiProperty({ nullable: true, example: 'Reuters', description: 'The outlet the source spoke to' })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  via!: string | null;
}

export class EvidenceDto {
  @ApiProperty({ description: 'The sentence, exactly as in the article body' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  text!: string;

  @ApiProperty({ description: 'Offset of the first character in the body' })
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  start!: number;

  @ApiProperty({ description: 'Offset just past the last character' })
  @IsInt()
  @Min(1)
  @Max(MAX_OFFSET)
  end!: number;
}

/** The editable fields of a claim; required when recording, optional when correcting. */
export class ClaimFieldsDto {
  @ApiProperty({ enum: CLAIM_TYPES })
  @IsIn(CLAIM_TYPES)
  type!: ClaimType;

  @ApiProperty({ type: [PartyRefDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PartyRefDto)
  actors!: PartyRefDto[];

  @ApiProperty({ type: [PartyRefDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PartyRefDto)
  targets!: PartyRefDto[];

  @ApiProperty({ example: 'visit Islamabad' })
  @IsString()
  @MaxLength(2000)
  content!: string;

  @ApiProperty({ type: SourceRefDto })
  @ValidateNested()
  @Type(() => SourceRefDto)
  source!: SourceRefDto;

  @ApiProperty({ type: EvidenceDto })
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence!: EvidenceDto;

  @ApiPropertyOptional({ default: false })
  @IsAbsentOr()
  @IsBoolean()
  hedged?: boolean;

  @ApiPropertyOptional({ enum: POLARITIES, default: 'asserted' })
  @IsAbsentOr()
  @IsIn(POLARITIES)
  polarity?: Polarity;

  @ApiPropertyOptional({ enum: TOPICS, isArray: true })
  @IsAbsentOr()
  @IsArray()
  @ArrayMaxSize(TOPICS.length)
  @IsIn(TOPICS, { each: true })
  topics?: Topic[];
}

// The request shapes name exactly the fields of the schema (events/claim-fields.schema.ts): a field
// added there fails to compile here until the request can carry it.
true satisfies Same<keyof ClaimFieldsDto, keyof ClaimFields | 'type'>;
true satisfies Same<keyof PartyRefDto, keyof ClaimFields['actors'][number]>;
true satisfies Same<keyof SourceRefDto, keyof ClaimFields['source']>;
true satisfies Same<keyof EvidenceDto, keyof ClaimFields['evidence']>;
