import { fraction, obj, str, type Infer } from './schema.js';

/**
 * The article's body is a near-duplicate of an earlier article (src/domain/syndication/): the same
 * wire story republished. `originalArticleId` is the story's original, the earliest article of its
 * group, whichever article of the group the body was most alike; `similarity` is the estimated
 * Jaccard similarity of their 5-word shingles to that article. Appended with ArticleIngested,
 * right after it, so read models know an article is a copy before its claims arrive.
 */
export const copyRecognisedSchema = obj({ articleId: str, originalArticleId: str, similarity: fraction });
export type CopyRecognisedData = Infer<typeof copyRecognisedSchema>;

export interface CopyRecognised {
  type: 'CopyRecognised';
  data: CopyRecognisedData;
}
