import { type Codebook, tagByHotkey } from '../../../shared/model/codebook';
import type { Edge } from '../../../shared/text/words';

/** What a key does in the reader. */
export type Command =
  | { kind: 'tag'; tagId: string }
  | { kind: 'delete' }
  | { kind: 'escape' }
  | { kind: 'step-claim'; direction: 1 | -1 }
  | { kind: 'step-word'; direction: 1 | -1 }
  | { kind: 'move-edge'; edge: Edge; grow: boolean }
  | { kind: 'undo' }
  | { kind: 'redo' };

export type KeyPress = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/**
 * The annotation keys, Prodigy- and brat-like: a tag's hotkey tags what is selected, arrows walk
 * words and claims, Shift+arrows move a claim's end (with Alt its start), Ctrl/Cmd+Z undoes.
 */
export function commandFor(press: KeyPress, codebook: Codebook): Command | undefined {
  const { key, shiftKey, altKey } = press;
  const command = press.ctrlKey || press.metaKey;
  if (command) {
    const lower = key.toLowerCase();
    if (lower === 'z' && !altKey) return shiftKey ? { kind: 'redo' } : { kind: 'undo' };
    if (lower === 'y' && !shiftKey && !altKey) return { kind: 'redo' };
    return undefined;
  }
  if (key === 'ArrowRight' || key === 'ArrowLeft') {
    const right = key === 'ArrowRight';
    if (shiftKey)
      return altKey
        ? { kind: 'move-edge', edge: 'start', grow: !right }
        : { kind: 'move-edge', edge: 'end', grow: right };
    return altKey ? undefined : { kind: 'step-word', direction: right ? 1 : -1 };
  }
  if (altKey) return undefined;
  if (key === 'Escape') return { kind: 'escape' };
  if (key === 'Delete' || key === 'Backspace') return { kind: 'delete' };
  if (!shiftKey && (key === 'ArrowDown' || key === 'ArrowUp')) {
    return { kind: 'step-claim', direction: key === 'ArrowDown' ? 1 : -1 };
  }
  const tag = tagByHotkey(codebook, key.toLowerCase());
  return tag && !shiftKey ? { kind: 'tag', tagId: tag.id } : undefined;
}
