// Reading an input (wire copy, a web page) into the article it holds: in the request's thread, or
// in the extraction pool's workers, so a megabyte page does not hold the event loop while linkedom
// and Readability read it (about 0.4 s per MB), nor a megabyte of text while it is parsed and hashed.
import type { ArticleIngestedData } from '../../domain/events/index.js';
import { articleFromInput, type ArticleInput } from './ingest-article.js';

export interface ArticleReading {
  /** The article the input holds; a DomainError (4xx) for an input that holds none. */
  read(input: ArticleInput): Promise<ArticleIngestedData>;
}

export const readsArticles = (port: object): port is ArticleReading => typeof (port as Partial<ArticleReading>).read === 'function';

/** In the caller's thread: EXTRACTION_WORKERS=0, tests, a bare extractor. */
export const inThreadReading: ArticleReading = { read: async (input) => articleFromInput(input) };
