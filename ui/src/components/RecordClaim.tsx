// An analyst records a claim the rules missed: the selected passage is the evidence, the rest is
// typed in. Written against the revision read, like every change.
import { useState } from 'preact/hooks';
import { analystName, ApiError, setAnalystName, write } from '../api.js';
import { CLAIM_TYPES, TOPICS, TYPE_LABEL, type ClaimType } from '../types.js';

const refs = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean).map((p) => ({ party: p.toLowerCase(), mention: p }));

export const RecordClaim = ({ articleId, body, range, revision, onDone }: {
  articleId: string; body: string; range: { start: number; end: number }; revision: string; onDone: (message: string | null) => void;
}) => {
  const [f, setF] = useState({
    type: 'ConcernRaised' as ClaimType, actors: '', targets: '', content: '', sourceParty: '', sourceMention: '', cue: 'said', via: '',
    hedged: false, polarity: 'asserted', topics: [] as string[], analyst: analystName(),
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  const evidence = body.slice(range.start, range.end);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    if (f.analyst) setAnalystName(f.analyst);
    try {
      const saved = await write<{ revision: string }>(`/articles/${articleId}/claims`, {
        type: f.type, actors: refs(f.actors), targets: refs(f.targets), content: f.content,
        source: { party: f.sourceParty.trim().toLowerCase() || null, mention: f.sourceMention, cue: f.cue, via: f.via.trim() || null },
        evidence: { text: evidence, start: range.start, end: range.end },
        hedged: f.hedged, polarity: f.polarity, topics: f.topics,
      }, revision);
      onDone(`Recorded: the article is now at revision ${saved.revision}.`);
    } catch (err) {
      const stale = err instanceof ApiError && err.status === 409 ? ` (you read revision ${revision}; it is now at ${String(err.body.currentRevision)}: the text now shows the current claims)` : '';
      setError(`${(err as Error).message}${stale}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="edit-form record-form" onSubmit={(e) => void submit(e)} aria-label="record a claim">
      <h2>Record a claim</h2>
      <blockquote class="evidence">{evidence}</blockquote>
      {error && <p class="error" role="alert">Not recorded: {error}</p>}
      <fieldset>
        <legend>The claim (against revision {revision})</legend>
        <label>Type
          <select value={f.type} onChange={(e) => set({ type: e.currentTarget.value as ClaimType })}>
            {CLAIM_TYPES.map((t) => <option key={t} value={t}>{TYPE_LABEL[t]} ({t})</option>)}
          </select>
        </label>
        <label>Actors (party ids, comma-separated)<input value={f.actors} onInput={(e) => set({ actors: e.currentTarget.value })} /></label>
        <label>Targets (party ids, comma-separated)<input value={f.targets} onInput={(e) => set({ targets: e.currentTarget.value })} /></label>
        <label>What<input value={f.content} onInput={(e) => set({ content: e.currentTarget.value })} /></label>
        <label>Source party id<input value={f.sourceParty} onInput={(e) => set({ sourceParty: e.currentTarget.value })} /></label>
        <label>Source as named<input required value={f.sourceMention} onInput={(e) => set({ sourceMention: e.currentTarget.value })} /></label>
        <label>Cue<input value={f.cue} onInput={(e) => set({ cue: e.currentTarget.value })} /></label>
        <label>Via (outlet the source spoke to)<input value={f.via} onInput={(e) => set({ via: e.currentTarget.value })} /></label>
        <label>Polarity
          <select value={f.polarity} onChange={(e) => set({ polarity: e.currentTarget.value })}>
            <option value="asserted">asserted</option>
            <option value="denied">denied</option>
          </select>
        </label>
        <label class="check"><input type="checkbox" checked={f.hedged} onChange={(e) => set({ hedged: e.currentTarget.checked })} /> hedged</label>
        <fieldset class="topics">
          <legend>Topics</legend>
          {TOPICS.map((t) => (
            <label key={t} class="check">
              <input type="checkbox" checked={f.topics.includes(t)}
                onChange={(e) => set({ topics: e.currentTarget.checked ? [...f.topics, t] : f.topics.filter((x) => x !== t) })} /> {t}
            </label>
          ))}
        </fieldset>
        <label>Your name (optional, recorded with the claim)<input value={f.analyst} onInput={(e) => set({ analyst: e.currentTarget.value })} /></label>
      </fieldset>
      <p class="actions">
        <button type="submit" disabled={busy}>Record claim</button>{' '}
        <button type="button" onClick={() => onDone(null)}>Cancel</button>
      </p>
    </form>
  );
};
