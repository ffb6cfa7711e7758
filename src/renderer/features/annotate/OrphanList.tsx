import type { Orphan } from '../../../shared/import/plan-import';
import type { Codebook } from '../../../shared/model/codebook';
import { useSharedText } from '../../i18n/shared-messages';
import { Quote } from '../../lib/Quote';
import { TagChip } from '../../lib/TagChip';
import { useTagBook } from '../../session/SessionContext';
import { useAnnotateMessages } from './messages';

interface Props {
  orphans: readonly Orphan[];
  codebook: Codebook;
  /** Places the orphan on the selected text; undefined while no text is selected. */
  onPlace?: (orphan: Orphan) => void;
  onDiscard(orphan: Orphan): void;
}

/** Imported claims that could not be found in the text: kept in view until placed or discarded. */
export function OrphanList({ orphans, codebook, onPlace, onDiscard }: Props) {
  const m = useAnnotateMessages();
  const shared = useSharedText();
  const tagBook = useTagBook();
  if (orphans.length === 0) return null;
  return (
    <section className="orphan-list" aria-label={m.notPlaced}>
      <h2 className="panel-title">
        {m.notPlacedTitle} <span className="muted">· {orphans.length}</span>
      </h2>
      <p className="muted small">{m.notPlacedHint}</p>
      <ol>
        {orphans.map((orphan) => (
          <li key={orphan.id}>
            <span className="chips" translate="no">
              {orphan.record.tags.map((id) => (
                <TagChip key={id} tag={tagBook.anyTag(id, codebook)} />
              ))}
            </span>
            {orphan.record.selector.exact ? (
              <span translate="no">
                <Quote className="quote" text={orphan.record.selector.exact} />
              </span>
            ) : (
              <Quote className="quote" text={m.noQuote} />
            )}
            <span className="muted small">
              {shared(orphan.reason)} · <span translate="no">{orphan.source}</span>
            </span>
            <span className="actions">
              <button
                type="button"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onPlace?.(orphan)}
                disabled={!onPlace}
              >
                {m.place}
              </button>
              <button type="button" onClick={() => onDiscard(orphan)}>
                {m.discard}
              </button>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
