import { useEffect, useId, useState } from 'react';
import type { ClaimAttributes } from '../../../shared/model/annotation';
import type { AttributeValue, Codebook } from '../../../shared/model/codebook';
import { useAnnotateMessages } from './messages';

/** The codebook's values, and the claim's own if another codebook gave it one this one lacks. */
const withCurrent = (values: readonly AttributeValue[], current: string | undefined): readonly AttributeValue[] =>
  current === undefined || values.some((v) => v.id === current) ? values : [...values, { id: current, label: current }];

interface Props {
  attributes: ClaimAttributes;
  codebook: Codebook;
  /** Speakers named elsewhere, offered as the analyst types. */
  speakers: readonly string[];
  /** The fields that changed (undefined clears one); the rest stay as stored. */
  onChange(patch: Partial<ClaimAttributes>): void;
}

/**
 * Who asserts the claim, how the article presents it, how sure the analyst is, and a note.
 * Choices save at once; typed text saves when the field is left or Enter is pressed, so one
 * edit is one undo step rather than one per key.
 */
export function ClaimAttributesForm({ attributes, codebook, speakers, onChange }: Props) {
  const listId = useId();
  const m = useAnnotateMessages();
  const [speaker, setSpeaker] = useState(attributes.speaker ?? '');
  const [note, setNote] = useState(attributes.note ?? '');
  useEffect(() => setSpeaker(attributes.speaker ?? ''), [attributes.speaker]);
  useEffect(() => setNote(attributes.note ?? ''), [attributes.note]);

  // Only the changed fields are sent: edits in quick succession each land, whatever the
  // attributes shown here were when the one before was still being written.
  const save = (patch: Partial<ClaimAttributes>) => {
    const changed = (Object.keys(patch) as (keyof ClaimAttributes)[]).some((key) => patch[key] !== attributes[key]);
    if (changed) onChange(patch);
  };
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());

  return (
    <fieldset className="claim-attributes">
      <legend>{m.attributes}</legend>
      <label>
        {m.speaker}
        <input
          list={listId}
          value={speaker}
          placeholder={m.speakerHint}
          onChange={(event) => setSpeaker(event.target.value)}
          onBlur={() => save({ speaker: text(speaker) })}
          onKeyDown={(event) => {
            if (event.key === 'Enter') save({ speaker: text(speaker) });
            if (event.key === 'Escape') (event.target as HTMLInputElement).blur();
          }}
        />
        <datalist id={listId}>
          {speakers.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      <label>
        {m.stance}
        <select value={attributes.stance ?? ''} onChange={(event) => save({ stance: event.target.value || undefined })}>
          <option value="">{m.notSet}</option>
          {withCurrent(codebook.attributes.stance, attributes.stance).map((value) => (
            <option key={value.id} value={value.id}>
              {value.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {m.confidence}
        <select
          value={attributes.confidence ?? ''}
          onChange={(event) => save({ confidence: event.target.value || undefined })}
        >
          <option value="">{m.notSet}</option>
          {withCurrent(codebook.attributes.confidence, attributes.confidence).map((value) => (
            <option key={value.id} value={value.id}>
              {value.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {m.note}
        <textarea
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          onBlur={() => save({ note: text(note) })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') (event.target as HTMLTextAreaElement).blur();
          }}
        />
      </label>
    </fieldset>
  );
}
