import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../domain/events/index.js';
import type { ArticleInput } from './ingest-article.js';

export interface IngestResult {
  articleId: string;
  stream: string;
  revision: bigint;
  /** Global position of the last event written; null when nothing was written. */
  position: bigint | null;
  /** False when the same text was already there: nothing was written. */
  created: boolean;
  /** True when a withdrawn article was ingested again with force (`created` is true too). */
  reinstated?: boolean;
  claims: number;
  /** Set when the extractor found more than MAX_CLAIMS_PER_ARTICLE: the first `kept` in text order were written. */
  truncated?: { found: number; kept: number };
}

export class IngestArticleCommand extends Command<IngestResult> {
  /** `force`: ingest the text even if its article was withdrawn (a re-instatement); otherwise that is a 409. */
  constructor(readonly input: ArticleInput, readonly context: CommandContext, readonly force = false) {
    super();
  }
}
