// The article with every claim's evidence highlighted by type. Hover or focus previews a highlight's
// claims in the side panel; click, Enter or Space pins them, and the pinned claims can be corrected.
// A withdrawn article, reached by a link, shows when, by whom and why it was withdrawn.
import { useMemo, useRef, useState } from 'preact/hooks';
import { get } from '../api.js';
import { ClaimCard } from '../components/ClaimCard.js';
import { ClaimHistory } from '../components/ClaimHistory.js';
import { ClaimEditor } from '../components/ClaimEditor.js';
import { RecordClaim } from '../components/RecordClaim.js';
import { WithdrawArticle } from '../components/WithdrawArticle.js';
import { Legend, Loaded } from '../components/common.js';
import { StoryLinks } from '../components/StoryLinks.js';
import { articleLead } from '../../../src/domain/article-lead.js';
import { articleTitle, when } from '../format.js';
import { paragraphs, trimRange, type Segment } from '../highlight.js';
import { useLive } from '../live.js';
import { href, navigate } from '../router.js';
import { selectedRange } from '../selection.js';
import { TYPE_LABEL, type Article, type ClaimRef, type StreamEvent } from '../types.js';
import { useFetch } from '../use-fetch.js';
import { withdrawnFrom, type WithdrawnArticle } from '../withdrawal.js';

type Loaded = { article: Article; withdrawn: null; revision: string } | { article: null; withdrawn: WithdrawnArticle; revision: string };

export const ArticlePage = ({ articleId, pinned }: { articleId: string; pinned: string | null }) => {
  const live = useLive();
  const [reloads, setReloads] = useState(0);
  const fetched = useFetch<Loaded>(async () => {
    // The stream first: a withdrawn article is in no read model, only in its events.
    const { revision, events } = await get<{ revision: string; events: StreamEvent[] }>(`/articles/${articleId}/events`);
    const withdrawn = withdrawnFrom(events);
    if (withdrawn) return { article: null, withdrawn, revision };
    return { article: await get<Article>(`/articles/${articleId}`, { includeRetracted: 'true' }), withdrawn: null, revision };
  }, [articleId, live.version, reloads]);
  const [hover, setHover] = useState<string[] | null>(null);
  const [recording, setRecording] = useState<{ start: number; end: number } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);

  return (
    <Loaded fetched={fetched}>
      {({ article, withdrawn, revision }) => {
        if (withdrawn) return <Withdrawn articleId={articleId} withdrawn={withdrawn} />;
        const byId = new Map(article.claimRefs.map((r) => [r.claimId, r]));
        const asked = (pinned ?? '').split(',').filter((id) => byId.has(id));
        const pinnedIds = asked.length === 1 ? [asked[0], ...sameRange(article.claimRefs, asked[0])] : asked;
        const shown = (hover ?? pinnedIds).map((id) => byId.get(id)).filter((r): r is ClaimRef => !!r);
        return (
          <div class="article-layout">
            <section class="article-text" aria-labelledby="article-title">
              <h1 id="article-title">{articleTitle({ ...article, lead: article.lead ?? articleLead(article.body) })}</h1>
              <p class="meta">
                {[article.outlet, article.dateline, article.section].filter(Boolean).join(' · ')}
                {' · '}published {when(article.publishedAt)} · recorded {when(article.recordedAt)} · revision {revision}
              </p>
              <StoryLinks article={article} />
              <Legend />
              <div ref={bodyRef}>
                <Body article={article} pinned={pinnedIds} onHover={setHover} />
              </div>
            </section>
            <aside id="claim-panel" tabIndex={-1} class="claim-panel" aria-label="claims of the selected passage" aria-live="polite">
              {note && (
                <p class="ok" role="status">
                  {note}
                </p>
              )}
              {recording ? (
                <RecordClaim
                  articleId={article.articleId}
                  body={article.body}
                  range={recording}
                  revision={revision}
                  onDone={(message) => {
                    setRecording(null);
                    setNote(message);
                    if (message) setReloads((n) => n + 1);
                  }}
                />
              ) : (
                <p class="actions">
                  <button
                    type="button"
                    id="record-claim"
                    // Read the selection before the click can disturb it.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => {
                      const trimmed = bodySelection(bodyRef.current, article.body);
                      setNote(trimmed ? null : 'Select the passage that is the evidence first, then record the claim.');
                      setRecording(trimmed);
                    }}
                  >
                    Record a claim from the selected text…
                  </button>
                </p>
              )}
              {!recording && <WithdrawArticle articleId={article.articleId} revision={revision} onDone={() => setReloads((n) => n + 1)} />}
              {recording ? null : shown.length === 0 ? (
                <p class="muted">{article.claimRefs.length} claim(s) in this article. Hover, focus or click a highlight to see its claims.</p>
              ) : (
                <>
                  <h2>
                    {hover ? 'Preview' : 'Selected'}: {shown.length} claim{shown.length > 1 ? 's' : ''}
                  </h2>
                  {shown.map((r) => (
                    <div key={r.claimId} class="panel-claim">
                      <ClaimCard claim={r.claim} />
                      {!hover && (
                        <ClaimEditor
                          key={r.claimId}
                          claim={r.claim}
                          body={article.body}
                          revision={revision}
                          selection={() => bodySelection(bodyRef.current, article.body)}
                          onDone={() => setReloads((n) => n + 1)}
                        />
                      )}
                      {!hover && <ClaimHistory claimId={r.claimId} version={reloads} />}
                    </div>
                  ))}
                </>
              )}
            </aside>
          </div>
        );
      }}
    </Loaded>
  );
};

