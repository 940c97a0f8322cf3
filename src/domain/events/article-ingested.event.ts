import { obj, optional, str, strOrNull, type Infer } from './schema.js';

export const articleIngestedSchema = obj({
  articleId: str,
  title: strOrNull,
  outlet: strOrNull,
  url: strOrNull,
  /** ISO 8601 date or date-time, as given or inferred. */
  publishedAt: strOrNull,
  /** The place line that opens wire copy ("ISLAMABAD"). */
  dateline: strOrNull,
  section: strOrNull,
  /** Who wrote it and the language it is in, as a web page says (absent for plain text). */
  byline: optional(strOrNull),
  language: optional(strOrNull),
  body: str,
  contentHash: str,
});

export type ArticleIngestedData = Infer<typeof articleIngestedSchema>;

export interface ArticleIngested {
  type: 'ArticleIngested';
  data: ArticleIngestedData;
}
