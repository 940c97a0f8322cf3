// Where in the article a claim's evidence lies: offsets into the body, or the reader's selection.
// The quoted text is always cut from the body itself, so it matches what the server checks.
import type { Evidence } from '../types.js';
import { evidenceAt } from '../claim-form.js';

type Range = { start: number; end: number };
type Props = { body: string; evidence: Evidence; set: (evidence: Evidence) => void; selection: () => Range | null };

export const EvidenceInputs = ({ body, evidence, set, selection }: Props) => {
  const at = (start: number, end: number) => set(evidenceAt(body, start, end));
  const valid = evidence.start < evidence.end;
  return (
    <fieldset class="evidence-fields">
      <legend>Evidence</legend>
      <p class="actions">
        <button
          type="button"
          // Read the selection before the click can disturb it.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            const range = selection();
            if (range) at(range.start, range.end);
          }}
        >
          Use the text selected in the article
        </button>
      </p>
      <label>
        Starts at character
        <input type="number" min={0} max={body.length} value={evidence.start} onInput={(e) => at(Number(e.currentTarget.value), evidence.end)} />
      </label>
      <label>
        Ends before character
        <input type="number" min={1} max={body.length} value={evidence.end} onInput={(e) => at(evidence.start, Number(e.currentTarget.value))} />
      </label>
      {valid ? (
        <blockquote class="evidence" aria-label="evidence as it will be saved">
          {evidence.text}
        </blockquote>
      ) : (
        <p class="error">The evidence must end after it starts.</p>
      )}
    </fieldset>
  );
};