const Withdrawn = ({ articleId, withdrawn: { withdrawal, title } }: { articleId: string; withdrawn: WithdrawnArticle }) => (
  <section class="article-text" aria-labelledby="article-title" id="withdrawn-article">
    <h1 id="article-title">
      {articleTitle({ articleId, title })} <span class="muted">(withdrawn)</span>
    </h1>
    <p class="banner warn" role="status">
      Withdrawn {when(withdrawal.withdrawnAt)} by <strong>{withdrawal.recordedBy}</strong>: {withdrawal.reason}. It and its claims are out of every read model;
      its events stay in the audit trail (<a href={`/articles/${encodeURIComponent(articleId)}/events`}>raw events</a>). Ingesting its text again needs{' '}
      <code>force</code>.
    </p>
  </section>
);

/** The reader's selection in the article text as body offsets, without surrounding spaces; null when none. */
const bodySelection = (container: HTMLElement | null, body: string): { start: number; end: number } | null => {
  const range = container && selectedRange(container);
  return range ? trimRange(body, range) : null;
};

/** Other claims drawn from the very same passage are shown beside the pinned one. */
const sameRange = (refs: ClaimRef[], id: string): string[] => {
  const ref = refs.find((r) => r.claimId === id)!;
  return refs.filter((r) => r.claimId !== id && r.start === ref.start && r.end === ref.end).map((r) => r.claimId);
};

const Body = ({ article, pinned, onHover }: { article: Article; pinned: string[]; onHover: (ids: string[] | null) => void }) => {
  const paras = useMemo(() => paragraphs(article.body, article.claimRefs), [article]);
  const byId = new Map(article.claimRefs.map((r) => [r.claimId, r]));
  return (
    <div class="article-body">
      {paras.map((segs, i) => (
        <p key={i}>
          {segs.map((s) =>
            s.claimIds.length ? (
              <Mark key={s.start} seg={s} refs={s.claimIds.map((id) => byId.get(id)!)} articleId={article.articleId} pinned={pinned} onHover={onHover} />
            ) : (
              <span key={s.start} data-start={s.start}>
                {s.text}
              </span>
            ),
          )}
        </p>
      ))}
    </div>
  );
};

const Mark = ({
  seg,
  refs,
  articleId,
  pinned,
  onHover,
}: {
  seg: Segment;
  refs: ClaimRef[];
  articleId: string;
  pinned: string[];
  onHover: (ids: string[] | null) => void;
}) => {
  const live = refs.filter((r) => !r.retracted);
  const lead = (live[0] ?? refs[0]).type;
  const types = [...new Set([lead, ...refs.map((r) => r.type)])];
  const pin = (keyboard: boolean) => {
    navigate(href(['articles', articleId], { claim: seg.claimIds.join(',') }));
    // From the keyboard, go on to the pinned claims (and their Correct/Retract buttons) at once; on a
    // narrow screen the panel is below the text, so bring it into view.
    setTimeout(() => {
      const panel = document.getElementById('claim-panel');
      if (keyboard) panel?.focus();
      else if (window.matchMedia('(max-width: 760px)').matches) panel?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }, 50);
  };
  const label = `${refs.length} claim${refs.length > 1 ? 's' : ''}: ${types.map((t) => TYPE_LABEL[t]).join(', ')}${live.length === 0 ? ' (retracted)' : ''}`;
  return (
    <mark
      class={[
        `hl t-${lead}`,
        types.length > 1 && `multi u-${types[1]}`,
        live.length === 0 && 'retracted',
        refs.some((r) => pinned.includes(r.claimId)) && 'pinned',
      ]
        .filter(Boolean)
        .join(' ')}
      data-start={seg.start}
      data-claims={seg.claimIds.join(' ')}
      data-types={types.join(' ')}
      tabIndex={0}
      role="button"
      aria-label={label}
      title={label}
      onMouseEnter={() => onHover(seg.claimIds)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(seg.claimIds)}
      onBlur={() => onHover(null)}
      onClick={() => {
        onHover(null);
        pin(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onHover(null);
          pin(true);
        }
      }}
    >
      {seg.text}
    </mark>
  );
};
