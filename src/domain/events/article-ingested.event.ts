export interface ArticleIngestedData {
  articleId: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  /** ISO 8601 date or date-time, as given or inferred. */
  publishedAt: string | null;
  /** The place line that opens wire copy ("ISLAMABAD"). */
  dateline: string | null;
  section: string | null;
  /** Who wrote it and the language it is in, as a web page says (absent for plain text). */
  byline?: string | null;
  language?: string | null;
  body: string;
  contentHash: string;
}

export interface ArticleIngested {
  type: 'ArticleIngested';
  data: ArticleIngestedData;
}
