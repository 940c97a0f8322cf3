// Withdraw the article (DELETE /articles/:id) against the revision the analyst read, with a reason.
// The server decides who may (the analyst role, as for retracting a claim): a refusal is shown as it comes.
import { useState } from 'preact/hooks';
import { ApiError, write } from '../api.js';

export const WithdrawArticle = ({ articleId, revision, onDone }: { articleId: string; revision: string; onDone: () => void }) => {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await write(`/articles/${encodeURIComponent(articleId)}`, { reason }, revision, 'DELETE');
      setOpen(false);
    } catch (failure) {
      const current = failure instanceof ApiError && failure.status === 409 ? failure.body.currentRevision : undefined;
      // A stale If-Match says which revision the stream is at; any other refusal (a 403 for a reader's key) is shown as it comes.
      setError(
        typeof current === 'string'
          ? `someone changed this article after you read it (revision ${revision}; it is now at ${current}). Check it, then withdraw again.`
          : (failure as Error).message,
      );
    } finally {
      setBusy(false);
      onDone();
    }
  };

  if (!open) {
    return (
      <p class="actions">
        <button
          type="button"
          class="danger"
          id="withdraw-article"
          onClick={() => {
            setOpen(true);
            setError(null);
          }}
        >
          Withdraw article…
        </button>
        {error && (
          <span class="error" role="alert">
            {' '}
            Not withdrawn: {error}
          </span>
        )}
      </p>
    );
  }
  return (
    <form class="edit-form" id="withdraw-form" aria-label="withdraw this article" onSubmit={(e) => void submit(e)}>
      <p>Withdraw this article (against revision {revision}): it and its claims leave every read model; its events stay in the audit trail.</p>
      <label>
        Reason
        <textarea required maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      {error && (
        <p class="error" role="alert">
          Not withdrawn: {error}
        </p>
      )}
      <p class="actions">
        <button type="submit" class="danger" disabled={busy}>
          Withdraw article
        </button>{' '}
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </p>
    </form>
  );
};
