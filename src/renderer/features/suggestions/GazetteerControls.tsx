import { useId, useRef, useState } from 'react';
import { gazetteer, resolveGazetteer } from '../../../shared/formats/gazetteer';
import type { Codebook } from '../../../shared/model/codebook';
import { fileNameSlug } from '../../../shared/text/file-name';
import { setGazetteer, useGazetteer } from '../../db/suggestions';
import { useHost } from '../../host/HostContext';
import { useSharedText } from '../../i18n/shared-messages';
import { useSession } from '../../session/SessionContext';
import { readFiles } from '../import';
import { useSuggestionMessages } from './messages';

interface Props {
  codebook: Codebook;
  /** What the suggestions were learned from, written out as a gazetteer. */
  learned(): { text: string; tagId: string }[];
}

/** The codebook's gazetteer: imported from a file (all of it or nothing), exported with what was learned. */
export function GazetteerControls({ codebook, learned }: Props) {
  const session = useSession();
  const host = useHost();
  const entries = useGazetteer(session, codebook.id);
  const m = useSuggestionMessages();
  const shared = useSharedText();
  const [listTag, setListTag] = useState('');
  const [outcome, setOutcome] = useState<{ kind: 'status' | 'alert'; text: string }>();
  const input = useRef<HTMLInputElement>(null);
  const tagSelect = useId();
  const failure = (error: unknown) =>
    setOutcome({ kind: 'alert', text: m.failed(error instanceof Error ? error.message : String(error)) });

  async function importFile(files: File[]) {
    const { entries: read, refused } = await readFiles(files);
    const file = read[0];
    if (!file) {
      setOutcome({ kind: 'alert', text: refused.map((p) => `${p.path}: ${shared(p.message)}`).join('; ') });
      return;
    }
    const parsed = gazetteer.parse(file.content);
    const resolved = parsed.ok ? resolveGazetteer(parsed.value, codebook.tags, listTag || undefined) : parsed;
    if (!resolved.ok) {
      const problems = resolved.error.slice(0, 5).map((p) => `${shared(p.path)}: ${shared(p.message)}`);
      const more = resolved.error.length > 5 ? [shared(`and ${resolved.error.length - 5} more problems`)] : [];
      setOutcome({ kind: 'alert', text: m.notImported(file.name, [...problems, ...more].join('; ')) });
      return;
    }
    await setGazetteer(session, codebook.id, resolved.value).then(
      () => setOutcome({ kind: 'status', text: m.imported(resolved.value.length, file.name) }),
      failure,
    );
  }

  async function exportLearned() {
    const labelOf = (id: string) => codebook.tags.find((tag) => tag.id === id)?.label ?? id;
    const lines = learned().map((entry, i) => ({ line: i + 1, text: entry.text, tag: labelOf(entry.tagId) }));
    try {
      const saved = await host.saveExport({
        suggestedName: `${fileNameSlug(codebook.name, codebook.id)}-gazetteer.tsv`,
        content: gazetteer.serialize(lines),
        encoding: 'utf8',
      });
      if (saved.status === 'saved') setOutcome({ kind: 'status', text: m.exported(saved.location) });
    } catch (error) {
      failure(error);
    }
  }

  return (
    <details className="gazetteer">
      <summary>
        {m.gazetteer} <span className="muted small">{m.gazetteerSize(entries?.length ?? 0)}</span>
      </summary>
      <p className="muted small">{m.gazetteerHelp}</p>
      <p>
        <label htmlFor={tagSelect}>{m.listTag}</label>{' '}
        <select id={tagSelect} value={listTag} onChange={(event) => setListTag(event.target.value)}>
          <option value="">{m.noListTag}</option>
          {codebook.tags.map((tag) => (
            <option key={tag.id} value={tag.id} translate="no">
              {tag.label}
            </option>
          ))}
        </select>
      </p>
      <p className="suggestion-actions">
        <button type="button" onClick={() => input.current?.click()}>
          {m.importGazetteer}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".tsv,.txt,text/tab-separated-values,text/plain"
          aria-label={m.gazetteerFile}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            importFile(files).catch(failure);
          }}
        />
        <button type="button" onClick={() => exportLearned()}>
          {m.exportGazetteer}
        </button>
        {(entries?.length ?? 0) > 0 && (
          <button type="button" className="link" onClick={() => setGazetteer(session, codebook.id, []).catch(failure)}>
            {m.removeGazetteer}
          </button>
        )}
      </p>
      {outcome && (
        <p role={outcome.kind} className={outcome.kind === 'alert' ? 'error' : 'muted small'}>
          {outcome.text}
        </p>
      )}
    </details>
  );
}
