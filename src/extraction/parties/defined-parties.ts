// Organisations an article introduces itself: "the National Liberation Army (ELN)", "the Patriotic
// Front (PF)", "Iraq's National Reform Movement". No dictionary holds every armed group, party or
// council, but wire copy defines the ones it reports on, so each becomes a party of its own for
// that article, with a stable slug of its full name, found again by name and by short form.
// An organ defined as some known party's ("the Peace Council (PC) of the African Union", "the
// Sudanese Armed Forces (SAF)") stands for that party instead.
import type { AnalyzedText, Token } from '../nlp.js';
import type { ActorKind } from './actors.js';
import type { PartyIndex, PartyMatch } from './party-index.js';
import { slug } from './slug.js';

/** Last words of organisation names; armed ones answer to "the group", "the rebels". */
const ARMED_HEADS = new Set([
  'army',
  'forces',
  'front',
  'brigade',
  'brigades',
  'movement',
  'militia',
  'guard',
  'guards',
  'resistance',
  'mobilisation',
  'mobilization',
]);
const BODY_HEADS = new Set([
  'community',
  'conference',
  'forum',
  'secretariat',
  'group',
  'agency',
  'service',
  'office',
  'mission',
  'party',
  'union',
  'council',
  'alliance',
  'organisation',
  'organization',
  'congress',
  'league',
  'coalition',
  'committee',
  'commission',
  'assembly',
  'authority',
  'command',
]);
/**
 * Heads that name an organisation of its own even without a short form: "the Patriotic Movement",
 * but not "the Foreign Office" or "the Defence Committee", which are some state's organs.
 */
const OWN_NAME_HEADS = new Set([...ARMED_HEADS, 'party', 'union', 'alliance', 'coalition', 'congress', 'league']);
const CONNECTORS = new Set(['of', 'for', 'the', 'and', '-', '&']);
const ACRONYM = /^[A-Z][A-Z0-9&-]{1,7}$/;

interface DefinedParty {
  info: Pick<PartyMatch, 'id' | 'kind' | 'form'>;
  /** Token norms of the full name. */
  name: string[];
  acronym: string | null;
}

const isCapitalised = (t: Token): boolean => /^\p{Lu}/u.test(t.text) && (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ');

/** Start of the capitalised name ending just before `end`, or -1; a possessor ("Iraq's") is left out. */
const nameStart = (tokens: Token[], sentenceStart: number, end: number): number => {
  let k = end;
  while (
    k - 1 >= sentenceStart &&
    (isCapitalised(tokens[k - 1]) || (CONNECTORS.has(tokens[k - 1].norm) && k - 1 > sentenceStart && /^\p{Lu}/u.test(tokens[k - 2].text)))
  )
    k--;
  while (k < end && CONNECTORS.has(tokens[k].norm)) k++;
  const words = tokens.slice(k, end).filter(isCapitalised).length;
  return words >= 2 ? k : -1;
};

const kindOfHead = (head: string): ActorKind | null => (ARMED_HEADS.has(head) ? 'armed-group' : BODY_HEADS.has(head) ? 'body' : null);

/** The known party a name belongs to ("Sudanese Armed Forces", "... of the African Union"), if any. */
const ownerOf = (known: PartyIndex, tokens: Token[], from: number, to: number, after: number, sentenceEnd: number): string | null => {
  const inside = known.match(tokens, from, to);
  if (inside.length && inside[0].from === from && inside[0].id) return inside[0].id;
  if (after < sentenceEnd && tokens[after].norm === 'of') {
    const next = known.match(tokens, after + 1, Math.min(sentenceEnd, after + 6));
    const first = next[0];
    if (first && first.id && (first.from === after + 1 || (first.from === after + 2 && tokens[after + 1].norm === 'the'))) return first.id;
  }
  return null;
};

/** Every organisation the article defines, in order of first definition. */
export const findDefinedParties = (a: AnalyzedText, known: PartyIndex): DefinedParty[] => {
  const found = new Map<string, DefinedParty>();
  const { tokens } = a;
  for (const s of a.sentences) {
    for (let k = s.from; k < s.to; k++) {
      const withAcronym = tokens[k].text === '(' && k + 2 < s.to && ACRONYM.test(tokens[k + 1].text) && tokens[k + 2].text === ')';
      const head = tokens[k].norm;
      // A head ends the name only where no capitalised word follows, directly or after "of": "Union of Kurdistan".
      const continues = k + 1 < s.to && (isCapitalised(tokens[k + 1]) || (CONNECTORS.has(tokens[k + 1].norm) && k + 2 < s.to && isCapitalised(tokens[k + 2])));
      const headed = !withAcronym && isCapitalised(tokens[k]) && OWN_NAME_HEADS.has(head) && !continues;
      if (!withAcronym && !headed) continue;
      const end = withAcronym ? k : k + 1;
      const start = nameStart(tokens, s.from, end);
      if (start < 0) continue;
      const acronym = withAcronym ? tokens[k + 1].text : null;
      const known_ = known.match(tokens, start, end);
      // Already a party of the dictionary, whole: nothing to define.
      if (known_.length === 1 && known_[0].from === start && known_[0].to === end) continue;
      if (acronym && known.match(tokens, k + 1, k + 2).length) continue;
      // A dam or a programme with a short form is no party: the name must say it is an organisation.
      const heads = tokens
        .slice(start, end)
        .map((t) => kindOfHead(t.norm))
        .filter((x): x is ActorKind => !!x);
      if (!heads.length) continue;
      const kind = kindOfHead(tokens[end - 1].norm) ?? heads[0];
      if (!acronym && kind === 'body' && known_.length) continue;
      const owner = ownerOf(known, tokens, start, end, withAcronym ? k + 3 : end, s.to);
      const name = tokens.slice(start, end).map((t) => t.norm);
      const id = owner ?? slug(a.text.slice(tokens[start].start, tokens[end - 1].end));
      const seen = found.get(name.join(' '));
      // "National Liberation Army (ELN)": the head ends the name and the short form follows it.
      if (seen) {
        seen.acronym ??= acronym;
        continue;
      }
      if (!id) continue;
      found.set(name.join(' '), { info: { id, kind: owner ? (known.kindOf(owner) ?? 'country') : kind, form: 'name' }, name, acronym });
    }
  }
  return [...found.values()];
};

/** Matches of the article's own parties in a sentence: the full name, or the short form with its case. */
export const matchDefined = (defined: DefinedParty[], tokens: Token[], from: number, to: number): PartyMatch[] => {
  const out: PartyMatch[] = [];
  for (let k = from; k < to; k++) {
    let best: PartyMatch | null = null;
    for (const d of defined) {
      const n = d.name.length;
      const byName = k + n <= to && d.name.every((w, i) => tokens[k + i].norm === w);
      const end = byName ? k + n : d.acronym && tokens[k].text === d.acronym ? k + 1 : -1;
      if (end > (best?.to ?? k)) best = { ...d.info, from: k, to: end };
    }
    if (best) {
      out.push(best);
      k = best.to - 1;
    }
  }
  return out;
};

/** Dictionary matches and the article's own, the article's winning where they overlap. */
export const mergeMatches = (dictionary: PartyMatch[], own: PartyMatch[]): PartyMatch[] => {
  if (!own.length) return dictionary;
  const kept = dictionary.filter((m) => !own.some((o) => o.from < m.to && m.from < o.to));
  return [...kept, ...own].sort((x, y) => x.from - y.from);
};
