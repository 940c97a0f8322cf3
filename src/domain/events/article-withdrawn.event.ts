import { list, obj, str, type Infer } from './schema.js';

/**
 * An article taken out of every read model (a hoax, a copyright claim, ingested by mistake). Its stream
 * stays, for the audit trail; ingesting the same text again is refused unless forced, which appends
 * a new ArticleIngested after this one.
 */
export const articleWithdrawnSchema = obj({
  articleId: str,
  reason: str,
  /** `analyst:<name>`, or `cli` for the command line. */
  recordedBy: str,
  /** ISO 8601 date-time of the decision: the refusal of a later ingest names it. */
  withdrawnAt: str,
  /**
   * Every claim of the article as its stream stood (retracted ones too): what leaves the read models with
   * it. Each read model drops these ids as it drops a retracted claim, instead of searching all its
   * claims for the article's (a scan of a million ids per read model stalled every read for seconds).
   */
  claimIds: list(str),
});

export type ArticleWithdrawnData = Infer<typeof articleWithdrawnSchema>;

export interface ArticleWithdrawn {
  type: 'ArticleWithdrawn';
  data: ArticleWithdrawnData;
}
