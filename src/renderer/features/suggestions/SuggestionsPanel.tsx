import type { Codebook } from '../../../shared/model/codebook';
import type { Suggestion } from '../../../shared/suggestions';
import { passageAround } from '../../../shared/text/offsets';
import { TagChip } from '../../lib/TagChip';
import { useTagBook } from '../../session/SessionContext';
import { GazetteerControls } from './GazetteerControls';
import { useSuggestionMessages } from './messages';

interface Props {
  text: string;
  codebook: Codebook;
  on: boolean;
  onTurn(on: boolean): void;
  suggestions: readonly Suggestion[];
  current: Suggestion | undefined;
  onGo(suggestion: Suggestion): void;
  onAccept(suggestion: Suggestion): void;
  onReject(suggestion: Suggestion): void;
  onAcceptAll(): void;
  /** What the suggestions were learned from, written out as a gazetteer. */
  learned(): { text: string; tagId: string }[];
}

/** Code units of text shown either side of a suggestion. */
const CONTEXT = 30;

/** The most suggestions listed; the keys step through them all. */
const LISTED = 50;

/** The open document's suggestions: the one under the cursor, the others, and where they come from. */
export function SuggestionsPanel(props: Props) {
  const { text, codebook, on, suggestions, current } = props;
  const m = useSuggestionMessages();
  const tagBook = useTagBook();
  const quoteOf = (s: Suggestion) => text.slice(s.start, s.end);
  // Identical words are told apart by what is around them.
  const inContext = (s: Suggestion) => {
    const { from, to } = passageAround(text, s.start, s.end, CONTEXT);
    return (
      <span className="suggestion-context" translate="no">
        {from > 0 && '…'}
        {text.slice(from, s.start)}
        <strong>{quoteOf(s)}</strong>
        {text.slice(s.end, to)}
        {to < text.length && '…'}
      </span>
    );
  };
  const chip = (s: Suggestion) => <TagChip tag={tagBook.anyTag(s.tagId, codebook)} />;
  const why = (s: Suggestion) => (s.source === 'gazetteer' ? m.fromGazetteer : m.score(Math.round(s.score * 100)));
  return (
    <section className="suggestions" aria-label={m.suggestions}>
      <h2 className="panel-title">
        {m.suggestions}
        {on && suggestions.length > 0 && <span className="muted"> · {suggestions.length.toLocaleString()}</span>}
      </h2>
      <label className="suggestions-on">
        <input type="checkbox" checked={on} onChange={(event) => props.onTurn(event.target.checked)} /> {m.on}
      </label>
      {on && current && (
        <div className="suggestion-current" role="status" aria-label={m.underCursor}>
          <p>
            {chip(current)} {inContext(current)}
          </p>
          <p className="muted small">{why(current)}</p>
          <p className="suggestion-actions">
            <button type="button" className="primary" onClick={() => props.onAccept(current)}>
              {m.accept} <kbd>=</kbd>
            </button>
            <button type="button" onClick={() => props.onReject(current)}>
              {m.reject} <kbd>-</kbd>
            </button>
          </p>
        </div>
      )}
      {on && suggestions.length === 0 && <p className="muted small">{m.none}</p>}
      {on && suggestions.length > 0 && (
        <>
          <p className="muted small">
            {m.inDocument(suggestions.length)} · {m.keys}
          </p>
          <button type="button" onClick={props.onAcceptAll}>
            {m.acceptAll(new Set(suggestions.map((s) => `${s.start}:${s.end}`)).size)}
          </button>
          <ul className="suggestion-list" aria-label={m.list}>
            {suggestions.slice(0, LISTED).map((s) => (
              <li key={`${s.start}:${s.end}:${s.tagId}`} aria-current={s === current ? 'true' : undefined}>
                <button type="button" className="link" aria-label={m.go(quoteOf(s))} onClick={() => props.onGo(s)}>
                  {chip(s)} {inContext(s)} <span className="muted small">{Math.round(s.score * 100)} %</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <GazetteerControls codebook={codebook} learned={props.learned} />
    </section>
  );
}
