import { describe, expect, it } from '@jest/globals';
import { detectMentions } from '../../src/extraction/mentions/detect.js';
import { Discourse } from '../../src/extraction/mentions/discourse.js';
import { analyze } from '../../src/extraction/nlp.js';
import { partyIndex } from '../../src/extraction/parties/party-index.js';

/** Mentions of every sentence, as "text=>parties". */
const mentions = (text: string): string[][] => {
  const a = analyze(text);
  const d = new Discourse();
  return a.sentences.map((s) =>
    detectMentions(a, s, partyIndex().match(a.tokens, s.from, s.to), d)
      .mentions.filter((m) => m.kind !== 'other')
      .map((m) => `${m.text}=>${m.parties.join('+') || '?'}`),
  );
};

describe('mentions of people and offices', () => {
  it('takes a party from a title before a name', () => {
    expect(mentions('Israeli Defence Minister Israel Katz spoke.')[0]).toEqual(['Israeli Defence Minister Israel Katz=>israel']);
  });
  it('takes a party from an apposition after a name', () => {
    expect(mentions('Andrii Sybiha, Ukraine’s foreign minister, spoke.')[0]).toEqual(['Andrii Sybiha, Ukraine’s foreign minister=>ukraine']);
  });
  it('takes a party from "Title, Name,"', () => {
    expect(mentions('Russia’s Foreign Minister, Sergei Lavrov, arrived.')[0]).toEqual(['Russia’s Foreign Minister, Sergei Lavrov=>russia']);
  });
  it('resolves a later surname to the person introduced earlier', () => {
    const m = mentions('Philippine President Ferdinand Marcos Jr. spoke. Later, Marcos left.');
    expect(m[1]).toEqual(['Marcos=>philippines']);
  });
  it('resolves "the official" to the official introduced earlier', () => {
    const m = mentions('A senior Iranian official spoke to reporters. The official said talks were over.');
    expect(m[1][0]).toBe('The official=>iran');
  });
  it('keeps an unknown person with no party', () => {
    expect(mentions('Analyst Jane Doe spoke.')[0]).toEqual(['Analyst Jane Doe=>?']);
  });
  it('resolves pronouns to the latest person or institution', () => {
    expect(mentions('South Korea’s foreign ministry said it was ready.')[0]).toEqual(['South Korea’s foreign ministry=>south-korea', 'it=>south-korea']);
    expect(mentions('Kenyan President William Ruto arrived. He spoke.')[1]).toEqual(['He=>kenya']);
  });
  it('resolves "both sides" to the latest pair of parties and "the three nations" to the latest list of three', () => {
    const m = mentions('Talks between Armenia and Azerbaijan resumed. Both sides spoke.');
    expect(m[1]).toEqual(['Both sides=>armenia+azerbaijan']);
    const n = mentions('Envoys of Egypt, Qatar and the United States met. The three nations agreed.');
    expect(n[1]).toEqual(['The three nations=>egypt+qatar+united-states']);
  });
  it('splits coordinated nationality adjectives into parties', () => {
    expect(mentions('Israeli and Lebanese officers met.')[0]).toEqual(['Israeli and Lebanese officers=>israel+lebanon']);
  });
});
