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
  body: string;
  contentHash: string;
}

export interface ArticleIngested {
  type: 'ArticleIngested';
  data: ArticleIngestedData;
}
