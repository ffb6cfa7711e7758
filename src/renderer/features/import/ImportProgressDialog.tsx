import { useEffect, useRef } from 'react';
import type { ImportProgress } from '../../../shared/import/run-import';
import { useImportMessages } from './messages';

/** While files are imported: which one, how many of its claims are placed, and a way to stop. */
export function ImportProgressDialog({ progress, onCancel }: { progress: ImportProgress | null; onCancel(): void }) {
  const m = useImportMessages();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="modal-backdrop">
      <section
        className="modal"
        role="dialog"
        aria-labelledby="import-progress-title"
        aria-modal="true"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      >
        <h2 id="import-progress-title">{m.importing}</h2>
        {progress && (
          <>
            <p className="import-file">{m.fileOf(progress.source, progress.file, progress.files)}</p>
            <progress
              className="import-progress"
              max={Math.max(progress.total, 1)}
              value={progress.done}
              aria-label={m.placing}
            />
            <p role="status">{progress.total > 0 ? m.placed(progress.done, progress.total) : m.reading}</p>
          </>
        )}
        <p className="muted">{m.cancelKeeps}</p>
        <button ref={cancel} type="button" className="secondary" onClick={onCancel}>
          {m.cancel}
        </button>
      </section>
    </div>
  );
}
