import { render } from 'preact';
import { Banner } from './components/Banner.js';
import { useRoute } from './router.js';
import { ArticlePage } from './pages/ArticlePage.js';
import { CompareIndex, ConflictCompare, KeyCompare } from './pages/ComparePage.js';
import { LivePage } from './pages/LivePage.js';
import { Overview } from './pages/Overview.js';
import { PartyPage } from './pages/PartyPage.js';
import { TimelinePage } from './pages/TimelinePage.js';
import './style.css';

const NAV = [
  ['', 'Overview'],
  ['compare', 'Compare'],
  ['timeline', 'Timeline'],
  ['live', 'Live'],
] as const;

const CurrentPage = () => {
  const { path, params } = useRoute();
  const [head, a, b] = path;
  if (head === 'articles' && a) return <ArticlePage articleId={a} pinned={params.get('claim')} />;
  if (head === 'parties' && a) return <PartyPage party={a} />;
  if (head === 'compare' && a === 'conflict' && b) return <ConflictCompare id={b} />;
  if (head === 'compare' && a === 'key' && b) return <KeyCompare claimKey={b} />;
  if (head === 'compare') return <CompareIndex />;
  if (head === 'timeline') return <TimelinePage filter={Object.fromEntries(params)} />;
  if (head === 'live') return <LivePage />;
  if (head) return <p class="error" role="alert">No such page: #{path.join('/')}. <a href="#/">Back to the overview</a>.</p>;
  return <Overview />;
};

const App = () => {
  const { path } = useRoute();
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header class="top">
        <a class="brand" href="#/">claimtrail</a>
        <nav aria-label="pages">
          <ul>
            {NAV.map(([p, label]) => (
              <li key={p}><a href={`#/${p}`} aria-current={(path[0] ?? '') === p ? 'page' : undefined}>{label}</a></li>
            ))}
            <li><a href="/docs">API</a></li>
          </ul>
        </nav>
      </header>
      <Banner />
      <main id="main" tabIndex={-1}>
        <CurrentPage />
      </main>
    </>
  );
};

render(<App />, document.getElementById('app')!);
