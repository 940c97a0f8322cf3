// One party: what it asserted or did, what was asserted about it, by type with the sources for
// each, where it is itself the source, and the parties × parties matrix around it.
import { get, getAll } from '../api.js';
import { ClaimCard } from '../components/ClaimCard.js';
import { Loaded, PartyLink, TypeChip } from '../components/common.js';
import { PartyMatrix } from '../components/PartyMatrix.js';
import { useLive } from '../live.js';
import { href } from '../router.js';
import type { Claim, PartyByType, PartyDetail, SourceSummary } from '../types.js';
import { useFetch } from '../use-fetch.js';

const Sources = ({ sources }: { sources: SourceSummary[] }) => (
  <ul class="sources">
    {sources.map((s) => (
      <li key={s.source}>
        according to <PartyLink party={s.party} label={s.party ?? s.source} />
        <span class="muted"> ({s.mentions.map((m) => `“${m}”`).join(', ')}{s.outlets.length ? `; in ${s.outlets.join(', ')}` : ''})</span>
        {' '}— {s.count} claim(s)
      </li>
    ))}
  </ul>
);

const ByType = ({ id, title, rows, party, role }: { id: string; title: string; rows: PartyByType[]; party: string; role: 'actor' | 'target' }) => (
  <section class="card" aria-labelledby={id} id={`${id}-section`}>
    <h2 id={id}>{title}</h2>
    {rows.length === 0 ? <p class="muted">Nothing.</p> : rows.map((r) => (
      <div key={r.type} class="by-type" data-type={r.type}>
        <h3><TypeChip type={r.type} /> <a href={href(['timeline'], { [role]: party, type: r.type })}>{r.count} claim(s)</a></h3>
        <Sources sources={r.sources} />
      </div>
    ))}
  </section>
);

export const PartyPage = ({ party }: { party: string }) => {
  const { version } = useLive();
  const detail = useFetch(() => get<PartyDetail>(`/parties/${encodeURIComponent(party)}`, { limit: 100 }), [party, version]);
  const claims = useFetch(() => getAll<Claim>('/claims'), [version]);
  return (
    <Loaded fetched={detail}>
      {(d) => (
        <div class="stack">
          <h1>{d.label}</h1>
          <div class="two-col">
            <ByType id="as-actor" title="Asserted or did (as actor)" rows={d.asActor} party={party} role="actor" />
            <ByType id="as-target" title="Asserted about it (as target)" rows={d.asTarget} party={party} role="target" />
          </div>
          <section class="card" aria-labelledby="as-source">
            <h2 id="as-source">Cited as a source: {d.asSource.count} claim(s)</h2>
            <Sources sources={d.asSource.sources} />
          </section>
          <section class="card" aria-labelledby="matrix-h">
            <h2 id="matrix-h">Parties × parties</h2>
            <Loaded fetched={claims}>{(all) => <PartyMatrix claims={all} focus={party} />}</Loaded>
          </section>
          <section class="card" aria-labelledby="party-claims">
            <h2 id="party-claims">Claims ({d.claims.total})</h2>
            <div class="claim-grid">{d.claims.items.map((c) => <ClaimCard key={c.claimId} claim={c} showEvidence showArticle />)}</div>
          </section>
        </div>
      )}
    </Loaded>
  );
};
