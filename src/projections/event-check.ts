// A straight-line yes/no version of the schema check in src/domain/events/decode.ts, for replay's
// hot path. problemsOf walks the schema through closures and builds a path string per field,
// which was ~15% of a rebuild; this answers "is it valid?" with no allocation. It must accept
// exactly what problemsOf accepts (test/projections/event-check.unit.spec.ts compares the two on
// valid, mutated and random events): on "no", the caller runs problemsOf for the messages.
import { CLAIM_TYPES, POLARITIES, TOPICS } from '../domain/claim.js';
import { SCHEMA_VERSION } from '../domain/events/metadata.js';

type Rec = Record<string, unknown>;

const isObj = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStr = (v: unknown): boolean => typeof v === 'string';
const isStrOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
const isIn = (values: readonly string[], v: unknown): boolean => values.includes(v as string);

const isPartyList = (v: unknown): boolean => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) {
    const p = v[i];
    if (!isObj(p) || !isStrOrNull(p.party) || !isStr(p.mention)) return false;
  }
  return true;
};

const isTopicList = (v: unknown): boolean => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isIn(TOPICS, v[i])) return false;
  return true;
};

const isSource = (v: unknown): boolean =>
  isObj(v) && isStrOrNull(v.party) && isStr(v.mention) && isStr(v.cue) && isStrOrNull(v.via);

const isEvidence = (v: unknown): boolean => isObj(v) && isStr(v.text) && isCount(v.start) && isCount(v.end);

const isClaimRef = (d: Rec): boolean => isStr(d.claimId) && isStr(d.articleId) && isStr(d.recordedBy);

const isClaimData = (d: Rec): boolean =>
  isClaimRef(d) && isPartyList(d.actors) && isPartyList(d.targets) && isStr(d.content) && isSource(d.source) &&
  isEvidence(d.evidence) && typeof d.hedged === 'boolean' && isIn(POLARITIES, d.polarity) && isTopicList(d.topics);

/** Like isClaimData, but only the fields present (undefined counts as absent, as in problemsOf). */
const isChanges = (c: unknown): boolean =>
  isObj(c) &&
  (c.actors === undefined || isPartyList(c.actors)) && (c.targets === undefined || isPartyList(c.targets)) &&
  (c.content === undefined || isStr(c.content)) && (c.source === undefined || isSource(c.source)) &&
  (c.evidence === undefined || isEvidence(c.evidence)) && (c.hedged === undefined || typeof c.hedged === 'boolean') &&
  (c.polarity === undefined || isIn(POLARITIES, c.polarity)) && (c.topics === undefined || isTopicList(c.topics)) &&
  (c.type === undefined || isIn(CLAIM_TYPES, c.type));

const isArticle = (d: Rec): boolean =>
  isStr(d.articleId) && isStrOrNull(d.title) && isStrOrNull(d.outlet) && isStrOrNull(d.url) && isStrOrNull(d.publishedAt) &&
  isStrOrNull(d.dateline) && isStrOrNull(d.section) && isStr(d.body) && isStr(d.contentHash) &&
  (d.byline === undefined || isStrOrNull(d.byline)) && (d.language === undefined || isStrOrNull(d.language));

const isMetadata = (m: unknown): boolean =>
  isObj(m) && isCount(m.schemaVersion) && (m.schemaVersion as number) <= SCHEMA_VERSION && isStr(m.correlationId) && isStr(m.causationId);

/** True when problemsOf would find nothing wrong with this stored event. */
export const isValidArticleEvent = (type: string, data: unknown, metadata: unknown): boolean => {
  if (!isObj(data) || !isMetadata(metadata)) return false;
  switch (type) {
    case 'ArticleIngested':
      return isArticle(data);
    case 'InvitationExtended':
    case 'PledgeMade':
    case 'AccusationLevelled':
    case 'ConcernRaised':
      return isClaimData(data);
    case 'ClaimRetracted':
      return isClaimRef(data) && isStr(data.reason);
    case 'ClaimCorrected':
      return isClaimRef(data) && isStr(data.reason) && isChanges(data.changes);
    default:
      return false;
  }
};
