import { type FormEvent, useState } from 'react';
import { useAnnotatorMessages } from './messages';

interface Props {
  onSave(name: string): Promise<unknown>;
}

/** Asked once: every claim records who made it, so team review can tell annotators apart. */
export function AnnotatorDialog({ onSave }: Props) {
  const [name, setName] = useState('');
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
      <form className="modal" onSubmit={submit} aria-labelledby="annotator-title">
        <h2 id="annotator-title">{m.title}</h2>
        <p>{m.why}</p>
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
        <button type="submit" className="primary">
          {m.start}
        </button>
      </form>
    </div>
  );
}
