// Issue 5's "Done when", with the real rule-based extractor over the two seed articles.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { createExtractor } from '../../src/extraction/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const DAR_MUTTAQI = 'seeds/000_4be72ea5d1cf2c89.txt';
const BEIJING = 'seeds/003_6483d1e0e52d0ed9.txt';

interface PartyRef {
  party: string | null;
  mention: string;
}
interface ClaimResponse {
  claimId: string;
  articleId: string;
  type: string;
  actors: PartyRef[];
  targets: PartyRef[];
  content: string;
  topics: string[];
  source: PartyRef & { cue: string };
  evidence: { text: string; start: number; end: number };
  corrections: number;
  retracted: boolean;
}
interface SourceGroup {
  source: string;
  party: string | null;
  mentions: string[];
  claimIds: string[];
}
interface TypeGroup {
  type: string;
  count: number;
  sources: SourceGroup[];
}
interface PartyResponse {
  asActor: TypeGroup[];
  asTarget: TypeGroup[];
  claims: { total: number; items: ClaimResponse[] };
}
interface ConflictResponse {
  id: string;
  kind: string;
  basis: string;
  why: string;
  a: ClaimResponse[];
  b: ClaimResponse[];
}

const parties = (refs: PartyRef[]) => refs.map((r) => r.party).sort();

