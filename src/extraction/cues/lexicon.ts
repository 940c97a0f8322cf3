// Cue lexicons per claim type, as data. Verbs and adjectives are matched by lemma; nouns need a
// "light" verb that makes someone the author of the act ("raised concerns", "gave assurances").
// Maps, not object literals: a word such as "constructor" must not find Object.prototype's entry.
import type { ClaimType } from '../../domain/claim.js';

export interface VerbCue {
  type: ClaimType;
  /** The next word must be one of these ("agree to", "committed to"); absent: any. */
  needsNext?: string[];
}

export const VERB_CUES: ReadonlyMap<string, VerbCue> = new Map(
  Object.entries({
    invite: { type: 'InvitationExtended' },
    host: { type: 'InvitationExtended' },
    pledge: { type: 'PledgeMade' },
    promise: { type: 'PledgeMade' },
    vow: { type: 'PledgeMade' },
    assure: { type: 'PledgeMade' },
    guarantee: { type: 'PledgeMade' },
    undertake: { type: 'PledgeMade', needsNext: ['to'] },
    agree: { type: 'PledgeMade', needsNext: ['to'] },
    commit: { type: 'PledgeMade', needsNext: ['to', 'itself', 'themselves'] },
    accuse: { type: 'AccusationLevelled' },
    blame: { type: 'AccusationLevelled' },
    allege: { type: 'AccusationLevelled' },
    brand: { type: 'AccusationLevelled' },
    charge: { type: 'AccusationLevelled', needsNext: ['that'] },
    // Condemnation and protest charge whoever did what is condemned: "condemned the airstrike".
    condemn: { type: 'AccusationLevelled' },
    denounce: { type: 'AccusationLevelled' },
    deplore: { type: 'AccusationLevelled' },
    decry: { type: 'AccusationLevelled' },
    censure: { type: 'AccusationLevelled' },
    rebuke: { type: 'AccusationLevelled' },
    lambast: { type: 'AccusationLevelled' },
    slam: { type: 'AccusationLevelled' },
    criticise: { type: 'AccusationLevelled' },
    criticize: { type: 'AccusationLevelled' },
    protest: { type: 'AccusationLevelled' },
    complain: { type: 'AccusationLevelled', needsNext: ['that', 'about', 'of', 'over'] },
    contend: { type: 'AccusationLevelled', needsNext: ['that'] },
    // "hit out at X", "lashed out at X": phrasal charges.
    hit: { type: 'AccusationLevelled', needsNext: ['out'] },
    lash: { type: 'AccusationLevelled', needsNext: ['out'] },
    blast: { type: 'AccusationLevelled' },
    chide: { type: 'AccusationLevelled' },
    reprimand: { type: 'AccusationLevelled' },
  }),
);

/** Adjectives after "be/remain/grow": "was deeply concerned about", "remained committed to". */
export const ADJECTIVE_CUES: ReadonlyMap<string, VerbCue> = new Map(
  Object.entries({
    concerned: { type: 'ConcernRaised' },
    worried: { type: 'ConcernRaised' },
    alarmed: { type: 'ConcernRaised' },
    troubled: { type: 'ConcernRaised' },
    committed: { type: 'PledgeMade', needsNext: ['to'] },
    // "it is concerning that ...", "the situation is alarming".
    concerning: { type: 'ConcernRaised', needsNext: ['that'] },
    resolute: { type: 'PledgeMade', needsNext: ['in'] },
    disturbed: { type: 'ConcernRaised' },
    dismayed: { type: 'ConcernRaised' },
    uneasy: { type: 'ConcernRaised' },
  }),
);
export const COPULAS = new Set(['be', 'remain', 'grow', 'become', 'stay', 'feel', 'seem', 'appear']);

export interface NounCue {
  type: ClaimType;
  /** Verbs that make the subject the author of the act. */
  light: Set<string>;
}

const RAISE = new Set([
  'raise',
  'express',
  'voice',
  'reiterate',
  'share',
  'flag',
  'convey',
  'register',
  'underline',
  'renew',
  'highlight',
  'repeat',
  'air',
  'stress',
  'underscore',
  'emphasize',
  'emphasise',
]);
const GIVE = new Set([
  'make',
  'give',
  'offer',
  'reiterate',
  'reaffirm',
  'renew',
  'repeat',
  'provide',
  'extend',
  'underline',
  'underscore',
  'express',
  'honour',
  'honor',
  'affirm',
  'restate',
]);
const LEVEL = new Set(['level', 'make', 'repeat', 'renew', 'hurl', 'lodge', 'press', 'reiterate']);
/** Verbs that make someone the author of criticism: "voiced sharp criticism", "levelled criticism at". */
const LEVEL_OR_VOICE = new Set([...LEVEL, 'voice', 'express', 'issue', 'direct', 'air']);
/** Verbs that make someone the author of a protest or complaint: "lodged a protest", "filed a complaint". */
const LODGE = new Set(['lodge', 'file', 'submit', 'send', 'deliver', 'convey', 'hand', 'register', 'make', 'issue', 'voice', 'express', 'renew', 'address']);

