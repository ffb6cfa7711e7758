import { useRef, useState } from 'react';
import { type Codebook, findTags } from '../../../shared/model/codebook';
import { useShortcuts } from '../../keyboard/KeyboardProvider';
import type { ContentPoint } from '../reader';
import { useAnnotateMessages } from './messages';
import { usePopoverPlacement } from './use-popover-placement';

interface Props {
  codebook: Codebook;
  at: ContentPoint;
  onChoose(tagId: string): void;
}

/**
 * The tags offered next to a fresh text selection; the selection is kept while choosing. It stays
 * inside the window (flipping above the text, or scrolling, when there is no room below), and `/`
 * or a click on its filter narrows a long codebook to the tags typed.
 */
export function TagPopover({ codebook, at, onChoose }: Props) {
  const m = useAnnotateMessages();
  const placed = usePopoverPlacement<HTMLDivElement>(at);
  const input = useRef<HTMLInputElement>(null);
  const [filter, setFilter] = useState('');
  const shown = findTags(codebook.tags, filter);
  useShortcuts('annotate', { 'filter-tags': () => input.current?.focus() });
  return (
    <div
      ref={placed}
      className="popover tag-popover"
      role="toolbar"
      aria-label={m.tagSelection}
      style={{ position: 'fixed', left: 0, top: 0, visibility: 'hidden' }}
    >
      <input
        ref={input}
        type="search"
        className="tag-filter"
        aria-label={m.filterTags}
        placeholder={m.filterHint}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={(event) => {
          const first = shown[0];
          if (event.key === 'Enter' && first) onChoose(first.id);
          // The first Esc clears the filter, the next leaves it; one more, in the reader, drops the selection.
          if (event.key === 'Escape') {
            if (filter) setFilter('');
            else input.current?.blur();
          }
        }}
      />
      <div className="tag-options">
        {shown.map((tag) => (
          <button
            key={tag.id}
            type="button"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(tag.id)}
            title={tag.description}
          >
            <kbd className={tag.hotkey ? undefined : 'no-key'}>{tag.hotkey ?? ''}</kbd>
            <span className="swatch" style={{ backgroundColor: tag.colour }} />
            <span translate="no">{tag.label}</span>
          </button>
        ))}
        {shown.length === 0 && <p className="muted small">{m.noTagMatches}</p>}
      </div>
    </div>
  );
}
