// Independent reports: a syndicated copy (CopyRecognised) is its story's original told again, so
// whatever tells sources apart by outlet takes the original's outlet, never the copy's. Every read
// model that keeps articles with their copy link reads and sets it here.

/** A syndicated copy's link: its story's original and the outlet the copy reports as. */
export interface CopyLink {
  articleId: string;
  outlet: string | null;
}

/** What the reporting outlet is read from: the article's own outlet and, for a copy, its link. */
export interface ReportingArticle {
  outlet: string | null;
  copyOf?: CopyLink;
}

/** The outlet an article's reporting counts as: for a copy, its story's original's; null when unknown. */
export const reportingOutlet = (article: ReportingArticle | undefined): string | null => (article?.copyOf ? article.copyOf.outlet : (article?.outlet ?? null));

/** The link a copy takes when recognised: the original's outlet, or the copy's own while the original is not known. */
export const copyLinkOf = (copy: ReportingArticle, originalArticleId: string, original: ReportingArticle | undefined): CopyLink => ({
  articleId: originalArticleId,
  outlet: original ? original.outlet : copy.outlet,
});
