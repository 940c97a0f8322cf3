import { articleTitle, when } from '../format.js';
import type { Claim } from '../types.js';
import { PartyLink, TypeChip } from './common.js';

const PartyList = ({ refs }: { refs: Claim['actors'] }) =>
  refs.length ? (
    <>
      {refs.map((r, i) => (
        <span key={i}>
          {i > 0 && ', '}
          <PartyLink party={r.party} /> <span class="muted">(“{r.mention}”)</span>
        </span>
      ))}
    </>
  ) : <span class="muted">none named</span>;

/** Everything the desk knows about one claim: who, to whom, according to whom, how sure. */
export const ClaimCard = ({ claim, showEvidence = false, showArticle = false }: { claim: Claim; showEvidence?: boolean; showArticle?: boolean }) => (
  <article class={`claim-card${claim.retracted ? ' is-retracted' : ''}`} data-claim-id={claim.claimId} aria-label={`${claim.type} claim`}>
    <header>
      <TypeChip type={claim.type} />
      {claim.polarity === 'denied' && <span class="badge warn">denied</span>}
      {claim.hedged && <span class="badge">hedged</span>}
      {claim.corrections > 0 && <span class="badge info">corrected ×{claim.corrections}</span>}
      {claim.retracted && <span class="badge danger">retracted</span>}
    </header>
    <dl>
      <dt>Actor</dt><dd class="actors"><PartyList refs={claim.actors} /></dd>
      <dt>Target</dt><dd class="targets"><PartyList refs={claim.targets} /></dd>
      <dt>What</dt><dd>{claim.content || <span class="muted">—</span>}</dd>
      <dt>Source</dt>
      <dd class="source">
        <PartyLink party={claim.source.party} label={claim.source.party ?? 'the outlet'} />{' '}
        <span class="muted">mention</span> “{claim.source.mention || '—'}”, <span class="muted">cue</span> “{claim.source.cue || '—'}”
        {claim.source.via && <>, <span class="muted">via</span> {claim.source.via}</>}
      </dd>
      <dt>Hedged</dt><dd class="hedged">{claim.hedged ? 'yes' : 'no'}</dd>
      {claim.topics.length > 0 && <><dt>Topics</dt><dd>{claim.topics.join(', ')}</dd></>}
      <dt>Key</dt><dd><a href={`#/compare/key/${encodeURIComponent(claim.key)}`} title="compare every source on this claim key">{claim.key}</a></dd>
      {claim.retraction && <><dt>Retracted</dt><dd>{claim.retraction.reason}</dd></>}
      <dt>Recorded</dt><dd>{when(claim.recordedAt)} by {claim.recordedBy}</dd>
    </dl>
    {showEvidence && <blockquote class={`evidence t-${claim.type}`}>{claim.evidence.text}</blockquote>}
    {showArticle && (
      <p class="article-link">
        in <a href={`#/articles/${claim.articleId}?claim=${encodeURIComponent(claim.claimId)}`}>{articleTitle(claim.article)}</a>
        {claim.article.outlet && <> — {claim.article.outlet}</>}
      </p>
    )}
  </article>
);
