/** Where a shortcut acts: everywhere, in the reader and its claims (Annotate), in Search or in Review. */
export type Scope = 'global' | 'annotate' | 'search' | 'review';

/** One key press: `mod` is Ctrl, or ⌘ on a Mac. */
export interface Chord {
  key: string;
  shift?: boolean;
  alt?: boolean;
  mod?: boolean;
  /** Symbols typed with Shift on some layouts (`?`) match with or without it. */
  anyShift?: boolean;
  /** What this chord tells the command: a direction, a position. */
  arg?: number;
}

type Text = { en: string; ru: string };

export interface Shortcut {
  id: string;
  scope: Scope;
  chords: readonly Chord[];
  /** How the keys are written in the help. */
  keys: Text;
  description: Text;
}

const arrows = (right: Chord, left: Chord) => [right, left];
const digits = Array.from({ length: 9 }, (_, i) => ({ key: String(i + 1), arg: i }));

/**
 * Every keyboard shortcut of the window, with its description in both languages. The window has
 * one listener that looks keys up here, and the `?` help is made from this list, so a key that
 * works is a key that is listed, and the other way round.
 */
export const SHORTCUTS = [
  {
    id: 'tag',
    scope: 'annotate',
    // A tag's own key, from the codebook: matched against the codebook, not listed here.
    chords: [],
    keys: { en: "a tag's key", ru: 'клавиша метки' },
    description: {
      en: 'Tag the selected text (or re-tag the selected claim)',
      ru: 'Отметить выделенный текст (или сменить метку выбранного утверждения)',
    },
  },
  {
    id: 'filter-tags',
    scope: 'annotate',
    chords: [{ key: '/', anyShift: true }],
    keys: { en: '/', ru: '/' },
    description: {
      en: 'Filter the tags offered for the selected text by typing; Enter tags with the first',
      ru: 'Отфильтровать предложенные метки вводом; Enter ставит первую',
    },
  },
  {
    id: 'next-layer',
    scope: 'annotate',
    // The key left of 1 on both layouts: ` in English, ё in Russian.
    chords: [{ key: '`' }, { key: 'ё' }],
    keys: { en: '`', ru: '` / ё' },
    description: {
      en: 'Switch to the next layer: its codebook’s keys tag the text',
      ru: 'Перейти к следующему слою: метки ставят клавиши его кодовой книги',
    },
  },
  {
    id: 'step-word',
    scope: 'annotate',
    chords: arrows({ key: 'ArrowRight', arg: 1 }, { key: 'ArrowLeft', arg: -1 }),
    keys: { en: '→ / ←', ru: '→ / ←' },
    description: {
      en: 'Select the next / previous word (press a tag key to mark it)',
      ru: 'Выделить следующее / предыдущее слово (клавиша метки отмечает его)',
    },
  },
  {
    id: 'move-end',
    scope: 'annotate',
    chords: arrows({ key: 'ArrowRight', shift: true, arg: 1 }, { key: 'ArrowLeft', shift: true, arg: -1 }),
    keys: { en: 'Shift+→ / Shift+←', ru: 'Shift+→ / Shift+←' },
    description: {
      en: 'Move the end of the selection or the selected claim one word out / in',
      ru: 'Сдвинуть конец выделения или утверждения на слово наружу / внутрь',
    },
  },
  {
    id: 'move-start',
    scope: 'annotate',
    chords: arrows(
      { key: 'ArrowLeft', shift: true, alt: true, arg: 1 },
      { key: 'ArrowRight', shift: true, alt: true, arg: -1 },
    ),
    keys: { en: 'Alt+Shift+← / Alt+Shift+→', ru: 'Alt+Shift+← / Alt+Shift+→' },
    description: { en: 'Move its start one word out / in', ru: 'Сдвинуть начало на слово наружу / внутрь' },
  },
  {
    id: 'exact-drag',
    scope: 'annotate',
    // A mouse gesture, listed so the help tells of it.
    chords: [],
    keys: { en: 'Alt + drag', ru: 'Alt + перетаскивание' },
    description: {
      en: 'Select exact characters (a drag snaps to whole words)',
      ru: 'Точное выделение по символам (обычно выделение прилипает к словам)',
    },
  },
  {
    id: 'delete-claim',
    scope: 'annotate',
    chords: [{ key: 'Delete' }, { key: 'Backspace' }],
    keys: { en: 'Delete / Backspace', ru: 'Delete / Backspace' },
    description: { en: 'Delete the selected claim', ru: 'Удалить выбранное утверждение' },
  },
  {
    id: 'step-claim',
    scope: 'annotate',
    chords: arrows({ key: 'ArrowDown', arg: 1 }, { key: 'ArrowUp', arg: -1 }),
    keys: { en: '↓ / ↑', ru: '↓ / ↑' },
    description: { en: 'Select the next / previous claim', ru: 'Выбрать следующее / предыдущее утверждение' },
  },
  {
    id: 'undo',
    scope: 'annotate',
    chords: [{ key: 'z', mod: true }],
    keys: { en: 'Ctrl+Z / ⌘Z', ru: 'Ctrl+Z / ⌘Z' },
    description: { en: 'Undo the last change to this document', ru: 'Отменить последнее изменение в документе' },
  },
  {
    id: 'redo',
    scope: 'annotate',
    chords: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    keys: { en: 'Ctrl+Shift+Z / ⌘⇧Z / Ctrl+Y', ru: 'Ctrl+Shift+Z / ⌘⇧Z / Ctrl+Y' },
    description: { en: 'Redo', ru: 'Повторить' },
  },
  {
    id: 'clear',
    scope: 'annotate',
    chords: [{ key: 'Escape' }],
    keys: { en: 'Esc', ru: 'Esc' },
    description: { en: 'Clear the selection', ru: 'Снять выделение' },
  },
  {
    id: 'step-suggestion',
    scope: 'annotate',
    // The keys right of P on both layouts: ] and [ in English, ъ and х in Russian.
    chords: [
      { key: ']', arg: 1 },
      { key: 'ъ', arg: 1 },
      { key: '[', arg: -1 },
      { key: 'х', arg: -1 },
    ],
    keys: { en: '] / [', ru: '] / [ (ъ / х)' },
    description: {
      en: 'Select the next / previous suggestion',
      ru: 'Выделить следующую / предыдущую подсказку',
    },
  },
  {
    id: 'accept-suggestion',
    scope: 'annotate',
    chords: [{ key: '=' }, { key: '+', shift: true }],
    keys: { en: '=', ru: '=' },
    description: {
      en: 'Accept the suggestion under the cursor as a claim, and select the next',
      ru: 'Принять подсказку под курсором как утверждение и выделить следующую',
    },
  },
  {
    id: 'reject-suggestion',
    scope: 'annotate',
    chords: [{ key: '-' }],
    keys: { en: '-', ru: '-' },
    description: {
      en: 'Reject it (never suggested there again), and select the next',
      ru: 'Отклонить её (там она больше не появится) и выделить следующую',
    },
  },
  {
    id: 'search-undo',
    scope: 'search',
    chords: [{ key: 'z', mod: true }],
    keys: { en: 'Ctrl+Z / ⌘Z', ru: 'Ctrl+Z / ⌘Z' },
    description: {
      en: 'Take back the claims the last coding of hits made',
      ru: 'Отменить утверждения, созданные последней разметкой найденного',
    },
  },
  {
    id: 'search-redo',
    scope: 'search',
    chords: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    keys: { en: 'Ctrl+Shift+Z / ⌘⇧Z / Ctrl+Y', ru: 'Ctrl+Shift+Z / ⌘⇧Z / Ctrl+Y' },
    description: { en: 'Make them again', ru: 'Вернуть их' },
  },
  {
    id: 'step-disagreement',
    scope: 'review',
    chords: [
      { key: 'ArrowDown', arg: 1 },
      { key: 'j', arg: 1 },
      { key: 'ArrowUp', arg: -1 },
      { key: 'k', arg: -1 },
    ],
    keys: { en: '↓ / ↑ or j / k', ru: '↓ / ↑ или j / k' },
    description: {
      en: 'Next / previous disagreement, across documents',
      ru: 'Следующее / предыдущее расхождение, по всем документам',
    },
  },
  {
    id: 'accept-claim',
    scope: 'review',
    chords: digits,
    keys: { en: '1–9', ru: '1–9' },
    description: {
      en: "Accept that annotator's claim into gold",
      ru: 'Принять утверждение этого аннотатора в эталон',
    },
  },
  {
    id: 'merge-claims',
    scope: 'review',
    chords: [{ key: 'm' }],
    keys: { en: 'm', ru: 'm' },
    description: { en: 'Merge the claims into one gold claim', ru: 'Объединить утверждения в одно эталонное' },
  },
  {
    id: 'reject-claims',
    scope: 'review',
    chords: [{ key: 'x' }],
    keys: { en: 'x', ru: 'x' },
    description: { en: 'Reject them all (keep none in gold)', ru: 'Отклонить все (ничего не брать в эталон)' },
  },
  {
    id: 'step-document',
    scope: 'review',
    chords: [
      { key: 'n', arg: 1 },
      { key: 'p', arg: -1 },
    ],
    keys: { en: 'n / p', ru: 'n / p' },
    description: {
      en: 'First open disagreement of the next / previous document',
      ru: 'Первое нерешённое расхождение следующего / предыдущего документа',
    },
  },
  {
    id: 'reopen',
    scope: 'review',
    chords: [{ key: 'o' }],
    keys: { en: 'o', ru: 'o' },
    description: { en: 'Reopen: take back the decision', ru: 'Открыть снова: отменить решение' },
  },
  {
    id: 'review-undo',
    scope: 'review',
    chords: [{ key: 'z', mod: true }],
    keys: { en: 'Ctrl+Z / ⌘Z', ru: 'Ctrl+Z / ⌘Z' },
    description: { en: 'Undo the last decision', ru: 'Отменить последнее решение' },
  },
  {
    id: 'review-redo',
    scope: 'review',
    chords: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    keys: { en: 'Ctrl+Shift+Z / ⌘⇧Z / Ctrl+Y', ru: 'Ctrl+Shift+Z / ⌘⇧Z / Ctrl+Y' },
    description: { en: 'Redo the decision', ru: 'Повторить решение' },
  },
  {
    id: 'help',
    scope: 'global',
    chords: [{ key: '?', anyShift: true }],
    keys: { en: '?', ru: '?' },
    description: { en: 'Show or hide this list', ru: 'Показать или скрыть этот список' },
  },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

export type KeyPress = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/** Single letters are compared in lower case, so Caps Lock does not change what a key does. */
const keyOf = (key: string) => (key.length === 1 ? key.toLowerCase() : key);

export function matches(chord: Chord, press: KeyPress): boolean {
  return (
    keyOf(chord.key) === keyOf(press.key) &&
    (chord.anyShift || Boolean(chord.shift) === press.shiftKey) &&
    Boolean(chord.alt) === press.altKey &&
    Boolean(chord.mod) === (press.ctrlKey || press.metaKey)
  );
}

/** The chord as plain keys, for telling two apart: `mod+shift+z`. */
export const chordName = (chord: Chord) =>
  [chord.mod && 'mod', chord.alt && 'alt', chord.shift && 'shift', keyOf(chord.key)].filter(Boolean).join('+');

export interface Match {
  id: ShortcutId;
  arg?: number;
  /** For `tag`: the key that named the tag. */
  key?: string;
}

/**
 * The shortcut a key press means in `scope` (global ones count in every scope). `isTagKey` says
 * whether a plain key is a tag's key in the codebook shown there.
 */
export function shortcutFor(
  press: KeyPress,
  scope: Scope,
  isTagKey: (key: string) => boolean = () => false,
): Match | undefined {
  for (const shortcut of SHORTCUTS as readonly Shortcut[]) {
    if (shortcut.scope !== scope && shortcut.scope !== 'global') continue;
    const chord = shortcut.chords.find((each) => matches(each, press));
    if (chord) return { id: shortcut.id as ShortcutId, arg: chord.arg };
  }
  const plain = !press.shiftKey && !press.altKey && !press.ctrlKey && !press.metaKey;
  if (scope === 'annotate' && plain && isTagKey(keyOf(press.key))) return { id: 'tag', key: keyOf(press.key) };
  return undefined;
}

/** Pairs of shortcuts that one key press would trigger in the same scope (a global one clashes everywhere). */
export function clashes(shortcuts: readonly Shortcut[] = SHORTCUTS): string[] {
  const found: string[] = [];
  const seen = new Map<string, string>();
  for (const shortcut of shortcuts)
    for (const chord of shortcut.chords) {
      const scopes: Scope[] =
        shortcut.scope === 'global' ? ['global', 'annotate', 'search', 'review'] : [shortcut.scope];
      for (const scope of scopes) {
        const names = chord.anyShift ? [chordName(chord), chordName({ ...chord, shift: true })] : [chordName(chord)];
        for (const name of names) {
          const key = `${scope}:${name}`;
          const other = seen.get(key);
          if (other && other !== shortcut.id) found.push(`${scope}: ${name} is both ${other} and ${shortcut.id}`);
          else seen.set(key, shortcut.id);
        }
      }
    }
  return found;
}

/** Tag keys of a codebook that a fixed Annotate shortcut would take first. */
export function tagKeyClashes(tagKeys: readonly string[]): string[] {
  return tagKeys.flatMap((key) => {
    const taken = shortcutFor({ key, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false }, 'annotate');
    return taken ? [`${key} is both a tag's key and ${taken.id}`] : [];
  });
}
