import { describe, expect, it } from 'vitest';
import { BUILT_IN_CODEBOOKS } from '../../shared/codebooks/built-in';
import { clashes, SHORTCUTS, type Shortcut, shortcutFor, tagKeyClashes } from './shortcuts';

const press = (
  key: string,
  modifiers: Partial<Record<'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {},
) => ({
  key,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...modifiers,
});

describe('the keyboard shortcuts', () => {
  it('give no key press two meanings in one scope', () => {
    expect(clashes()).toEqual([]);
  });

  it('find a clash when two shortcuts of a scope share a key, or a global one takes a scope’s key', () => {
    const extra: Shortcut[] = [
      ...SHORTCUTS,
      { id: 'x2', scope: 'review', chords: [{ key: 'X' }], keys: { en: '', ru: '' }, description: { en: '', ru: '' } },
      {
        id: 'esc',
        scope: 'global',
        chords: [{ key: 'Escape' }],
        keys: { en: '', ru: '' },
        description: { en: '', ru: '' },
      },
    ];
    expect(clashes(extra)).toEqual([
      'review: x is both reject-claims and x2',
      'annotate: Escape is both clear and esc',
    ]);
  });

  it('leave every tag key of the built-in codebooks free', () => {
    for (const codebook of BUILT_IN_CODEBOOKS)
      expect(tagKeyClashes(codebook.tags.flatMap((t) => t.hotkey ?? []))).toEqual([]);
    expect(tagKeyClashes(['1', 'z'])).toEqual([]);
  });

  it('mean what the help says in each scope', () => {
    const isTag = (key: string) => key === '1' || key === 't';
    expect(shortcutFor(press('ArrowRight'), 'annotate')).toEqual({ id: 'step-word', arg: 1 });
    expect(shortcutFor(press('ArrowLeft', { shiftKey: true, altKey: true }), 'annotate')).toEqual({
      id: 'move-start',
      arg: 1,
    });
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }), 'annotate')?.id).toBe('redo');
    expect(shortcutFor(press('z', { metaKey: true }), 'annotate')?.id).toBe('undo');
    expect(shortcutFor(press('T'), 'annotate', isTag)).toEqual({ id: 'tag', key: 't' });
    expect(shortcutFor(press('t', { shiftKey: true }), 'annotate', isTag)).toBeUndefined();
    expect(shortcutFor(press('t', { altKey: true }), 'annotate', isTag)).toBeUndefined();
    expect(shortcutFor(press('1'), 'review', isTag)).toEqual({ id: 'accept-claim', arg: 0 });
    expect(shortcutFor(press('?', { shiftKey: true }), 'review')?.id).toBe('help');
    expect(shortcutFor(press('x'), 'annotate')).toBeUndefined();
  });
});
