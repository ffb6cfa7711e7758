import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Annotation, ClaimAttributes } from '../../../shared/model/annotation';
import type { AttributeValue, Codebook } from '../../../shared/model/codebook';
import { typedValue } from '../../db/typed-drafts';
import { useSession } from '../../session/SessionContext';
import { useAnnotateMessages } from './messages';

/** How long typing pauses before what was typed is saved. */
const TYPING_PAUSE_MS = 400;

/**
 * A typed attribute, saved as the analyst types: after each pause, and at once when the field is
 * left, Enter is pressed, the panel closes or the window goes away. Until then the top bar says
 * "Saving…". A change from elsewhere (undo) shows unless the analyst is typing.
 */
function useTypedAttribute(
  claim: Pick<Annotation, 'id' | 'documentId'>,
  key: 'speaker' | 'note',
  stored: string | undefined,
  save: (patch: Partial<ClaimAttributes>, typed: boolean) => Promise<void>,
) {
  const { saves, drafts } = useSession();
  const field = useId();
  const [value, setValue] = useState(stored ?? '');
  const unsaved = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latestSave = useRef(save);
  latestSave.current = save;

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const typed = unsaved.current;
    if (typed === null) return;
    unsaved.current = null;
    saves.typing(field, false);
    // The draft goes once the text is in the database; if the write fails it stays for next time.
    latestSave.current({ [key]: typedValue(typed) }, true).then(
      () => unsaved.current === null && drafts.drop({ claimId: claim.id, field: key }),
      () => undefined,
    );
  }, [key, saves, field, drafts, claim.id]);

  // What the field shows, kept to tell the echo of its own save (trimmed) from a change made
  // elsewhere (an undo), which replaces it.
  const shown = useRef(value);
  shown.current = value;
  useEffect(() => {
    if (unsaved.current === null && typedValue(shown.current) !== stored) setValue(stored ?? '');
  }, [stored]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, [flush]);

  const change = (next: string) => {
    setValue(next);
    unsaved.current = next;
    saves.typing(field, true);
    drafts.keep({ documentId: claim.documentId, claimId: claim.id, field: key, value: next });
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, TYPING_PAUSE_MS);
  };
  return { value, change, flush };
}

/** The codebook's values, and the claim's own if another codebook gave it one this one lacks. */
const withCurrent = (values: readonly AttributeValue[], current: string | undefined): readonly AttributeValue[] =>
  current === undefined || values.some((v) => v.id === current) ? values : [...values, { id: current, label: current }];

interface Props {
  claim: Pick<Annotation, 'id' | 'documentId'>;
  attributes: ClaimAttributes;
  codebook: Codebook;
  /** Speakers named elsewhere, offered as the analyst types. */
  speakers: readonly string[];
  /** The fields that changed (undefined clears one); the rest stay as stored. `typed`: saved while typing. */
  onChange(patch: Partial<ClaimAttributes>, typed?: boolean): Promise<void>;
}

/**
 * Who asserts the claim, how the article presents it, how sure the analyst is, and a note.
 * Choices save at once; typed text saves as it is typed (see useTypedAttribute), and one bout of
 * typing into a field is one undo step rather than one per pause.
 */
export function ClaimAttributesForm({ claim, attributes, codebook, speakers, onChange }: Props) {
  const listId = useId();
  const m = useAnnotateMessages();
  // Only the changed fields are sent: edits in quick succession each land, whatever the
  // attributes shown here were when the one before was still being written.
  const save = async (patch: Partial<ClaimAttributes>, typed = false) => {
    const changed = (Object.keys(patch) as (keyof ClaimAttributes)[]).some((key) => patch[key] !== attributes[key]);
    if (changed) await onChange(patch, typed);
  };
  // A failed write is reported by the panel; a choice has nothing more to do about it.
  const chosen = (patch: Partial<ClaimAttributes>) => save(patch).catch(() => undefined);
  const speaker = useTypedAttribute(claim, 'speaker', attributes.speaker, save);
  const note = useTypedAttribute(claim, 'note', attributes.note, save);

  return (
    <fieldset className="claim-attributes">
      <legend>{m.attributes}</legend>
      <label>
        {m.speaker}
        <input
          list={listId}
          value={speaker.value}
          placeholder={m.speakerHint}
          onChange={(event) => speaker.change(event.target.value)}
          onBlur={speaker.flush}
          onKeyDown={(event) => {
            if (event.key === 'Enter') speaker.flush();
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
        <select
          value={attributes.stance ?? ''}
          onChange={(event) => chosen({ stance: event.target.value || undefined })}
        >
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
          onChange={(event) => chosen({ confidence: event.target.value || undefined })}
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
          value={note.value}
          onChange={(event) => note.change(event.target.value)}
          onBlur={note.flush}
          onKeyDown={(event) => {
            if (event.key === 'Escape') (event.target as HTMLTextAreaElement).blur();
          }}
        />
      </label>
    </fieldset>
  );
}
