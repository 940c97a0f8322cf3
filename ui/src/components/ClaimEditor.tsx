// Correct or retract one claim against the revision the analyst read. A 409 is shown with the
// revision the stream has now, and the caller reloads the current state: nothing is overwritten.
import { useState } from 'preact/hooks';
import { ApiError, write } from '../api.js';
import { CLAIM_TYPES, TYPE_LABEL, type Claim, type ClaimType, type PartyRef } from '../types.js';

type Mode = 'correct' | 'retract';
type Outcome = { kind: 'saved'; revision: string } | { kind: 'stale'; read: string; current: string } | { kind: 'error'; message: string } | null;

const partyIds = (refs: PartyRef[]): string => refs.map((r) => r.party ?? '').filter(Boolean).join(', ');

/** Keeps each mention whose party is still named; a newly named party is its own mention. */
const withParties = (text: string, old: PartyRef[]): PartyRef[] =>
  text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)
    .map((party) => old.find((r) => r.party === party) ?? { party, mention: party });

export const ClaimEditor = ({ claim, revision, onDone }: { claim: Claim; revision: string; onDone: () => void }) => {
  const [mode, setMode] = useState<Mode | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({
    type: claim.type, hedged: claim.hedged, polarity: claim.polarity, actors: partyIds(claim.actors), targets: partyIds(claim.targets),
    content: claim.content, reason: '',
  });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  const changes = (): Record<string, unknown> => {
    const c: Record<string, unknown> = {};
    if (form.type !== claim.type) c.type = form.type;
    if (form.hedged !== claim.hedged) c.hedged = form.hedged;
    if (form.polarity !== claim.polarity) c.polarity = form.polarity;
    if (form.content !== claim.content) c.content = form.content;
    if (form.actors !== partyIds(claim.actors)) c.actors = withParties(form.actors, claim.actors);
    if (form.targets !== partyIds(claim.targets)) c.targets = withParties(form.targets, claim.targets);
    return c;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const body = mode === 'correct' ? { changes: changes(), reason: form.reason } : { reason: form.reason };
    if (mode === 'correct' && Object.keys(body.changes as object).length === 0) {
      setOutcome({ kind: 'error', message: 'Nothing changed: edit a field first.' });
      return;
    }
    setBusy(true);
    try {
      const path = `/claims/${encodeURIComponent(claim.claimId)}/${mode === 'correct' ? 'correction' : 'retraction'}`;
      const saved = await write<{ revision: string }>(path, body, revision);
      setOutcome({ kind: 'saved', revision: saved.revision });
      setMode(null);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && typeof error.body.currentRevision === 'string') {
        setOutcome({ kind: 'stale', read: revision, current: error.body.currentRevision });
      } else {
        setOutcome({ kind: 'error', message: (error as Error).message });
      }
    } finally {
      setBusy(false);
      onDone();
    }
  };

  const open = (m: Mode) => { setMode(m); setOutcome(null); };

  return (
    <div class="editor">
      {!mode && !claim.retracted && (
        <p class="actions">
          <button type="button" onClick={() => open('correct')}>Correct…</button>{' '}
          <button type="button" class="danger" onClick={() => open('retract')}>Retract…</button>
        </p>
      )}
      {outcome?.kind === 'saved' && <p class="ok" role="status">Saved: the article is now at revision {outcome.revision}.</p>}
      {outcome?.kind === 'error' && <p class="error" role="alert">Not saved: {outcome.message}</p>}
      {outcome?.kind === 'stale' && (
        <p class="error stale" role="alert">
          Not saved: someone changed this article after you read it (you read revision {outcome.read}; it is now at {outcome.current}).
          The claim as it stands now is shown above. Check it, then submit again if your change still applies.
        </p>
      )}
      {mode && (
        <form class="edit-form" onSubmit={(e) => void submit(e)} aria-label={mode === 'correct' ? 'correct this claim' : 'retract this claim'}>
          {mode === 'correct' && (
            <fieldset>
              <legend>Correct the claim (against revision {revision})</legend>
              <label>Type
                <select value={form.type} onChange={(e) => set({ type: e.currentTarget.value as ClaimType })}>
                  {CLAIM_TYPES.map((t) => <option key={t} value={t}>{TYPE_LABEL[t]} ({t})</option>)}
                </select>
              </label>
              <label>Actors (party ids, comma-separated)
                <input value={form.actors} onInput={(e) => set({ actors: e.currentTarget.value })} />
              </label>
              <label>Targets (party ids, comma-separated)
                <input value={form.targets} onInput={(e) => set({ targets: e.currentTarget.value })} />
              </label>
              <label>What
                <input value={form.content} onInput={(e) => set({ content: e.currentTarget.value })} />
              </label>
              <label>Polarity
                <select value={form.polarity} onChange={(e) => set({ polarity: e.currentTarget.value as Claim['polarity'] })}>
                  <option value="asserted">asserted</option>
                  <option value="denied">denied</option>
                </select>
              </label>
              <label class="check">
                <input type="checkbox" checked={form.hedged} onChange={(e) => set({ hedged: e.currentTarget.checked })} /> hedged (“reportedly”, “allegedly”)
              </label>
            </fieldset>
          )}
          {mode === 'retract' && <p>Retract this claim (against revision {revision}). It stays in the history.</p>}
          <label>Reason
            <textarea required maxLength={2000} value={form.reason} onInput={(e) => set({ reason: e.currentTarget.value })} />
          </label>
          <p class="actions">
            <button type="submit" disabled={busy}>{mode === 'correct' ? 'Save correction' : 'Retract claim'}</button>{' '}
            <button type="button" onClick={() => setMode(null)}>Cancel</button>
          </p>
        </form>
      )}
    </div>
  );
};
