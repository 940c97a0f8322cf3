// Claims over time, filtered by party, type and source, with an "as of" slider over the log's
// events, counted: step N answers what was known once the first N article events had been
// recorded (asOf=events:N). Positions are cursors (log offsets on EventStoreDB), never steps.
import { useEffect, useState } from 'preact/hooks';
import { get, getAll } from '../api.js';
import { ClaimCard } from '../components/ClaimCard.js';
import { Loaded } from '../components/common.js';
import { day } from '../format.js';
import { useLive } from '../live.js';
import { href, navigate } from '../router.js';
import { CLAIM_TYPES, TYPE_LABEL, type Claim, type Page, type PartySummary } from '../types.js';
import { useFetch } from '../use-fetch.js';

export interface TimelineFilter {
  party?: string;
  actor?: string;
  target?: string;
  type?: string;
  source?: string;
  asOf?: string;
}

/** "party" means actor or target: two queries, merged. */
const load = async (f: TimelineFilter): Promise<Claim[]> => {
  const base = { type: f.type, source: f.source, actor: f.actor, target: f.target, asOf: f.asOf, includeRetracted: 'true' };
  if (!f.party) return getAll<Claim>('/claims', base);
  const [asActor, asTarget] = await Promise.all([
    getAll<Claim>('/claims', { ...base, actor: f.party }),
    getAll<Claim>('/claims', { ...base, target: f.party }),
  ]);
  const seen = new Set(asActor.map((c) => c.claimId));
  return [...asActor, ...asTarget.filter((c) => !seen.has(c.claimId))];
};

/** Where a claim sits: its article's publication date, else when it was recorded. The slider never moves it (that is knowledge time). */
const timeOf = (c: Claim): string => c.article.publishedAt ?? c.recordedAt;

/** The slider's step from the URL's asOf=events:N; null for "now" (or an asOf the slider does not set). */
const eventsOf = (asOf: string | undefined): number | null => {
  const m = /^events:(\d+)$/.exec(asOf ?? '');
  return m ? Number(m[1]) : null;
};

export const TimelinePage = ({ filter }: { filter: TimelineFilter }) => {
  const live = useLive();
  const head = live.status ? live.status.events : null;
  const asOf = eventsOf(filter.asOf);
  // The slider moves freely; the URL (and the query) follow once it rests for a moment.
  const [sliding, setSliding] = useState<number | null>(null);
  useEffect(() => setSliding(null), [filter.asOf]);
  const set = (patch: Partial<TimelineFilter>) => navigate(href(['timeline'], { ...filter, ...patch }));

  const partyList = useFetch(() => get<Page<PartySummary>>('/parties', { limit: 500 }), [live.version]);
  // At "now" the list follows the live read models; at a past position it is fixed and needs no reload.
  const claims = useFetch(() => load(filter), [JSON.stringify(filter), asOf === null ? live.version : 0]);

  const value = sliding ?? asOf ?? head ?? 0;
  useEffect(() => {
    if (sliding === null) return;
    const t = setTimeout(() => set({ asOf: head !== null && sliding >= head ? undefined : `events:${sliding}` }), 250);
    return () => clearTimeout(t);
  }, [sliding]);

  const parties = partyList.data?.items ?? [];
  return (
    <div class="stack">
      <h1>Timeline</h1>
      <p class="muted timeline-note" id="timeline-note">
        Claims sit on their article’s publication date (else the day it was recorded). <strong>As of</strong> moves knowledge time: what the store held after
        that many events.
      </p>
      <form class="filters" aria-label="filter the timeline" onSubmit={(e) => e.preventDefault()}>
        <label>
          Party
          <select name="party" value={filter.party ?? ''} onChange={(e) => set({ party: e.currentTarget.value || undefined })}>
            <option value="">any</option>
            {parties
              .filter((p) => p.party)
              .map((p) => (
                <option key={p.key} value={p.party!}>
                  {p.label}
                </option>
              ))}
          </select>
        </label>
        <label>
          Type
          <select name="type" value={filter.type ?? ''} onChange={(e) => set({ type: e.currentTarget.value || undefined })}>
            <option value="">any</option>
            {CLAIM_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABEL[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select name="source" value={filter.source ?? ''} onChange={(e) => set({ source: e.currentTarget.value || undefined })}>
            <option value="">any</option>
            <option value="none">the outlet itself</option>
            {parties
              .filter((p) => p.party && p.asSource > 0)
              .map((p) => (
                <option key={p.key} value={p.party!}>
                  {p.label}
                </option>
              ))}
          </select>
        </label>
        {(filter.actor || filter.target) && (
          <p class="muted">
            {filter.actor && <>actor {filter.actor} </>}
            {filter.target && <>target {filter.target} </>}
            <button type="button" onClick={() => set({ actor: undefined, target: undefined })}>
              clear
            </button>
          </p>
        )}
        <div class="as-of">
          <label for="as-of">As of</label>
          <input
            id="as-of"
            type="range"
            min={0}
            max={head ?? 0}
            step={1}
            value={value}
            disabled={head === null || head <= 0}
            aria-valuetext={asOf === null && sliding === null ? 'now' : `event ${value} of ${head}`}
            onInput={(e) => setSliding(Number(e.currentTarget.value))}
          />
          <output for="as-of" id="as-of-label">
            {asOf === null && sliding === null ? `now (event ${head ?? '…'})` : `event ${value} of ${head}`}
          </output>
          <button type="button" onClick={() => set({ asOf: undefined })} disabled={asOf === null}>
            Now
          </button>
        </div>
      </form>
      {asOf !== null && (
        <p class="past" role="status" id="as-of-note">
          Showing what was known after event {asOf} of {head ?? '…'}: later claims, corrections and retractions are not shown.
        </p>
      )}
      <Loaded fetched={claims}>{(list) => <Days claims={list} />}</Loaded>
    </div>
  );
};

const Days = ({ claims }: { claims: Claim[] }) => {
  if (claims.length === 0) return <p class="muted">No claims match.</p>;
  const sorted = [...claims].sort((a, b) => timeOf(a).localeCompare(timeOf(b)) || a.evidence.start - b.evidence.start);
  const days = new Map<string, Claim[]>();
  for (const c of sorted) days.set(day(timeOf(c)), [...(days.get(day(timeOf(c))) ?? []), c]);
  return (
    <ol class="timeline" id="timeline" aria-label={`${claims.length} claims by day`}>
      {[...days].map(([d, cs]) => (
        <li key={d}>
          <h2 class="day">
            <time dateTime={d}>{d}</time> <span class="muted">· {cs.length} claim(s)</span>
          </h2>
          <div class="claim-grid">
            {cs.map((c) => (
              <ClaimCard key={c.claimId} claim={c} showEvidence showArticle />
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
};
