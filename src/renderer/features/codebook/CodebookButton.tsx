import { useCallback, useEffect, useRef, useState } from 'react';
import { CODEBOOK_FILE_EXTENSION, codebookJson } from '../../../shared/formats/codebook-json';
import { codebookNameOf, qdcCodebook } from '../../../shared/formats/qdc';
import { fileNameSlug } from '../../../shared/text/file-name';
import { chooseCodebook, saveCodebook, setLayers, useCodebooks } from '../../db/codebooks';
import { WithNames } from '../../i18n/WithNames';
import { useCodebook, useCodingLayers, useSession } from '../../session/SessionContext';
import { readFiles } from '../import';
import { CodebookEditor } from './CodebookEditor';
import { useCodebookMessages } from './messages';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The header's codebook control: which codebook this corpus uses, and its editor, import and export. */
export function CodebookButton() {
  const session = useSession();
  const { host } = session;
  const codebook = useCodebook();
  const codebooks = useCodebooks(session.db);
  const layers = useCodingLayers();
  const inLayers = (id: string) => layers.some((l) => l.codebook.id === id);
  const toggleLayer = (id: string) =>
    setLayers(
      session,
      inLayers(id)
        ? layers.filter((l) => l.codebook.id !== id).map((l) => ({ id: l.codebook.id, shown: l.shown }))
        : [...layers.map((l) => ({ id: l.codebook.id, shown: l.shown })), { id, shown: true }],
    ).catch((e) => setOutcome({ kind: 'alert', text: message(e) }));
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'status' | 'alert'; text: string }>();
  const input = useRef<HTMLInputElement>(null);
  const m = useCodebookMessages();

  async function importCodebook(files: File[]) {
    const { entries, refused } = await readFiles(files);
    const file = entries[0];
    if (!file) {
      setOutcome({ kind: 'alert', text: refused.map((p) => `${p.path}: ${p.message}`).join('; ') });
      return;
    }
    const qdc = /\.qdc$/i.test(file.name)
      ? qdcCodebook.parse(file.content, file.name, codebookNameOf(file.name))
      : undefined;
    const parsed = qdc ?? codebookJson.parse(file.content);
    if (!parsed.ok) {
      const problems = parsed.error.slice(0, 5).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
      setOutcome({ kind: 'alert', text: m.notImported(file.name, problems.join('; ')) });
      return;
    }
    try {
      await saveCodebook(session, parsed.value);
      await chooseCodebook(session, parsed.value.id);
      setOutcome({
        kind: 'status',
        text: m.imported(parsed.value.name, parsed.value.version, parsed.value.tags.length),
      });
    } catch (error) {
      setOutcome({ kind: 'alert', text: m.notImported(file.name, message(error)) });
    }
  }

  async function exportCodebook(as: 'json' | 'qdc') {
    try {
      const saved = await host.saveExport(
        as === 'json'
          ? {
              suggestedName: `${codebook.id}-v${codebook.version}${CODEBOOK_FILE_EXTENSION}`,
              content: codebookJson.serialize(codebook),
              encoding: 'utf8',
            }
          : {
              suggestedName: `${fileNameSlug(codebook.name, codebook.id)}.qdc`,
              content: qdcCodebook.serialize(codebook),
              encoding: 'utf8',
            },
      );
      if (saved.status === 'saved') setOutcome({ kind: 'status', text: m.exported(saved.location) });
    } catch (error) {
      setOutcome({ kind: 'alert', text: m.exportFailed(message(error)) });
    }
  }

  const close = useCallback(() => {
    setOpen(false);
    setEditing(false);
    setOutcome(undefined);
  }, []);

  // Esc leaves the editor, then the dialog, wherever the focus is.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (editing) setEditing(false);
      else close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, editing, close]);

  return (
    <>
      <button
        type="button"
        className="secondary codebook-button"
        translate="no"
        onClick={() => setOpen(true)}
        aria-label={m.button(codebook.name)}
        title={`${m.button(codebook.name)}: ${codebook.description}`}
      >
        {codebook.name}
      </button>
      {open && (
        <div className="modal-backdrop">
          <section
            className="modal wide codebook-dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby={editing ? 'codebook-editor-title' : 'codebook-title'}
          >
            {editing ? (
              <CodebookEditor
                codebook={codebook}
                onSave={async (edited) => {
                  await saveCodebook(session, edited);
                  await chooseCodebook(session, edited.id);
                  setEditing(false);
                  setOutcome({ kind: 'status', text: m.saved(edited.name, edited.version) });
                }}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <>
                <h2 id="codebook-title">{m.codebook}</h2>
                <fieldset className="codebook-choice">
                  <legend>{m.choice}</legend>
                  {(codebooks ?? []).map((c) => (
                    <div key={c.id} className="codebook-row">
                      <label>
                        <input
                          type="radio"
                          name="codebook"
                          checked={c.id === codebook.id}
                          onChange={() =>
                            chooseCodebook(session, c.id).catch((e) => setOutcome({ kind: 'alert', text: message(e) }))
                          }
                        />
                        <span className="codebook-option">
                          <strong translate="no">{c.name}</strong>{' '}
                          <span className="muted">{m.tagCount(c.version, c.tags.length)}</span>
                          {c.description && (
                            <span className="muted small block" translate="no">
                              {c.description}
                            </span>
                          )}
                        </span>
                      </label>
                      <label className="layer-toggle">
                        <input
                          type="checkbox"
                          aria-label={m.asLayer(c.name)}
                          checked={c.id === codebook.id || inLayers(c.id)}
                          title={c.id === codebook.id ? m.keysLayer : undefined}
                          onChange={() => c.id !== codebook.id && toggleLayer(c.id)}
                        />{' '}
                        {m.layer}
                      </label>
                    </div>
                  ))}
                </fieldset>
                <p className="muted small">{m.layersNote}</p>
                <p className="muted small">{m.versionsNote}</p>
                {outcome && (
                  <p role={outcome.kind} className={outcome.kind === 'alert' ? 'error' : 'muted'}>
                    {outcome.text}
                  </p>
                )}
                <div className="actions">
                  <button type="button" onClick={() => setEditing(true)}>
                    <WithNames text={m.edit(codebook.name)} names={[codebook.name]} />
                  </button>
                  <button type="button" onClick={() => exportCodebook('json')}>
                    {m.exportJson}
                  </button>
                  <button type="button" onClick={() => exportCodebook('qdc')}>
                    {m.exportQdc}
                  </button>
                  <button type="button" onClick={() => input.current?.click()}>
                    {m.importCodebook}
                  </button>
                  <input
                    ref={input}
                    type="file"
                    accept=".json,application/json,.qdc"
                    hidden
                    aria-label={m.importFile}
                    onChange={(event) => {
                      importCodebook([...(event.target.files ?? [])]).catch((e) =>
                        setOutcome({ kind: 'alert', text: message(e) }),
                      );
                      event.target.value = '';
                    }}
                  />
                  <span className="spacer" />
                  <button type="button" className="primary" onClick={close}>
                    {m.close}
                  </button>
                </div>
              </>
            )}
          </section>
        </div>
      )}
    </>
  );
}
