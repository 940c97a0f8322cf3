// A claim's editable fields as the desk's forms hold them (text in inputs), and back to the API's
// shapes. Recording and correcting use the same fields, so both forms read and write them here.
import type { Claim, ClaimType, Evidence, PartyRef, Polarity, SourceRef, Topic } from './types.js';

export interface ClaimForm {
  type: ClaimType;
  /** Party ids, comma-separated. */
  actors: string;
  targets: string;
  content: string;
  sourceParty: string;
  sourceMention: string;
  cue: string;
  via: string;
  polarity: Polarity;
  hedged: boolean;
  topics: Topic[];
}

export const BLANK_CLAIM: ClaimForm = {
  type: 'ConcernRaised',
  actors: '',
  targets: '',
  content: '',
  sourceParty: '',
  sourceMention: '',
  cue: 'said',
  via: '',
  polarity: 'asserted',
  hedged: false,
  topics: [],
};

const partyIds = (refs: PartyRef[]): string =>
  refs
    .map((r) => r.party ?? '')
    .filter(Boolean)
    .join(', ');

/** The form as it opens on an existing claim. */
export const formOf = (claim: Claim): ClaimForm => ({
  type: claim.type,
  actors: partyIds(claim.actors),
  targets: partyIds(claim.targets),
  content: claim.content,
  sourceParty: claim.source.party ?? '',
  sourceMention: claim.source.mention,
  cue: claim.source.cue,
  via: claim.source.via ?? '',
  polarity: claim.polarity,
  hedged: claim.hedged,
  topics: [...claim.topics],
});

/** Keeps each mention whose party is still named; a newly named party is its own mention, as typed. */
export const partyRefs = (text: string, old: PartyRef[] = []): PartyRef[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((typed) => old.find((r) => r.party === typed.toLowerCase()) ?? { party: typed.toLowerCase(), mention: typed });

/** An empty party id is the outlet itself (null), as is an empty "via". */
export const sourceOf = (form: ClaimForm): SourceRef => ({
  party: form.sourceParty.trim().toLowerCase() || null,
  mention: form.sourceMention.trim(),
  cue: form.cue.trim(),
  via: form.via.trim() || null,
});

/** Every field, for recording a new claim. */
export const fieldsOf = (form: ClaimForm) => ({
  type: form.type,
  actors: partyRefs(form.actors),
  targets: partyRefs(form.targets),
  content: form.content,
  source: sourceOf(form),
  hedged: form.hedged,
  polarity: form.polarity,
  topics: form.topics,
});

const sameSource = (a: SourceRef, b: SourceRef): boolean => a.party === b.party && a.mention === b.mention && a.cue === b.cue && a.via === b.via;
const sameTopics = (a: Topic[], b: Topic[]): boolean => [...a].sort().join() === [...b].sort().join();

/** Only what the analyst changed, each field whole (a correction replaces fields, never merges them). */
export const changesOf = (form: ClaimForm, claim: Claim, evidence: Evidence): Record<string, unknown> => {
  const was = formOf(claim);
  const c: Record<string, unknown> = {};
  if (form.type !== claim.type) c.type = form.type;
  if (form.actors !== was.actors) c.actors = partyRefs(form.actors, claim.actors);
  if (form.targets !== was.targets) c.targets = partyRefs(form.targets, claim.targets);
  if (form.content !== claim.content) c.content = form.content;
  if (!sameSource(sourceOf(form), sourceOf(was))) c.source = sourceOf(form);
  if (form.polarity !== claim.polarity) c.polarity = form.polarity;
  if (form.hedged !== claim.hedged) c.hedged = form.hedged;
  if (!sameTopics(form.topics, claim.topics)) c.topics = form.topics;
  if (evidence.start !== claim.evidence.start || evidence.end !== claim.evidence.end) c.evidence = evidence;
  return c;
};

/** The evidence a range of the body quotes: the text is always the body's own, so the server accepts it. */
export const evidenceAt = (body: string, start: number, end: number): Evidence => ({ text: body.slice(start, end), start, end });
