import { useState } from 'react';
import { formats } from '../../../shared/formats/registry';
import { compareForDisplay } from '../../../shared/text/compare';
import { useAnnotators } from '../../db/claim-queries';
import { useNotify } from '../../notices';
import { useCodebook, useCodingLayers, useSession, useTagBook } from '../../session/SessionContext';
import { LayerChoice } from '../codebook';
import { type ExportChoice, exportFromDatabase } from './build-export';
import { useExportMessages } from './messages';

interface Props {
  openDocumentId: string | undefined;
}

/** Export in any supported format, for the corpus, the open document, or only your own claims. */
export function ExportButton({ openDocumentId }: Props) {
  const session = useSession();
  const codebook = useCodebook();
  const { host, listing, annotator } = session;
  const m = useExportMessages();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<ExportChoice>({
    format: 'native',
    scope: 'corpus',
    documentIds: openDocumentId ? [openDocumentId] : [],
    includeTexts: false,
    annotator,
  });
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const tagBook = useTagBook();
  const layers = useCodingLayers();

  async function run() {
    setOpen(false);
    setBusy(true);
    try {
      // One layer's export carries that layer's codebook; every layer's, the one whose keys apply.
      const layerCodebook = layers.find((l) => l.codebook.id === choice.layer)?.codebook ?? codebook;
      const { request, unchecked } = await exportFromDatabase(
        session,
        layerCodebook,
        { ...choice, layer: layers.length > 1 ? (choice.layer ?? '') : undefined },
        { tagBook },
      );
      const saved = await host.saveExport(request);
      if (saved.status !== 'saved') return;
      const skipped = unchecked.map((d) => `${d.id} (${d.reason})`).join('; ');
      notify({
        kind: unchecked.length > 0 ? 'error' : 'done',
        names: [saved.location, ...unchecked.map((d) => d.id)],
        text: (language) => {
          const said = useExportMessages.of(language);
          const where = saved.inDownloads ? said.downloaded(saved.location) : said.exported(saved.location);
          return skipped ? `${where} ${said.unchecked(skipped)}` : where;
        },
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      notify({ kind: 'error', text: (language) => useExportMessages.of(language).failed(reason) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="export">
      <button
        type="button"
        className="primary"
        onClick={() => {
          // The dialog starts from the document being read.
          if (!open && openDocumentId) setChoice({ ...choice, documentIds: [openDocumentId] });
          setOpen(!open);
        }}
        disabled={busy}
      >
        {busy ? m.exporting : m.export}
      </button>
      {open && (
        <div className="modal-backdrop">
          <form
            className="modal"
            aria-labelledby="export-title"
            onSubmit={(event) => {
              event.preventDefault();
              run();
            }}
          >
            <h2 id="export-title">{m.title}</h2>
            <label>
              {m.format}
              <select
                value={choice.format}
                onChange={(event) => setChoice({ ...choice, format: event.target.value as ExportChoice['format'] })}
              >
                {formats.map((f) => (
                  <option key={f.id} value={f.id}>
                    {m.formatOption(f.name, f.offsetUnit)}
                  </option>
                ))}
              </select>
            </label>
            <LayerChoice
              value={choice.layer ?? ''}
              onChange={(layer) => setChoice({ ...choice, layer })}
              every={m.allLayers}
            />
            <LeftOut formatId={choice.format} />
            <fieldset>
              <legend>{m.scope}</legend>
              {(['corpus', 'documents', 'annotator'] as const).map((scope) => (
                <label key={scope} className="inline">
                  <input
                    type="radio"
                    name="scope"
                    checked={choice.scope === scope}
                    onChange={() => setChoice({ ...choice, scope })}
                  />
                  {m.scopes[scope]}
                </label>
              ))}
              <select
                multiple
                aria-label={m.documentChoice}
                className="document-choice"
                value={choice.documentIds}
                disabled={choice.scope !== 'documents'}
                onChange={(event) =>
                  setChoice({ ...choice, documentIds: [...event.target.selectedOptions].map((o) => o.value) })
                }
              >
                {listing.documents.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
              <select
                aria-label={m.annotatorChoice}
                value={choice.annotator}
                disabled={choice.scope !== 'annotator'}
                onChange={(event) => setChoice({ ...choice, annotator: event.target.value })}
              >
                <AnnotatorOptions me={annotator} />
              </select>
            </fieldset>
            {choice.format === 'native' && (
              <label className="inline">
                <input
                  type="checkbox"
                  checked={choice.includeTexts}
                  onChange={(event) => setChoice({ ...choice, includeTexts: event.target.checked })}
                />
                {m.includeTexts}
              </label>
            )}
            <div className="actions">
              <button type="button" onClick={() => setOpen(false)}>
                {m.cancel}
              </button>
              <button type="submit" className="primary">
                {m.submit}
              </button>
            </div>
          </form>
        </div>
      )}
    </div>
  );
}

/**
 * Everyone with claims in the corpus, read only while the dialog is open: the query reads every
 * claim, and would run again after each claim the analyst makes.
 */
function AnnotatorOptions({ me }: { me: string }) {
  const others = useAnnotators(useSession()) ?? [];
  const names = [...new Set([me, ...others])].sort(compareForDisplay);
  return names.map((name) => (
    <option key={name} value={name}>
      {name}
    </option>
  ));
}

/** What the chosen format cannot hold, said before the file is written. */
function LeftOut({ formatId }: { formatId: ExportChoice['format'] }) {
  const m = useExportMessages();
  const lost = formats.find((f) => f.id === formatId)?.leavesOut ?? [];
  if (lost.length === 0) return null;
  return (
    <p className="muted small export-loss" role="note">
      {m.leavesOut(lost.map((kept) => m.kept[kept]))}
    </p>
  );
}
