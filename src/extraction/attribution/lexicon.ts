/** Verbs that report speech: their subject is who the article cites. */
export const REPORTING_VERBS = new Set([
  'say',
  'tell',
  'confirm',
  'announce',
  'state',
  'add',
  'note',
  'claim',
  'insist',
  'report',
  'write',
  'declare',
  'reveal',
  'disclose',
  'acknowledge',
  'explain',
  'warn',
  'stress',
  'tweet',
  'post',
  'assert',
  'maintain',
  'argue',
  'indicate',
  'inform',
  'brief',
  'reiterate',
]);

/** Reporting verbs whose participle describes who was told: "officials briefed on the talks". */
export const PARTICIPLE_REPORTERS = new Set(['brief', 'inform']);

/** Phrases that name the outlet a source spoke to: "told Reuters", "who spoke to X", "carried by X". */
export const VIA_OPENERS = [['spoke', 'to'], ['speaking', 'to'], ['told'], ['interview', 'with'], ['carried', 'by'], ['quoted', 'by'], ['talking', 'to']];

/** Audiences that are not outlets: "told reporters". */
export const NOT_OUTLETS = new Set(['reporters', 'journalists', 'lawmakers', 'parliament', 'a', 'the', 'an', 'state', 'his', 'her', 'their']);
