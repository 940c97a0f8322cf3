// What the conflict rules need of a claim (ConflictFacts), from its event and its article as the
// conflicts read model knows it: one derivation for the in-memory reference and the stored model.
import type { ClaimType } from '../../domain/claim.js';
import type { ClaimCorrection, ClaimEventData } from '../../domain/events/index.js';
import { independentSource, partyKeys } from '../claim-key.js';
import { compareFacts, type ConflictFacts, type PairFinding } from './conflict-rules.js';
import { conflictId, type Conflict } from './conflicts.state.js';
import { contentWords } from './content-words.js';
import { placeClaim, type SentenceIndex } from './sentences.js';

/** What the facts of a claim take from its article. */
export interface FactsArticle extends SentenceIndex {
  /** Published, else recorded, epoch ms. */
  t: number;
  outlet: string | null;
  /** Its story's original, when the article is a syndicated copy. */
  copyOf?: string;
}

/** A recorded claim's facts; an article not (yet) known gives the claim's recording time and no outlet. */
export const factsOf = (article: FactsArticle | undefined, type: ClaimType, claim: ClaimEventData, recordedAt: number): ConflictFacts => {
  const { s0, s1, cue } = placeClaim(claim, article);
  return {
    claimId: claim.claimId,
    articleId: claim.articleId,
    story: article?.copyOf ?? claim.articleId,
    t: article ? article.t : recordedAt,
    type,
    actors: partyKeys(claim.actors),
    targets: partyKeys(claim.targets),
    // Read only, as the event's lists are: shared with the event.
    topics: claim.topics,
    polarity: claim.polarity,
    source: independentSource(claim.source, article?.outlet ?? null),
    mention: claim.source.mention,
    s0,
    s1,
    cue,
    words: contentWords(claim.content),
  };
};

/** Facts after a correction: recomputed from the changed fields, the rest kept. */
export const correctedFacts = (article: FactsArticle | undefined, f: ConflictFacts, c: ClaimCorrection): ConflictFacts => {
  const next: ConflictFacts = { ...f };
  if (c.type) next.type = c.type;
  if (c.actors) next.actors = partyKeys(c.actors);
  if (c.targets) next.targets = partyKeys(c.targets);
  if (c.topics) next.topics = [...c.topics];
  if (c.polarity) next.polarity = c.polarity;
  if (c.source) {
    next.source = independentSource(c.source, article?.outlet ?? null);
    next.mention = c.source.mention;
  }
  if (c.content !== undefined) next.words = contentWords(c.content);
  // New evidence may be another sentence: the extractor's placement no longer holds.
  if (c.evidence) Object.assign(next, placeClaim({ evidence: c.evidence }, article));
  return next;
};

/** The conflict a pair rule found between two claims: sides in reading order. */
export const pairConflict = (f: ConflictFacts, g: ConflictFacts, finding: PairFinding): Conflict => {
  const [p, q] = compareFacts(f, g) <= 0 ? [f, g] : [g, f];
  return { id: conflictId(finding.kind, [p.claimId, q.claimId]), kind: finding.kind, basis: finding.basis, a: [p.claimId], b: [q.claimId], why: finding.why };
};
