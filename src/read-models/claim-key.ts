// Claim keys: what makes two claims, in any article and from any source, "the same claim".
//
// Format: `<Type>:<actors>:<targets>:<topic>`, e.g. `PledgeMade:pakistan+taliban:-:security`.
//   - <Type> is the claim type as spelled in CLAIM_TYPES;
//   - <actors> and <targets> are the parties' keys, sorted and de-duplicated, joined with `+`,
//     or `-` when there are none (a slug is never `-`, so this is unambiguous);
//   - a party key is the canonical party slug, or for an unresolved party (party: null) `~` and a
//     slug of its mention (`~tribal-elders`), so unknowns never merge with a known party;
//   - <topic> is the claim's primary topic (see TOPIC_PRECEDENCE) or `-`.
// Every character is in [A-Za-z0-9~:+-], so the key is safe in a URL path. In a query string
// `+` must be sent as %2B; parseClaimKey also takes a space for it.
import { PARTY_ID } from '../domain/party-id.js';
import { isClaimType, TOPICS, type ClaimType, type PartyRef, type SourceRef, type Topic } from '../domain/claim.js';

/** A 32-bit FNV-1a of a string, as 8 hex digits: short, stable ids without a crypto import. */
export const fnv1a = (text: string, seed = 0x811c9dc5): string => {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
};

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

/** Who is cited: the source party, else its mention; `~outlet` for the outlet's own reporting. */
export const sourceKey = (source: SourceRef): string =>
  source.party !== null ? safeParty(source.party) : `${UNRESOLVED}${source.mention.trim() ? slug(source.mention) : 'outlet'}`;

/**
 * Sources count as independent when they are different parties; an unresolved source (or the
 * outlet's own reporting) can only be told apart within its outlet, so its outlet is part of it.
 */
export const independentSource = (source: SourceRef, outlet: string | null): string =>
  source.party !== null ? safeParty(source.party) : `${sourceKey(source)}@${outlet ? slug(outlet) : 'unknown'}`;

/**
 * The primary topic is the most specific one a claim has, so the order an extractor lists topics
 * in does not split a claim key: terrorism before the broader security, diplomacy last.
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
  topics: readonly Topic[];
}

export interface ClaimKeyParts {
  type: ClaimType;
  actors: string[];
  targets: string[];
  topic: Topic | null;
}

const list = (keys: readonly string[]): string => (keys.length ? keys.join('+') : '-');

export const formatClaimKey = (parts: ClaimKeyParts): string =>
  `${parts.type}:${list([...new Set(parts.actors)].sort())}:${list([...new Set(parts.targets)].sort())}:${parts.topic ?? '-'}`;

export const claimKeyParts = (claim: KeyedClaim): ClaimKeyParts => ({
  type: claim.type,
  actors: partyKeys(claim.actors),
  targets: partyKeys(claim.targets),
  topic: primaryTopic(claim.topics),
});

export const claimKey = (claim: KeyedClaim): string => formatClaimKey(claimKeyParts(claim));

/** Type and parties, without the topic: "the same act by the same parties", whatever it was about. */
export const actKey = (claim: KeyedClaim): string => {
  const p = claimKeyParts(claim);
  return `${p.type}:${list(p.actors)}:${list(p.targets)}`;
};

const PARTY = /^~?[a-z0-9]+(?:-[a-z0-9]+)*$/;


/** Null when `key` is not a well-formed claim key (a 400 for the REST layer, not a throw). */
export const parseClaimKey = (key: string): ClaimKeyParts | null => {
  const parts = key.trim().replace(/ /g, '+').split(':');
  if (parts.length !== 4) return null;
  const [type, actors, targets, topic] = parts;
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
  return { type, actors: a, targets: t, topic: topic === '-' ? null : (topic as Topic) };
};

/** Normalises a key given by a user (any party order, spaces for `+`) to the stored form. */
export const normaliseClaimKey = (key: string): string | null => {
  const parts = parseClaimKey(key);
  return parts && formatClaimKey(parts);
};