describe('Done when: the seeds through the real extractor (issue 5)', () => {
  let t: TestApp;
  const ids: Record<string, { articleId: string; revision: string }> = {};
  const get = async <T>(path: string): Promise<T> => (await request(t.server).get(path).expect(200)).body as T;
  const party = (query = '') => get<PartyResponse>(`/parties/pakistan${query}`);

  beforeAll(async () => {
    t = await startTestApp({ extractor: createExtractor() });
    for (const file of [DAR_MUTTAQI, BEIJING]) {
      ids[file] = (
        await request(t.server)
          .post('/articles')
          .send({ text: readFileSync(file, 'utf8') })
          .expect(201)
      ).body;
    }
  });
  afterAll(async () => t.close());

  it("GET /parties/pakistan: the invitation on Pakistan's foreign ministry and a Taliban official, the concerns about the TTP, the pledges", async () => {
    const pakistan = await party();
    const invitation = pakistan.asActor.find((g) => g.type === 'InvitationExtended')!;
    expect(invitation.sources.map((s) => s.party).sort()).toEqual(['pakistan', 'taliban']);
    expect(invitation.sources.find((s) => s.party === 'pakistan')!.mentions).toContain('Pakistan’s Foreign Ministry');
    expect(invitation.sources.find((s) => s.party === 'taliban')!.mentions.some((m) => /Taliban official/i.test(m))).toBe(true);
    const invitations = (await party('?role=actor&type=InvitationExtended')).claims.items;
    expect(invitations.every((c) => parties(c.targets).includes('taliban'))).toBe(true);
    expect(invitations.some((c) => c.evidence.text.includes('formally invited Amir Khan Muttaqi'))).toBe(true);

    const concerns = (await party('?role=actor&type=ConcernRaised')).claims.items;
    expect(concerns.length).toBeGreaterThanOrEqual(2);
    for (const c of concerns) expect(parties(c.targets)).toContain('ttp');
    expect(concerns.some((c) => c.evidence.text.includes('concerns about the activities of Tehrik-i-Taliban Pakistan (TTP)'))).toBe(true);

    const pledges = (await party('?role=actor&type=PledgeMade')).claims.items;
    expect(pledges.map((c) => c.articleId).sort()).toEqual(expect.arrayContaining([ids[DAR_MUTTAQI].articleId, ids[BEIJING].articleId]));
    const territories = pledges.find((c) => c.content.includes('not to allow their territories to be used for terrorist activities'))!;
    expect(parties(territories.actors)).toEqual(['pakistan', 'taliban']);
    expect(territories.source.party).toBe('pakistan');
    // Pakistan is also a target: India's accusation.
    expect(pakistan.asTarget.find((g) => g.type === 'AccusationLevelled')!.sources.map((s) => s.party)).toEqual(['india']);
  });

  it("GET /attributions: Pakistan's invitation to the Taliban is one key, corroborated by both source parties, the acceptance in it", async () => {
    const keys = (await get<{ items: { key: string }[] }>('/attributions?type=InvitationExtended&actor=pakistan&target=taliban')).items.map((a) => a.key);
    expect(keys).toEqual(['InvitationExtended:pakistan:taliban']);
    const detail = await get<{
      status: string;
      topics: string[];
      claims: number;
      columns: { items: { party: string | null; accounts: { evidence: { text: string } }[] }[] };
    }>('/attributions/InvitationExtended:pakistan:taliban');
    expect(detail.status).toBe('corroborated');
    expect(detail.columns.items.map((c) => c.party).sort()).toEqual(['pakistan', 'taliban']);
    const evidence = detail.columns.items.flatMap((c) => c.accounts.map((a) => a.evidence.text));
    expect(evidence.some((e) => e.includes('formally invited Amir Khan Muttaqi'))).toBe(true);
    expect(evidence.some((e) => e.startsWith('Muttaqi accepted the invitation'))).toBe(true);
    expect(detail.topics).toContain('terrorism');
    // Topics filter keys, they do not split them: the key is found by any of its claims' topics.
    expect((await get<{ items: { key: string }[] }>('/attributions?type=InvitationExtended&topic=diplomacy')).items.map((a) => a.key)).toContain(
      'InvitationExtended:pakistan:taliban',
    );
  });

  it('GET /conflicts: the two accounts of the Dar–Muttaqi call, TTP against migrants, each with its source and evidence', async () => {
    const { articleId } = ids[DAR_MUTTAQI];
    const { body } = await get<{ body: string }>(`/articles/${articleId}`);
    // From the extractor alone: no analyst has recorded anything yet.
    const sentence = 'However, a Taliban Foreign Ministry spokesman said the focus of the conversation was largely on the situation of migrants in Pakistan.';
    expect(body.indexOf(sentence)).toBeGreaterThan(0);
    const conflicts = (await get<{ items: ConflictResponse[] }>('/conflicts?kind=competing-account')).items;
    const call = conflicts.find((c) => c.b.some((x) => x.evidence.text === sentence))!;
    expect(call).toBeDefined();
    expect(call.basis).toBe('contrast-cue');
    expect(call.why).toMatch(/"however"/);
    const [ttp] = call.a;
    expect(ttp).toMatchObject({ type: 'ConcernRaised', articleId, source: { party: 'taliban' } });
    expect(parties(ttp.actors)).toEqual(['pakistan']);
    expect(parties(ttp.targets)).toContain('ttp');
    expect(ttp.evidence.text).toContain('Dar reiterated Pakistan’s concerns about the activities of Tehrik-i-Taliban Pakistan (TTP)');
    expect(ttp.topics).not.toContain('migration');
    const [other] = call.b;
    expect(other).toMatchObject({ source: { party: 'taliban', mention: 'a Taliban Foreign Ministry spokesman' }, topics: ['migration'] });
    expect(body.slice(other.evidence.start, other.evidence.end)).toBe(sentence);
    expect(body.slice(ttp.evidence.start, ttp.evidence.end)).toBe(ttp.evidence.text);

    expect((await get<ConflictResponse>(`/conflicts/${call.id}`)).id).toBe(call.id);
    expect((await get<{ conflicts: Array<{ id: string }> }>(`/claims/${ttp.claimId}`)).conflicts.map((c) => c.id)).toContain(call.id);
    expect((await get<{ items: ConflictResponse[] }>('/conflicts?party=ttp')).items.map((c) => c.id)).toContain(call.id);
  });

  it('a correction and a retraction show in /claims and /parties at once, and not under an earlier asOf', async () => {
    const before = (await get<{ head: string }>('/projections')).head;
    const invitations = (await party('?role=actor&type=InvitationExtended')).claims.items;
    // "Muttaqi accepted the invitation" is an acceptance, not a second invitation (when the extractor reads it as one).
    const acceptance = invitations.find((c) => c.evidence.text.startsWith('Muttaqi accepted the invitation')) ?? invitations[invitations.length - 1];
    expect(acceptance.articleId).toBe(ids[DAR_MUTTAQI].articleId);
    // "They also reaffirmed a “shared commitment” to combat terrorism": the content should say what was pledged.
    const pledges = (await party('?role=actor&type=PledgeMade')).claims.items.filter((c) => c.articleId === ids[BEIJING].articleId);
    const commitment = pledges.find((c) => c.evidence.text.includes('shared commitment')) ?? pledges[0];
    const original = commitment.content;
    const better = 'combat terrorism and promote lasting regional stability (corrected)';

    const corrected = await request(t.server)
      .post(`/claims/${commitment.claimId}/correction`)
      .set('If-Match', `"${ids[BEIJING].revision}"`)
      .send({ changes: { content: better }, reason: 'the content is what was pledged' })
      .expect(201);
    ids[BEIJING].revision = corrected.body.revision;
    await request(t.server)
      .post(`/claims/${acceptance.claimId}/retraction`)
      .set('If-Match', `"${ids[DAR_MUTTAQI].revision}"`)
      .send({ reason: 'an acceptance, not an invitation' })
      .expect(201);

    // At once: no waiting, no polling.
    expect(await get<ClaimResponse>(`/claims/${commitment.claimId}`)).toMatchObject({ content: better, corrections: 1 });
    expect((await get<{ items: ClaimResponse[] }>(`/claims?limit=500`)).items.map((c) => c.claimId)).not.toContain(acceptance.claimId);
    expect(
      (await get<{ items: ClaimResponse[] }>(`/claims?includeRetracted=true&limit=500`)).items.find((c) => c.claimId === acceptance.claimId)!.retracted,
    ).toBe(true);
    const now = await party();
    const invitationNow = now.asActor.find((g) => g.type === 'InvitationExtended')!;
    expect(invitationNow.count).toBe(invitations.length - 1);
    expect(invitationNow.sources.flatMap((s) => s.claimIds)).not.toContain(acceptance.claimId);
    expect((await party('?role=actor&type=PledgeMade')).claims.items.find((c) => c.claimId === commitment.claimId)!.content).toBe(better);

    // As of the position before both writes: neither.
    const earlierClaims = (await get<{ items: ClaimResponse[] }>(`/claims?asOf=${before}&limit=500`)).items;
    expect(earlierClaims.map((c) => c.claimId)).toContain(acceptance.claimId);
    expect(earlierClaims.find((c) => c.claimId === commitment.claimId)).toMatchObject({ content: original, corrections: 0 });
    const earlierParty = await party(`?asOf=${before}`);
    expect(earlierParty.asActor.find((g) => g.type === 'InvitationExtended')!.count).toBe(invitations.length);
    expect((await party(`?role=actor&type=PledgeMade&asOf=${before}`)).claims.items.find((c) => c.claimId === commitment.claimId)!.content).toBe(original);
  });

  it('a rebuild while requests are being served ends with identical read-model hashes', async () => {
    const hashes = async () =>
      (await get<{ views: Array<{ name: string; hash: string; behind: number }> }>('/projections?hash=true')).views.map(({ name, hash, behind }) => ({
        name,
        hash,
        behind,
      }));
    const live = await hashes();
    expect(live.every((v) => v.behind === 0)).toBe(true);
    const paths = ['/claims?limit=500', '/parties/pakistan', '/conflicts', '/attributions', '/sources', '/articles'];
    const expected = await Promise.all(paths.map((p) => get(p)));
    // supertest sends on then(): the rebuild and the reads go out together.
    const [rebuilt, ...during] = await Promise.all([
      request(t.server)
        .post('/projections/rebuild?wait=true')
        .then((r) => r),
      ...Array.from({ length: 5 }, () => Promise.all(paths.map((p) => get(p)))),
    ]);
    expect(rebuilt.status).toBe(202);
    for (const answers of during) expect(answers).toEqual(expected);
    expect(await hashes()).toEqual(live);
  });
});
