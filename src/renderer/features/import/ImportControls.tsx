import { useEffect, useRef } from 'react';
import { ImportProgressDialog } from './ImportProgressDialog';
import { ImportReportDialog } from './ImportReportDialog';
import { useImportMessages } from './messages';
import { IMPORT_EXTENSIONS, useImport } from './use-import';

/** "Import…" in the toolbar, and files dropped anywhere on the window. */
export function ImportControls() {
  const { busy, progress, reports, importFiles, cancel, dismiss } = useImport();
  const input = useRef<HTMLInputElement>(null);
  const m = useImportMessages();

  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!event.dataTransfer?.files.length) return;
      event.preventDefault();
      importFiles([...event.dataTransfer.files]);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [importFiles]);

  return (
    <>
      <button type="button" className="secondary" onClick={() => input.current?.click()} disabled={busy}>
        {busy ? m.importing : m.import}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={IMPORT_EXTENSIONS}
        hidden
        aria-label={m.files}
        onChange={(event) => {
          importFiles([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
      {busy && <ImportProgressDialog progress={progress} onCancel={cancel} />}
      {reports && <ImportReportDialog reports={reports} onClose={dismiss} />}
    </>
  );
}
