// The inputs for every field of a claim but its evidence, shared by recording and correcting, so
// the two forms cannot drift apart (a field the one can set and the other cannot change).
import type { ClaimForm } from '../claim-form.js';
import { CLAIM_TYPES, POLARITIES, TOPICS, TYPE_LABEL, type ClaimType, type Polarity } from '../types.js';

type Props = { form: ClaimForm; set: (patch: Partial<ClaimForm>) => void };

export const ClaimFieldset = ({ form, set }: Props) => (
  <>
    <label>
      Type
      <select value={form.type} onChange={(e) => set({ type: e.currentTarget.value as ClaimType })}>
        {CLAIM_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_LABEL[t]} ({t})
          </option>
        ))}
      </select>
    </label>
    <label>
      Actors (party ids, comma-separated)
      <input value={form.actors} onInput={(e) => set({ actors: e.currentTarget.value })} />
    </label>
    <label>
      Targets (party ids, comma-separated)
      <input value={form.targets} onInput={(e) => set({ targets: e.currentTarget.value })} />
    </label>
    <label>
      What
      <input value={form.content} onInput={(e) => set({ content: e.currentTarget.value })} />
    </label>
    <SourceInputs form={form} set={set} />
    <label>
      Polarity
      <select value={form.polarity} onChange={(e) => set({ polarity: e.currentTarget.value as Polarity })}>
        {POLARITIES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </label>
    <label class="check">
      <input type="checkbox" checked={form.hedged} onChange={(e) => set({ hedged: e.currentTarget.checked })} /> hedged (“reportedly”, “allegedly”)
    </label>
    <TopicInputs form={form} set={set} />
  </>
);

/** Who the article cites: an empty party id means the outlet itself asserts the claim. */
const SourceInputs = ({ form, set }: Props) => (
  <fieldset class="source-fields">
    <legend>Source</legend>
    <label>
      Source party id (empty: the outlet itself)
      <input value={form.sourceParty} onInput={(e) => set({ sourceParty: e.currentTarget.value })} />
    </label>
    <label>
      Source as named
      <input value={form.sourceMention} onInput={(e) => set({ sourceMention: e.currentTarget.value })} />
    </label>
    <label>
      Cue
      <input value={form.cue} onInput={(e) => set({ cue: e.currentTarget.value })} />
    </label>
    <label>
      Via (outlet the source spoke to)
      <input value={form.via} onInput={(e) => set({ via: e.currentTarget.value })} />
    </label>
  </fieldset>
);

const TopicInputs = ({ form, set }: Props) => (
  <fieldset class="topics">
    <legend>Topics</legend>
    {TOPICS.map((t) => (
      <label key={t} class="check">
        <input
          type="checkbox"
          checked={form.topics.includes(t)}
          onChange={(e) => set({ topics: e.currentTarget.checked ? [...form.topics, t] : form.topics.filter((x) => x !== t) })}
        />{' '}
        {t}
      </label>
    ))}
  </fieldset>
);