export const NOUN_CUES: ReadonlyMap<string, NounCue> = new Map(
  Object.entries({
    invitation: {
      type: 'InvitationExtended',
      light: new Set(['extend', 'issue', 'send', 'deliver', 'convey', 'renew', 'accept', 'confirm', 'receive', 'offer']),
    },
    concern: { type: 'ConcernRaised', light: RAISE },
    worry: { type: 'ConcernRaised', light: RAISE },
    alarm: { type: 'ConcernRaised', light: RAISE },
    fear: { type: 'ConcernRaised', light: RAISE },
    unease: { type: 'ConcernRaised', light: RAISE },
    dismay: { type: 'ConcernRaised', light: RAISE },
    disquiet: { type: 'ConcernRaised', light: RAISE },
    apprehension: { type: 'ConcernRaised', light: RAISE },
    pledge: { type: 'PledgeMade', light: GIVE },
    promise: { type: 'PledgeMade', light: GIVE },
    commitment: { type: 'PledgeMade', light: GIVE },
    assurance: { type: 'PledgeMade', light: GIVE },
    guarantee: { type: 'PledgeMade', light: GIVE },
    accusation: { type: 'AccusationLevelled', light: LEVEL },
    allegation: { type: 'AccusationLevelled', light: LEVEL },
    protest: { type: 'AccusationLevelled', light: LODGE },
    complaint: { type: 'AccusationLevelled', light: LODGE },
    demarche: { type: 'AccusationLevelled', light: LODGE },
    condemnation: { type: 'AccusationLevelled', light: LODGE },
    criticism: { type: 'AccusationLevelled', light: LEVEL_OR_VOICE },
    rebuke: { type: 'AccusationLevelled', light: LEVEL_OR_VOICE },
  }),
);

/** Verbs that, governing a cue, deny the act: "denied inviting", "rejected the accusation". */
export const DENIAL_VERBS = new Set(['deny', 'reject', 'dismiss', 'refute', 'rebuff', 'rebut']);

/** Invitations taken up or confirmed by someone other than the inviter keep the inviter. */
export const RECEIVING_VERBS = new Set(['accept', 'confirm', 'receive', 'decline']);

/** Meeting verbs: whoever meets is the addressee of what is said "during the meeting". */
export const MEETING_VERBS = new Set(['meet', 'speak', 'talk', 'call', 'phone']);
export const MEETING_NOUNS = new Set(['meeting', 'talks', 'call', 'conversation', 'visit', 'summit', 'discussion', 'discussions']);

/**
 * Words that make a reported clause a charge against someone, with no accusation verb: "said the
 * airstrike violated its sovereignty", "called the talks a farce". Matched by lemma or by form.
 * Evaluative words only: "attack" or "strike" alone report events, not blame.
 */
export const CHARGE_WORDS = new Set([
  'violate',
  'violated',
  'violates',
  'violating',
  'violation',
  'violations',
  'breach',
  'breached',
  'breaches',
  'aggression',
  'aggressor',
  'aggressive',
  'crime',
  'crimes',
  'criminal',
  'atrocity',
  'atrocities',
  'massacre',
  'genocide',
  'assassination',
  'assassinations',
  'sabotage',
  'sabotaging',
  'lie',
  'lies',
  'lying',
  'liar',
  'fabricate',
  'fabricated',
  'fabricating',
  'fabrication',
  'farce',
  'propaganda',
  'provocation',
  'provocations',
  'provocative',
  'destabilise',
  'destabilize',
  'destabilising',
  'destabilizing',
  'destabilisation',
  'destabilization',
  'undermine',
  'undermines',
  'undermined',
  'undermining',
  'interference',
  'meddling',
  'occupation',
  'occupier',
  'illegal',
  'illegitimate',
  'unlawful',
  'unacceptable',
  'unjustified',
  'unjustifiable',
  'unfounded',
  'baseless',
  'groundless',
  'unprovoked',
  'flagrant',
  'blatant',
  'blatantly',
  'coercive',
  'coercion',
  'blackmail',
  'conspiracy',
  'conspiring',
  'hypocrisy',
  'hypocritical',
  'irresponsible',
  'reckless',
  'barbaric',
  'cowardly',
  'heinous',
  'diversion',
  'terrorism',
  'hegemony',
  'hegemonic',
  'bullying',
  'responsibility',
  'responsible',
  'culpable',
  'complicit',
  'complicity',
  'collusion',
  'slander',
  'smear',
]);

/** Two-word charges whose words alone say nothing: "contrary to the principles", "went against its agreement". */
export const CHARGE_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['contrary', new Set(['to'])],
  ['fuel', new Set(['separatism', 'conflict', 'tensions', 'tension', 'violence', 'terrorism', 'instability', 'war', 'extremism'])],
]);

/** Bonds a party can go back on: "went against its agreement", "acted against its commitments". */
export const BONDS = new Set(['agreement', 'agreements', 'commitment', 'commitments', 'obligation', 'obligations', 'principles', 'pledge', 'promise', 'word']);

/** Charges only as someone's choice ("has chosen escalation", "Moscow's escalation"), not as a trend ("the escalation in attacks"). */
export const CHOSEN_CHARGES = new Set(['escalation', 'escalations']);

/**
 * Words that, opening a sentence, set it against what came before: "However, a spokesman said the
 * talks were about migrants." The one list: the competing-focus rule and the conflicts read model
 * (through each claim's `contrastCue`) both read it. Mid-sentence conjunctions ("..., while X said
 * ...") are not cues: they usually join two parts of one account rather than two accounts.
 */
export const CONTRAST_CUES = [
  'however',
  'but',
  'yet',
  'whereas',
  'while',
  'although',
  'though',
  'meanwhile',
  'by contrast',
  'in contrast',
  'on the other hand',
  'nevertheless',
  'nonetheless',
  'instead',
  'conversely',
  'still',
] as const;
