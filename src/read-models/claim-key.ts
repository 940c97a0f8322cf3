// Claim keys: what makes two claims, in any article and from any source, "the same claim".
//
// Format: `<Type>:<actors>:<targets>`, e.g. `PledgeMade:pakistan+taliban:-`.
//   - <Type> is the claim type as spelled in CLAIM_TYPES;
//   - <actors> and <targets> are the parties' keys, sorted and de-duplicated, joined with `+`,
//     or `-` when there are none (a slug is never `-`, so this is unambiguous);
//   - a party key is the canonical party slug, or for an unresolved party (party: null) `~` and a
//     slug of its mention (`~tribal-elders`), so unknowns never merge with a known party;
// The topic is not part of it: analysts mean one invitation however each report labels what it was
// about, so topics are facets of a key (filters), not a way to split it. Keys of versions before
// read-model version 2 ended in `:<topic>`; parseClaimKey still reads them, ignoring the topic.
// Every character is in [A-Za-z0-9~:+-], so the key is safe in a URL path. In a query string
// `+` must be sent as %2B; parseClaimKey also takes a space for it.
import { PARTY_ID } from '../domain/party-id.js';
import { fnv1a32 } from '../domain/syndication/hash32.js';
import { isClaimType, TOPICS, type ClaimType, type PartyRef, type SourceRef, type Topic } from '../domain/claim.js';

/** A 32-bit FNV-1a of a string, as 8 hex digits: short, stable ids without a crypto import. */
export const fnv1a = (text: string, seed = 0x811c9dc5): string => fnv1a32(text, seed).toString(16).padStart(8, '0');

/** Lowercase ASCII slug; text with no ASCII letters (another script) gets a hash so it stays distinct. */
export const slug = (text: string): string => {
  const s = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`.]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
  return s || `x${fnv1a(text.trim().toLowerCase())}`;
};

export const UNRESOLVED = '~';

/** Party slugs are already safe; anything else an analyst typed is slugged, so keys always parse. */
const safeParty = (party: string): string => (PARTY_ID.test(party) ? party : slug(party));

export const partyKey = (ref: PartyRef): string => (ref.party !== null ? safeParty(ref.party) : `${UNRESOLVED}${slug(ref.mention)}`);

export const partyKeys = (refs: readonly PartyRef[]): string[] => [...new Set(refs.map(partyKey))].sort();

/** Who a source is: only its party and mention count. */
type SourceName = Pick<SourceRef, 'party' | 'mention'>;

/** Who is cited: the source party, else its mention; `~outlet` for the outlet's own reporting. */
export const sourceKey = (source: SourceName): string =>
  source.party !== null ? safeParty(source.party) : `${UNRESOLVED}${source.mention.trim() ? slug(source.mention) : 'outlet'}`;

/**
 * Sources count as independent when they are different parties; an unresolved source (or the
 * outlet's own reporting) can only be told apart within its outlet, so its outlet is part of it.
 */
export const independentSource = (source: SourceName, outlet: string | null): string =>
  source.party !== null ? safeParty(source.party) : `${sourceKey(source)}@${outlet ? slug(outlet) : 'unknown'}`;

/**
 * Topics from most to least specific: terrorism before the broader security, diplomacy last. The
 * primary topic (the first a claim has) is what the actor-disagreement rule compares, whatever
 * order an extractor lists topics in; a key's topic facets are listed in this order.
 */
export const TOPIC_PRECEDENCE: readonly Topic[] = [
  'terrorism', 'migration', 'humanitarian', 'military', 'trade', 'infrastructure', 'governance', 'security', 'diplomacy',
];

export const primaryTopic = (topics: readonly Topic[]): Topic | null => {
  for (const t of TOPIC_PRECEDENCE) if (topics.includes(t)) return t;
  return null;
};

export interface KeyedClaim {
  type: ClaimType;
  actors: readonly PartyRef[];
  targets: readonly PartyRef[];
}

export interface ClaimKeyParts {
  type: ClaimType;
  actors: readonly string[];
  targets: readonly string[];
}

const list = (keys: readonly string[]): string => (keys.length ? keys.join('+') : '-');

export const formatClaimKey = (parts: ClaimKeyParts): string =>
  `${parts.type}:${list([...new Set(parts.actors)].sort())}:${list([...new Set(parts.targets)].sort())}`;

/** "The same act by the same parties", whatever each report says it was about. */
export const claimKey = (claim: KeyedClaim): string =>
  formatClaimKey({ type: claim.type, actors: partyKeys(claim.actors), targets: partyKeys(claim.targets) });

const PARTY = /^~?[a-z0-9]+(?:-[a-z0-9]+)*$/;


/** Null when `key` is not a well-formed claim key (a 400 for the REST layer, not a throw). */
export const parseClaimKey = (key: string): ClaimKeyParts | null => {
  const parts = key.trim().replace(/ /g, '+').split(':');
  // A fourth part is the topic of keys before version 2: checked, then ignored.
  if (parts.length !== 3 && parts.length !== 4) return null;
  const [type, actors, targets, topic = '-'] = parts;
  if (!isClaimType(type)) return null;
  const parties = (s: string): string[] | null => {
    if (s === '-') return [];
    const names = s.split('+');
    return names.every((n) => PARTY.test(n)) ? names : null;
  };
  const a = parties(actors);
  const t = parties(targets);
  if (!a || !t) return null;
  if (topic !== '-' && !(TOPICS as readonly string[]).includes(topic)) return null;
  return { type, actors: a, targets: t };
};

/** Normalises a key given by a user (any party order, spaces for `+`) to the stored form. */
export const normaliseClaimKey = (key: string): string | null => {
  const parts = parseClaimKey(key);
  return parts && formatClaimKey(parts);
};
