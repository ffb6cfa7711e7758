import { type FormEvent, useState } from 'react';
import { useAnnotatorMessages } from './messages';

interface Props {
  onSave(name: string): Promise<unknown>;
  /** The name now, when the analyst changes it; absent on first start, when there is none yet. */
  current?: string;
  onCancel?(): void;
}

/**
 * Asked once: every claim records who made it, so team review can tell annotators apart. Changed
 * later from the header: the new name goes on claims made from then on.
 */
export function AnnotatorDialog({ onSave, current, onCancel }: Props) {
  const [name, setName] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const m = useAnnotatorMessages();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(m.empty);
      return;
    }
    try {
      await onSave(trimmed);
    } catch (failure) {
      setError(m.failed(failure instanceof Error ? failure.message : String(failure)));
    }
  }

  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        onSubmit={submit}
        aria-labelledby="annotator-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel?.();
        }}
      >
        <h2 id="annotator-title">{current === undefined ? m.title : m.changeTitle}</h2>
        <p>{current === undefined ? m.why : m.changeWhy}</p>
        <label>
          {m.name}
          {/* biome-ignore lint/a11y/noAutofocus: the dialog is the only thing to do on first start */}
          <input value={name} onChange={(event) => setName(event.target.value)} autoFocus maxLength={80} />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {m.cancel}
            </button>
          )}
          <button type="submit" className="primary">
            {current === undefined ? m.start : m.save}
          </button>
        </div>
      </form>
    </div>
  );
}
