// Who did what to a claim: every event of its stream, with the analyst (or extractor) it names and
// the API key it came with, so the audit trail is visible where the claim is edited.
import { get } from '../api.js';
import { when } from '../format.js';
import type { ClaimDetail } from '../types.js';
import { useFetch } from '../use-fetch.js';

const keyNote = (keyId: string | null): string =>
  keyId === null ? 'no key' : keyId === 'API_KEY' ? 'shared key: name not verified' : `key ${keyId}`;

export const ClaimHistory = ({ claimId, version }: { claimId: string; version: number }) => {
  const detail = useFetch(() => get<ClaimDetail>(`/claims/${encodeURIComponent(claimId)}`), [claimId, version]);
  if (!detail.data) return null;
  return (
    <details class="claim-history">
      <summary>History ({detail.data.history.length})</summary>
      <ol>
        {detail.data.history.map((h) => (
          <li key={h.position} data-key-id={h.keyId ?? ''}>
            {when(h.recordedAt)}: {h.type} by <strong>{h.recordedBy ?? 'unknown'}</strong> <span class="muted">({keyNote(h.keyId)})</span>
          </li>
        ))}
      </ol>
    </details>
  );
};
