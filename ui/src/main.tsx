import { render } from 'preact';
import { Banner } from './components/Banner.js';
import { useRoute } from './router.js';
import { ArticleView } from './views/ArticleView.js';
import { CompareIndex, ConflictCompare, KeyCompare } from './views/CompareView.js';
import { LiveView } from './views/LiveView.js';
import { Overview } from './views/Overview.js';
import { PartyView } from './views/PartyView.js';
import { TimelineView } from './views/TimelineView.js';
import './style.css';

const NAV = [
  ['', 'Overview'],
  ['compare', 'Compare'],
  ['timeline', 'Timeline'],
  ['live', 'Live'],
] as const;

const View = () => {
  const { path, params } = useRoute();
  const [head, a, b] = path;
  if (head === 'articles' && a) return <ArticleView articleId={a} pinned={params.get('claim')} />;
  if (head === 'parties' && a) return <PartyView party={a} />;
  if (head === 'compare' && a === 'conflict' && b) return <ConflictCompare id={b} />;
  if (head === 'compare' && a === 'key' && b) return <KeyCompare claimKey={b} />;
  if (head === 'compare') return <CompareIndex />;
  if (head === 'timeline') return <TimelineView filter={Object.fromEntries(params)} />;
  if (head === 'live') return <LiveView />;
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
        <nav aria-label="views">
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
        <View />
      </main>
    </>
  );
};

render(<App />, document.getElementById('app')!);
