import { describe, expect, it } from '@jest/globals';
import { changesOf, evidenceAt, fieldsOf, formOf, partyRefs, BLANK_CLAIM } from '../../ui/src/claim-form.js';
import type { Claim } from '../../ui/src/types.js';

const BODY = 'Pakistan invited the Taliban to talks. China pledged trade help.';

const claim: Claim = {
  type: 'InvitationExtended',
  claimId: 'a1-c1',
  articleId: 'a1',
  recordedBy: 'rules@2.1.0',
  actors: [{ party: 'pakistan', mention: 'Pakistan’s Foreign Ministry' }],
  targets: [{ party: 'taliban', mention: 'the Taliban' }],
  content: 'talks',
  source: { party: 'pakistan', mention: 'the ministry', cue: 'said', via: null },
  evidence: evidenceAt(BODY, 0, 38),
  hedged: false,
  polarity: 'asserted',
  topics: ['diplomacy', 'security'],
  key: 'InvitationExtended:pakistan:taliban',
  retracted: false,
  retraction: null,
  corrections: 0,
  correctedAt: null,
  recordedAt: '2025-05-21T10:00:00.000Z',
  article: { articleId: 'a1', title: null, outlet: null, url: null, publishedAt: null },
};

describe('the desk’s claim form', () => {
  it('changes nothing when opened on a claim and saved as it is', () => {
    expect(changesOf(formOf(claim), claim, claim.evidence)).toEqual({});
  });

  it('sends the whole source when any part of it changes, an empty party id meaning the outlet', () => {
    expect(changesOf({ ...formOf(claim), sourceParty: 'China ', sourceMention: 'Chinese officials' }, claim, claim.evidence)).toEqual({
      source: { party: 'china', mention: 'Chinese officials', cue: 'said', via: null },
    });
    expect(changesOf({ ...formOf(claim), sourceParty: '', via: 'Reuters' }, claim, claim.evidence)).toEqual({
      source: { party: null, mention: 'the ministry', cue: 'said', via: 'Reuters' },
    });
  });

  it('sends topics only when the set differs, not when only their order does', () => {
    expect(changesOf({ ...formOf(claim), topics: ['security', 'diplomacy'] }, claim, claim.evidence)).toEqual({});
    expect(changesOf({ ...formOf(claim), topics: ['trade'] }, claim, claim.evidence)).toEqual({ topics: ['trade'] });
    expect(changesOf({ ...formOf(claim), topics: [] }, claim, claim.evidence)).toEqual({ topics: [] });
  });

  it('sends evidence cut from the body at the new offsets', () => {
    const moved = evidenceAt(BODY, 39, BODY.length);
    expect(changesOf(formOf(claim), claim, moved)).toEqual({ evidence: { text: 'China pledged trade help.', start: 39, end: BODY.length } });
  });

  it('keeps the mentions of parties still named and names a new party as typed', () => {
    expect(changesOf({ ...formOf(claim), actors: 'pakistan, China' }, claim, claim.evidence)).toEqual({
      actors: [
        { party: 'pakistan', mention: 'Pakistan’s Foreign Ministry' },
        { party: 'china', mention: 'China' },
      ],
    });
    expect(partyRefs(' , ')).toEqual([]);
  });

  it('records every field from a blank form', () => {
    const form = { ...BLANK_CLAIM, actors: 'India', targets: 'pakistan', sourceParty: 'india', sourceMention: 'India', topics: ['diplomacy' as const] };
    expect(fieldsOf(form)).toEqual({
      type: 'ConcernRaised',
      actors: [{ party: 'india', mention: 'India' }],
      targets: [{ party: 'pakistan', mention: 'pakistan' }],
      content: '',
      source: { party: 'india', mention: 'India', cue: 'said', via: null },
      hedged: false,
      polarity: 'asserted',
      topics: ['diplomacy'],
    });
  });
});
