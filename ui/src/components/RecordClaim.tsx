// An analyst records a claim the rules missed: the selected passage is the evidence, the rest is
// typed in. Written against the revision read, like every change.
import { useState } from 'preact/hooks';
import { analystName, ApiError, setAnalystName, write } from '../api.js';
import { BLANK_CLAIM, evidenceAt, fieldsOf, type ClaimForm } from '../claim-form.js';
import { ClaimFieldset } from './ClaimFieldset.js';

type Props = { articleId: string; body: string; range: { start: number; end: number }; revision: string; onDone: (message: string | null) => void };

const staleNote = (err: unknown, revision: string): string =>
  err instanceof ApiError && err.status === 409
    ? ` (you read revision ${revision}; it is now at ${String(err.body.currentRevision)}: the text now shows the current claims)`
    : '';

export const RecordClaim = ({ articleId, body, range, revision, onDone }: Props) => {
  const [form, setForm] = useState<ClaimForm>(BLANK_CLAIM);
  const [analyst, setAnalyst] = useState(analystName());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const evidence = evidenceAt(body, range.start, range.end);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    if (analyst) setAnalystName(analyst);
    try {
      const saved = await write<{ revision: string }>(`/articles/${articleId}/claims`, { ...fieldsOf(form), evidence }, revision);
      onDone(`Recorded: the article is now at revision ${saved.revision}.`);
    } catch (err) {
      setError(`${(err as Error).message}${staleNote(err, revision)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="edit-form record-form" onSubmit={(e) => void submit(e)} aria-label="record a claim">
      <h2>Record a claim</h2>
      <blockquote class="evidence">{evidence.text}</blockquote>
      {error && (
        <p class="error" role="alert">
          Not recorded: {error}
        </p>
      )}
      <fieldset>
        <legend>The claim (against revision {revision})</legend>
        <ClaimFieldset form={form} set={(patch) => setForm({ ...form, ...patch })} />
        <label>
          Your name (optional, recorded with the claim)
          <input value={analyst} onInput={(e) => setAnalyst(e.currentTarget.value)} />
        </label>
      </fieldset>
      <p class="actions">
        <button type="submit" disabled={busy}>
          Record claim
        </button>{' '}
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </p>
    </form>
  );
};
