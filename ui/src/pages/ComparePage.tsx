// Sources side by side: a conflict's two sides, or every source on one claim key, each with its
// evidence sentence and article, and what kind of disagreement it is.
import { get } from '../api.js';
import { ClaimCard } from '../components/ClaimCard.js';
import { Loaded, PartyLink, TypeChip } from '../components/common.js';
import { articleTitle, sourceText, when } from '../format.js';
import { useLive } from '../live.js';
import type { Attribution, Claim, Conflict, Page } from '../types.js';
import { useFetch } from '../use-fetch.js';

const KIND: Record<Conflict['kind'], string> = {
  'competing-account': 'competing accounts of one occasion',
  denial: 'a denial of what others assert',
  'actor-disagreement': 'the same act credited to different actors',
};

const sideLabel = (claims: Claim[]): string => claims.map((c) => c.source.mention || c.source.party || 'the outlet').join(', ');

export const ConflictSummary = ({ conflict }: { conflict: Conflict }) => (
  <a href={`#/compare/conflict/${conflict.id}`} class="conflict-link">
    <strong>{conflict.kind}</strong>: {sideLabel(conflict.a)} <span class="vs">vs</span> {sideLabel(conflict.b)}
    <span class="muted">
      {' '}
      —{' '}
      {conflict.a
        .concat(conflict.b)
        .flatMap((c) => c.topics)
        .filter((t, i, all) => all.indexOf(t) === i)
        .join(', ')}
    </span>
  </a>
);

export const CompareIndex = () => {
  const { version } = useLive();
  const conflicts = useFetch(() => get<Page<Conflict>>('/conflicts', { limit: 100 }), [version]);
  const keys = useFetch(() => get<Page<Attribution>>('/attributions', { limit: 100 }), [version]);
  return (
    <div class="stack">
      <h1>Compare</h1>
      <section class="card" aria-labelledby="cmp-conflicts">
        <h2 id="cmp-conflicts">Conflicts</h2>
        <Loaded fetched={conflicts}>
          {(p) =>
            p.items.length === 0 ? (
              <p class="muted">None.</p>
            ) : (
              <ul class="list">
                {p.items.map((c) => (
                  <li key={c.id}>
                    <ConflictSummary conflict={c} />
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <section class="card" aria-labelledby="cmp-keys">
        <h2 id="cmp-keys">Claim keys</h2>
        <Loaded fetched={keys}>
          {(p) => (
            <ul class="list">
              {p.items.map((a) => (
                <li key={a.key}>
                  <TypeChip type={a.type} />{' '}
                  <a href={`#/compare/key/${encodeURIComponent(a.key)}`}>
                    {a.actors.join('+') || '?'} → {a.targets.join('+') || '—'}
                    {a.topics.length ? ` (${a.topics.join(', ')})` : ''}
                  </a>
                  <span class="muted">
                    {' '}
                    · {a.claims} claim(s), {a.sources.length} source(s), {a.status}
                    {a.denied ? `, ${a.denied} denied` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      </section>
    </div>
  );
};

export const ConflictCompare = ({ id }: { id: string }) => {
  const { version } = useLive();
  const fetched = useFetch(() => get<Conflict>(`/conflicts/${encodeURIComponent(id)}`), [id, version]);
  return (
    <Loaded fetched={fetched}>
      {(c) => (
        <div class="stack">
          <h1>Conflict: {KIND[c.kind] ?? c.kind}</h1>
          <p class="why">
            <strong>{c.kind}</strong> ({c.basis}) — {c.why}
          </p>
          <div class="sides" id="conflict-sides">
            {[c.a, c.b].map((side, i) => (
              <section key={i} class="side card" aria-label={`side ${i === 0 ? 'A' : 'B'}`}>
                <h2>
                  Side {i === 0 ? 'A' : 'B'}: {sideLabel(side)}
                </h2>
                {side.map((claim) => (
                  <ClaimCard key={claim.claimId} claim={claim} showEvidence showArticle />
                ))}
              </section>
            ))}
          </div>
        </div>
      )}
    </Loaded>
  );
};

export const KeyCompare = ({ claimKey }: { claimKey: string }) => {
  const { version } = useLive();
  const fetched = useFetch(() => get<Attribution>(`/attributions/${encodeURIComponent(claimKey)}`, { includeRetracted: 'true' }), [claimKey, version]);
  return (
    <Loaded fetched={fetched}>
      {(a) => (
        <div class="stack">
          <h1>
            <TypeChip type={a.type} /> {a.actors.join(' + ') || '?'} → {a.targets.join(' + ') || '—'}
            {a.topics.length ? ` on ${a.topics.join(', ')}` : ''}
          </h1>
          <p class="why">
            {a.claims} claim(s) in {a.articles} article(s)
            {a.reports < a.articles && <> ({a.reports} independent report(s): the rest are syndicated copies)</>} from {a.sources.length} source(s):{' '}
            <strong>{a.status}</strong>
            {a.denied > 0 && (
              <>
                ; <strong>{a.denied} denial(s)</strong>
              </>
            )}
            . First {when(a.firstAt)}, last {when(a.lastAt)}.
          </p>
          <div class="sides" id="key-sides">
            {(a.columns?.items ?? []).map((col) => (
              <section key={col.source} class="side card" aria-label={`source ${col.source}`}>
                <h2>
                  According to <PartyLink party={col.party} label={col.party ?? col.source} />
                </h2>
                {col.accounts.map((acc) => (
                  <article key={acc.claimId} class={`account${acc.retracted ? ' is-retracted' : ''}`}>
                    <p>
                      {sourceText(acc.source)}
                      {acc.polarity === 'denied' && <span class="badge warn">denied</span>}
                      {acc.hedged && <span class="badge">hedged</span>}
                      {acc.retracted && <span class="badge danger">retracted</span>}
                    </p>
                    <blockquote class={`evidence t-${a.type}`}>{acc.evidence.text}</blockquote>
                    <p class="article-link">
                      <a href={`#/articles/${acc.article.articleId}?claim=${encodeURIComponent(acc.claimId)}`}>{articleTitle(acc.article)}</a>
                      <span class="muted">
                        {' '}
                        · {when(acc.when)}
                        {acc.topics.length ? ` · ${acc.topics.join(', ')}` : ''}
                      </span>
                    </p>
                  </article>
                ))}
              </section>
            ))}
          </div>
        </div>
      )}
    </Loaded>
  );
};
