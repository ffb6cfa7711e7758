import { useId, useState } from 'react';
import { ulid } from 'ulid';
import { type CodedText, type CodingPlan, type Extent, planCoding } from '../../../shared/concordance';
import type { ConcordanceHit } from '../../../shared/host-api';
import type { Annotation } from '../../../shared/model/annotation';
import { useShortcuts } from '../../keyboard/KeyboardProvider';
import { useCodebook, useSession } from '../../session/SessionContext';
import { useSearchMessages } from './messages';

interface Props {
  /** The selected hits, in corpus order. */
  hits: readonly ConcordanceHit[];
  query: string;
  regex: boolean;
  /** The live claims of each document, to skip hits already coded. */
  claims: ReadonlyMap<string, readonly Annotation[]> | undefined;
}

type Stage =
  | { kind: 'choosing' }
  | { kind: 'planning' }
  | { kind: 'preview'; plan: CodingPlan; tag: string }
  | { kind: 'done'; made: readonly Annotation[]; tag: string; plan: CodingPlan; undone: boolean }
  | { kind: 'failed'; reason: string };

const EXTENTS: readonly Extent[] = ['hit', 'sentence', 'paragraph'];
const PREVIEW_LINES = 5;

/**
 * Codes the selected hits with one tag: the hit itself, its sentence or its paragraph. A preview
 * says what will be made and what is skipped; the claims are then made in one write, and taken
 * back (or put back) as one.
 */
export function CodeHits({ hits, query, regex, claims }: Props) {
  const session = useSession();
  const codebook = useCodebook();
  const m = useSearchMessages();
  const [extent, setExtent] = useState<Extent>('hit');
  const [tagId, setTagId] = useState(codebook.tags[0]?.id ?? '');
  const [stage, setStage] = useState<Stage>({ kind: 'choosing' });
  const extentId = useId();
  const tagLabel = (id: string) => codebook.tags.find((tag) => tag.id === id)?.label ?? id;

  const preview = async () => {
    setStage({ kind: 'planning' });
    try {
      const texts = new Map<string, CodedText>();
      for (const id of new Set(hits.map((hit) => hit.document))) {
        const document = await session.readDocument(id);
        texts.set(id, { id, sha256: document.sha256, language: document.language, text: document.text });
      }
      const plan = planCoding(hits, texts, claims ?? new Map(), {
        query,
        regex,
        extent,
        tagId,
        annotator: session.annotator,
        codebook: { id: codebook.id, version: codebook.version },
        now: new Date().toISOString(),
        newId: ulid,
      });
      setStage({ kind: 'preview', plan, tag: tagId });
    } catch (error) {
      setStage({ kind: 'failed', reason: (error as Error).message });
    }
  };

  const make = async (plan: CodingPlan, tag: string) => {
    try {
      await session.claims.addTogether(plan.claims);
      setStage({ kind: 'done', made: plan.claims, tag, plan, undone: false });
    } catch (error) {
      setStage({ kind: 'failed', reason: (error as Error).message });
    }
  };

  const toggle = async (done: Extract<Stage, { kind: 'done' }>) => {
    try {
      await session.claims.setTogether(done.made, done.undone);
      setStage({ ...done, undone: !done.undone });
    } catch (error) {
      setStage({ kind: 'failed', reason: (error as Error).message });
    }
  };

  useShortcuts('search', {
    'search-undo': () => stage.kind === 'done' && !stage.undone && void toggle(stage),
    'search-redo': () => stage.kind === 'done' && stage.undone && void toggle(stage),
  });

  return (
    <fieldset className="code-hits" aria-label={m.codeHits}>
      <label htmlFor={extentId}>{m.code}</label>
      <select
        id={extentId}
        className="code-hits-choice"
        value={extent}
        onChange={(event) => {
          setExtent(event.target.value as Extent);
          setStage({ kind: 'choosing' });
        }}
      >
        {EXTENTS.map((each) => (
          <option key={each} value={each}>
            {m.extents[each]}
          </option>
        ))}
      </select>
      <label>
        {m.as}{' '}
        <select
          className="code-hits-choice"
          value={tagId}
          onChange={(event) => {
            setTagId(event.target.value);
            setStage({ kind: 'choosing' });
          }}
        >
          {codebook.tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={hits.length === 0 || stage.kind === 'planning'} onClick={() => void preview()}>
        {m.previewCoding(hits.length)}
      </button>
      {stage.kind === 'planning' && <span className="muted">{m.planning}</span>}
      {stage.kind === 'preview' && (
        <section className="coding-preview" aria-label={m.preview}>
          <p>{m.willMake(stage.plan.claims.length, tagLabel(stage.tag), stage.plan.covered, stage.plan.moved)}</p>
          {stage.plan.claims.length > 0 && (
            <ol className="coding-quotes">
              {stage.plan.claims.slice(0, PREVIEW_LINES).map((claim) => (
                <li key={claim.id} translate="no">
                  {claim.target.exact}
                </li>
              ))}
            </ol>
          )}
          {stage.plan.claims.length > PREVIEW_LINES && (
            <p className="muted">{m.andMore(stage.plan.claims.length - PREVIEW_LINES)}</p>
          )}
          <button
            type="button"
            className="primary"
            disabled={stage.plan.claims.length === 0}
            onClick={() => void make(stage.plan, stage.tag)}
          >
            {m.makeClaims(stage.plan.claims.length)}
          </button>{' '}
          <button type="button" onClick={() => setStage({ kind: 'choosing' })}>
            {m.cancel}
          </button>
        </section>
      )}
      {stage.kind === 'done' && (
        <p className="coding-done" role="status">
          {stage.undone
            ? m.tookBack(stage.made.length)
            : m.made(stage.made.length, tagLabel(stage.tag), new Set(stage.made.map((c) => c.documentId)).size)}{' '}
          <button type="button" className="link" onClick={() => void toggle(stage)}>
            {stage.undone ? m.redo : m.undo}
          </button>
        </p>
      )}
      {stage.kind === 'failed' && (
        <p role="alert" className="error">
          {m.codingFailed(stage.reason)}
        </p>
      )}
    </fieldset>
  );
}
