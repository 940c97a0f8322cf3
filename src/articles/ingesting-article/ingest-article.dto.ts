import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

export const MAX_ARTICLE_CHARS = 1_000_000;

export class IngestArticleDto {
  @ApiProperty({
    description: 'The article as plain text, laid out like wire copy: optional `key: value` header lines and a blank line, section, headline, "CITY — " dateline, body',
    maxLength: MAX_ARTICLE_CHARS,
  })
  @IsString() @IsNotEmpty() @MaxLength(MAX_ARTICLE_CHARS)
  text!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ example: 'Reuters' }) @IsOptional() @IsString() @MaxLength(200)
  outlet?: string;

  @ApiPropertyOptional() @IsOptional() @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }) @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ example: '2025-05-21' }) @IsOptional() @IsISO8601({ strict: true })
  publishedAt?: string;
}
