// Correct or retract one claim against the revision the analyst read. A 409 is shown with the
// revision the stream has now, and the caller reloads the current state: nothing is overwritten.
import { useState } from 'preact/hooks';
import { ApiError, write } from '../api.js';
import { changesOf, formOf, type ClaimForm } from '../claim-form.js';
import type { Claim, Evidence } from '../types.js';
import { ClaimFieldset } from './ClaimFieldset.js';
import { EvidenceInputs } from './EvidenceInputs.js';

type Mode = 'correct' | 'retract';
type Outcome = { kind: 'saved'; revision: string } | { kind: 'stale'; read: string; current: string } | { kind: 'error'; message: string } | null;
type Props = {
  claim: Claim;
  /** The article's body, which evidence offsets point into. */
  body: string;
  revision: string;
  /** The reader's selection in the article, as body offsets, for new evidence. */
  selection: () => { start: number; end: number } | null;
  onDone: () => void;
};

const outcomeOf = (error: unknown, revision: string): Outcome =>
  error instanceof ApiError && error.status === 409 && typeof error.body.currentRevision === 'string'
    ? { kind: 'stale', read: revision, current: error.body.currentRevision }
    : { kind: 'error', message: (error as Error).message };

export const ClaimEditor = ({ claim, body, revision, selection, onDone }: Props) => {
  const [mode, setMode] = useState<Mode | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<ClaimForm>(() => formOf(claim));
  const [evidence, setEvidence] = useState<Evidence>(claim.evidence);
  const [reason, setReason] = useState('');

  const submit = async (e: Event) => {
    e.preventDefault();
    const changes = changesOf(form, claim, evidence);
    if (mode === 'correct' && Object.keys(changes).length === 0) {
      setOutcome({ kind: 'error', message: 'Nothing changed: edit a field first.' });
      return;
    }
    setBusy(true);
    try {
      const path = `/claims/${encodeURIComponent(claim.claimId)}/${mode === 'correct' ? 'correction' : 'retraction'}`;
      const saved = await write<{ revision: string }>(path, mode === 'correct' ? { changes, reason } : { reason }, revision);
      setOutcome({ kind: 'saved', revision: saved.revision });
      setMode(null);
    } catch (error) {
      setOutcome(outcomeOf(error, revision));
    } finally {
      setBusy(false);
      onDone();
    }
  };

  const open = (m: Mode) => {
    setMode(m);
    setOutcome(null);
  };

  return (
    <div class="editor">
      {!mode && !claim.retracted && (
        <p class="actions">
          <button type="button" onClick={() => open('correct')}>
            Correct…
          </button>{' '}
          <button type="button" class="danger" onClick={() => open('retract')}>
            Retract…
          </button>
        </p>
      )}
      <OutcomeNote outcome={outcome} />
      {mode && (
        <form class="edit-form" onSubmit={(e) => void submit(e)} aria-label={mode === 'correct' ? 'correct this claim' : 'retract this claim'}>
          {mode === 'correct' && (
            <fieldset>
              <legend>Correct the claim (against revision {revision})</legend>
              <ClaimFieldset form={form} set={(patch) => setForm({ ...form, ...patch })} />
              <EvidenceInputs body={body} evidence={evidence} set={setEvidence} selection={selection} />
            </fieldset>
          )}
          {mode === 'retract' && <p>Retract this claim (against revision {revision}). It stays in the history.</p>}
          <label>
            Reason
            <textarea required maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <p class="actions">
            <button type="submit" disabled={busy || evidence.start >= evidence.end}>
              {mode === 'correct' ? 'Save correction' : 'Retract claim'}
            </button>{' '}
            <button type="button" onClick={() => setMode(null)}>
              Cancel
            </button>
          </p>
        </form>
      )}
    </div>
  );
};

const OutcomeNote = ({ outcome }: { outcome: Outcome }) => {
  if (outcome?.kind === 'saved')
    return (
      <p class="ok" role="status">
        Saved: the article is now at revision {outcome.revision}.
      </p>
    );
  if (outcome?.kind === 'error')
    return (
      <p class="error" role="alert">
        Not saved: {outcome.message}
      </p>
    );
  if (outcome?.kind !== 'stale') return null;
  return (
    <p class="error stale" role="alert">
      Not saved: someone changed this article after you read it (you read revision {outcome.read}; it is now at {outcome.current}). The claim as it stands now
      is shown above. Check it, then submit again if your change still applies.
    </p>
  );
};
