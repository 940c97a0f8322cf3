import { obj, str, type Infer } from './schema.js';

/**
 * An article taken out of every view (a hoax, a copyright claim, ingested by mistake). Its stream
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
});

export type ArticleWithdrawnData = Infer<typeof articleWithdrawnSchema>;

export interface ArticleWithdrawn {
  type: 'ArticleWithdrawn';
  data: ArticleWithdrawnData;
}
