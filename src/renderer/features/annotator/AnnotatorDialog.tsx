import { type FormEvent, useState } from 'react';

interface Props {
  onSave(name: string): Promise<unknown>;
}

/** Asked once: every claim records who made it, so team review can tell annotators apart. */
export function AnnotatorDialog({ onSave }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Please enter a name.');
      return;
    }
    try {
      await onSave(trimmed);
    } catch (failure) {
      setError(`Could not save your name: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  }

  return (
    <div className="modal-backdrop">
      <form className="modal" onSubmit={submit} aria-labelledby="annotator-title">
        <h2 id="annotator-title">Who is annotating?</h2>
        <p>
          Your name is stored on this computer and recorded on every claim you make, so that a team can compare work.
        </p>
        <label>
          Your name
          {/* biome-ignore lint/a11y/noAutofocus: the dialog is the only thing to do on first start */}
          <input value={name} onChange={(event) => setName(event.target.value)} autoFocus maxLength={80} />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          Start annotating
        </button>
      </form>
    </div>
  );
}
