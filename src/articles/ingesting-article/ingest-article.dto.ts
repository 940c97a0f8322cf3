import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { ArticleBodyField, ExactlyOneOf } from './one-of.js';

export const MAX_ARTICLE_CHARS = 1_000_000;
/** A page is mostly markup around its text: it may be larger than the text it carries (BODY_LIMIT still applies). */
export const MAX_HTML_CHARS = 8 * 1024 * 1024;

const TEXT_OR_HTML = 'give the article as text (plain text), as html (a web page), or only its url (the page is fetched); not text and html both';

export class IngestArticleDto {
  @ApiPropertyOptional({
    description:
      'The article as plain text, laid out like wire copy: optional `key: value` header lines and a blank line, ' +
      'section, headline, "CITY — " dateline, body. Give this or `html`.',
    maxLength: MAX_ARTICLE_CHARS,
  })
  // Checked when given, and when nothing else is: a bare `url` is fetched instead.
  @ValidateIf((o: IngestArticleDto) => o.html === undefined && (o.text !== undefined || o.url === undefined))
  @ArticleBodyField(MAX_ARTICLE_CHARS, TEXT_OR_HTML)
  text?: string;

  @ApiPropertyOptional({
    description:
      'The article as a web page: its story, title, byline, outlet, publication time, canonical URL and language are read from it. Give this or `text`.',
    maxLength: MAX_HTML_CHARS,
  })
  @ValidateIf((o: IngestArticleDto) => o.html !== undefined)
  @ExactlyOneOf(['text', 'html'], TEXT_OR_HTML)
  @ArticleBodyField(MAX_HTML_CHARS, TEXT_OR_HTML)
  html?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ example: 'Reuters' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  outlet?: string;

  @ApiPropertyOptional({
    description:
      'Where the article was published; alone, the page is fetched (private addresses refused: FETCH_ALLOW_HOSTS); ' +
      'with `html`, the base its canonical link is resolved against',
  })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ example: '2025-05-21' })
  @IsOptional()
  @IsISO8601({ strict: true })
  publishedAt?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'Ingest the text even though its article was withdrawn (DELETE /articles/:id): it is re-instated; without it that is a 409 naming the withdrawal',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}
