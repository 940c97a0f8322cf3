// Words that make a noun phrase stand for an actor, and the shapes of anaphoric references.

/** Heads of noun phrases that denote an actor: people by office, organs of state, groups. */
export const ROLE_HEADS = new Set([
  'minister', 'ministry', 'official', 'officer', 'spokesman', 'spokeswoman', 'spokesperson', 'envoy', 'president',
  'premier', 'chancellor', 'king', 'queen', 'emir', 'prince', 'leader', 'leadership', 'government', 'administration',
  'diplomat', 'ambassador', 'delegation', 'delegate', 'authority', 'authorities', 'army', 'military', 'force', 'forces',
  'troops', 'police', 'source', 'sources', 'office', 'department', 'commander', 'chief', 'secretary', 'representative',
  'negotiator', 'mission', 'cabinet', 'parliament', 'agency', 'regime', 'militant', 'fighter', 'junta', 'general',
  'lawmaker', 'legislator', 'senator', 'governor', 'counterpart', 'side', 'guard', 'media', 'statement', 'communique',
  'communiqué', 'readout', 'analyst', 'expert', 'observer', 'presidency', 'palace', 'embassy', 'consulate', 'mediator',
  'navy', 'prosecutor', 'court', 'council', 'committee', 'bloc', 'group', 'coalition', 'alliance', 'movement',
  'team', 'officials', 'spokespeople', 'adviser', 'advisor', 'aide', 'deputy', 'speaker', 'vice-president',
  'coastguard', 'militia', 'militias', 'rebels', 'rebel', 'insurgents', 'state-media', 'agency', 'foreign-minister',
  'country', 'nation', 'kingdom', 'watchdog', 'politician', 'service', 'organisation', 'organization', 'hosts', 'host', 'guests', 'guest', 'counterparts', 'interlocutor', 'interlocutors', 'gang', 'gangs', 'separatists',
]);

/**
 * Definite nouns that stand for a party of a kind: "the agency" is the body named last, "the
 * country" the state, "the bloc" the alliance, "the group" the armed group.
 */
export const KIND_NOUNS: Record<string, string[]> = {
  agency: ['body'], watchdog: ['body'], organisation: ['body', 'alliance'], organization: ['body', 'alliance'],
  bloc: ['alliance', 'body'], alliance: ['alliance'], union: ['alliance'],
  group: ['armed-group'], militia: ['armed-group'], movement: ['armed-group'], rebels: ['armed-group'], militants: ['armed-group'],
  country: ['country'], nation: ['country'], kingdom: ['country'],
};

/** Heads that are a person rather than an institution: they answer to "he"/"she". */
export const PERSON_HEADS = new Set([
  'minister', 'official', 'officer', 'spokesman', 'spokeswoman', 'spokesperson', 'envoy', 'president', 'premier',
  'chancellor', 'king', 'queen', 'emir', 'prince', 'leader', 'diplomat', 'ambassador', 'commander', 'chief',
  'secretary', 'representative', 'negotiator', 'general', 'lawmaker', 'legislator', 'senator', 'governor',
  'counterpart', 'analyst', 'expert', 'mediator', 'prosecutor', 'adviser', 'advisor', 'aide', 'deputy', 'speaker',
  'politician',
]);

/** Roles defined by the other side of an encounter: "his counterpart", "their hosts". */
export const RELATIONAL_HEADS = new Set(['counterpart', 'counterparts', 'host', 'hosts', 'guest', 'guests', 'interlocutor', 'interlocutors']);

/** Role heads that name statements rather than speakers: their party is whoever issued them. */
export const DOCUMENT_HEADS = new Set(['statement', 'communique', 'communiqué', 'readout']);

/** Definite short mentions of the same kind of role corefer: "the official" → "a senior official". */
export const ROLE_FAMILY: Record<string, string> = {
  officer: 'official', source: 'official', spokeswoman: 'spokesman', spokesperson: 'spokesman',
  officials: 'official', sources: 'official', forces: 'force', authorities: 'authority',
};

/** Title words and calendar words are capitalised but are not personal names. */
export const NOT_NAME = new Set([
  'foreign', 'defence', 'defense', 'prime', 'deputy', 'vice', 'acting', 'interior', 'finance', 'senior', 'special',
  'state', 'national', 'security', 'joint', 'staff', 'minister', 'ministry', 'president', 'mr', 'mr.', 'mrs', 'mrs.',
  'ms', 'ms.', 'dr', 'dr.', 'gen', 'gen.', 'sen', 'sen.', 'rep', 'rep.', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july',
  'august', 'september', 'october', 'november', 'december', 'however', 'meanwhile', 'earlier', 'later',
]);

export const NAME_SUFFIXES = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii']);

/** Lower-case particles inside personal names: "Lula da Silva", "von der Leyen", "bin Salman". */
export const NAME_PARTICLES = new Set(['da', 'de', 'di', 'do', 'dos', 'das', 'du', 'del', 'della', 'van', 'von', 'der', 'den', 'ter', 'bin', 'ibn', 'ben', 'bint', 'al', 'el', 'la', 'le', 'zu']);

/** A name particle inside a name: after a capitalised word or particle, before a capitalised word or "der Leyen". */
export const isNameParticle = (toks: { text: string; norm: string }[], k: number): boolean => {
  const upper = (i: number) => i >= 0 && i < toks.length && /^\p{Lu}/u.test(toks[i].text);
  const particle = (i: number) => i >= 0 && i < toks.length && NAME_PARTICLES.has(toks[i].norm) && /^\p{Ll}/u.test(toks[i].text);
  return particle(k) && (upper(k - 1) || (particle(k - 1) && upper(k - 2))) && (upper(k + 1) || (particle(k + 1) && upper(k + 2)));
};

export const PRONOUNS: Record<string, 'person' | 'thing' | 'plural' | 'first'> = {
  he: 'person', she: 'person', him: 'person', her: 'person', his: 'person',
  it: 'thing', its: 'thing',
  they: 'plural', them: 'plural', their: 'plural',
  we: 'first', our: 'first', us: 'first', i: 'first', my: 'first',
};

export const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my']);

/** "both sides", "the two countries", "the four nations", "both warring parties". */
export const GROUP_NOUNS = new Set(['sides', 'parties', 'members', 'powers', 'allies', 'nations', 'countries', 'governments', 'leaders', 'ministers', 'delegations', 'states', 'neighbours', 'neighbors', 'capitals']);
/** A map, so that no word finds an entry of Object.prototype ("constructor"). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(Object.entries({ both: 2, two: 2, three: 3, four: 4, five: 5, six: 6 }));
