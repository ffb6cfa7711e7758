import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CodebookChange,
  codebookProblems,
  editCodebook,
  nextFreeHotkey,
  settleNewIds,
  slugify,
  tagsInTreeOrder,
} from './edit';
import { narrativesCodebook } from './narratives';
import { policyFramesCodebook } from './policy-frames';

const base = narrativesCodebook;

describe('editing a codebook', () => {
  it('refuses a key another tag has, naming that tag, and leaves the codebook as it was', () => {
    const result = editCodebook(base, { kind: 'update-tag', tagId: 'integration', patch: { hotkey: '1' } });
    expect(result).toEqual({ ok: false, error: 'The key "1" is already used by "Threat narrative".' });
    expect(base.tags.find((t) => t.id === 'integration')?.hotkey).toBe('2');
  });

  it('names the other tag when the key is taken, whichever comes first, and explains a bad key or colour', () => {
    expect(editCodebook(base, { kind: 'update-tag', tagId: 'threat-narrative', patch: { hotkey: '2' } })).toEqual({
      ok: false,
      error: 'The key "2" is already used by "Integration".',
    });
    const tag = { label: 'New', colour: '#123456', hotkey: '6', description: '', group: 'narratives' };
    expect(editCodebook(base, { kind: 'add-tag', tag })).toEqual({
      ok: false,
      error: 'The key "6" is already used by "Loyalty for economic support".',
    });
    expect(editCodebook(base, { kind: 'update-tag', tagId: 'integration', patch: { hotkey: 'Ж' } })).toEqual({
      ok: false,
      error: 'The hotkey of "Integration" must be one digit or lowercase letter.',
    });
    expect(editCodebook(base, { kind: 'update-tag', tagId: 'integration', patch: { colour: 'blue' } })).toEqual({
      ok: false,
      error: 'The colour of "Integration" must be a colour written like #1a2b3c.',
    });
    expect(editCodebook(base, { kind: 'update-tag', tagId: 'integration', patch: { label: '' } })).toEqual({
      ok: false,
      error: 'The label of "Integration" must not be empty.',
    });
    expect(editCodebook(base, { kind: 'rename-codebook', name: '' })).toEqual({
      ok: false,
      error: 'The name must not be empty.',
    });
    const nameless = { label: 'Nameless', colour: 'red', hotkey: 'z', description: '', group: 'narratives' };
    expect(editCodebook(base, { kind: 'add-tag', tag: nameless })).toEqual({
      ok: false,
      error: 'The colour of "Nameless" must be a colour written like #1a2b3c.',
    });
    expect(editCodebook(base, { kind: 'add-tag', tag: { ...nameless, label: '', colour: '#123456' } })).toEqual({
      ok: false,
      error: 'The label of the new tag must not be empty.',
    });
    expect(editCodebook(base, { kind: 'add-group', label: '' })).toEqual({
      ok: false,
      error: 'The label of the new group must not be empty.',
    });
    const values = [{ id: 'Bad Id', label: 'Bad' }];
    expect(editCodebook(base, { kind: 'set-attribute-values', attribute: 'stance', values })).toEqual({
      ok: false,
      error: 'A stance value must be lowercase letters, digits and dashes.',
    });
  });

  it('renames a tag under the same id and bumps the version', () => {
    const result = editCodebook(base, { kind: 'update-tag', tagId: 'integration', patch: { label: 'Union State' } });
    expect(result.ok && result.value.version).toBe(2);
    expect(result.ok && result.value.tags.find((t) => t.id === 'integration')?.label).toBe('Union State');
  });

  it('adds tags with ids from their labels, Cyrillic ones too, never reusing an id', () => {
    const tag = { label: 'Угроза НАТО', colour: '#123456', hotkey: 'q', description: '', group: 'narratives' };
    const once = editCodebook(base, { kind: 'add-tag', tag });
    expect(once.ok && once.value.tags.at(-1)?.id).toBe('ugroza-nato');
    const twice = once.ok ? editCodebook(once.value, { kind: 'add-tag', tag: { ...tag, hotkey: 'w' } }) : once;
    expect(twice.ok && twice.value.tags.at(-1)?.id).toBe('ugroza-nato-2');
    expect(slugify('!!!', new Set())).toBe('tag');
  });

  it('keeps a hierarchy sound: parents must exist, cycles and orphaning removals are refused', () => {
    const child = editCodebook(base, {
      kind: 'update-tag',
      tagId: 'military-cooperation',
      patch: { parent: 'threat-narrative' },
    });
    expect(child.ok).toBe(true);
    if (!child.ok) return;
    expect(
      tagsInTreeOrder(child.value)
        .map(({ tag, depth }) => [tag.id, depth])
        .slice(0, 2),
    ).toEqual([
      ['threat-narrative', 0],
      ['military-cooperation', 1],
    ]);
    const cycle = editCodebook(child.value, {
      kind: 'update-tag',
      tagId: 'threat-narrative',
      patch: { parent: 'military-cooperation' },
    });
    expect(cycle).toEqual({ ok: false, error: expect.stringMatching(/its own ancestor/) });
    expect(editCodebook(child.value, { kind: 'remove-tag', tagId: 'threat-narrative' })).toEqual({
      ok: false,
      error: expect.stringMatching(/"Military cooperation" has this tag as its parent/),
    });
    const unknown = editCodebook(base, { kind: 'update-tag', tagId: 'integration', patch: { parent: 'nope' } });
    expect(unknown.ok).toBe(false);
  });

  it('refuses to remove a group that still has tags, and edits attribute values', () => {
    expect(editCodebook(base, { kind: 'remove-group', groupId: 'narratives' }).ok).toBe(false);
    const values = [...base.attributes.stance, { id: 'ironic', label: 'Ironic' }];
    const result = editCodebook(base, { kind: 'set-attribute-values', attribute: 'stance', values });
    expect(result.ok && result.value.attributes.stance.map((v) => v.id)).toContain('ironic');
    expect(editCodebook(base, { kind: 'set-attribute-values', attribute: 'stance', values: [] }).ok).toBe(false);
  });

  it('offers the first free key', () => {
    expect(nextFreeHotkey(base)).toBe('7');
    expect(nextFreeHotkey(policyFramesCodebook)).toBe('0');
  });

  it('lets a tag go without a key, once the keys are taken or when its key is cleared', () => {
    const cleared = editCodebook(base, { kind: 'update-tag', tagId: 'integration', patch: { hotkey: '' } });
    if (!cleared.ok) throw new Error(cleared.error);
    expect(cleared.value.tags.find((t) => t.id === 'integration')).not.toHaveProperty('hotkey');
    expect(codebookProblems(cleared.value)).toEqual([]);
    const keyless = { label: 'Forty-first', colour: '#123456', description: '', group: 'narratives' };
    const added = editCodebook(cleared.value, { kind: 'add-tag', tag: keyless });
    if (!added.ok) throw new Error(added.error);
    const again = editCodebook(added.value, { kind: 'add-tag', tag: { ...keyless, label: 'Another' } });
    if (!again.ok) throw new Error(again.error);
    expect(codebookProblems(again.value)).toEqual([]);
  });

  it('never lets any sequence of edits produce a codebook with problems', () => {
    const change: fc.Arbitrary<CodebookChange> = fc.oneof(
      fc.record({
        kind: fc.constant('update-tag' as const),
        tagId: fc.constantFrom(...base.tags.map((t) => t.id)),
        patch: fc.record(
          {
            hotkey: fc.constantFrom('1', '2', 'a', 'b', 'Z', '!'),
            parent: fc.constantFrom(...base.tags.map((t) => t.id), 'missing'),
            label: fc.string({ maxLength: 4 }),
          },
          { requiredKeys: [] },
        ),
      }),
      fc.record({ kind: fc.constant('remove-tag' as const), tagId: fc.constantFrom(...base.tags.map((t) => t.id)) }),
      fc.record({ kind: fc.constant('add-group' as const), label: fc.string({ minLength: 1, maxLength: 6 }) }),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), (changes) => {
        let codebook = base;
        for (const each of changes) {
          const result = editCodebook(codebook, each);
          if (result.ok) {
            expect(result.value.version).toBe(codebook.version + 1);
            codebook = result.value;
          }
          expect(codebookProblems(codebook)).toEqual([]);
        }
      }),
    );
  });
});

describe('settleNewIds', () => {
  const edit = (codebook: typeof narrativesCodebook, change: CodebookChange) => {
    const result = editCodebook(codebook, change);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };
  const group = narrativesCodebook.groups[0]?.id ?? '';

  it('names a tag added as "New tag" after the label it is saved with, Cyrillic transliterated', () => {
    let draft = edit(narrativesCodebook, {
      kind: 'add-tag',
      tag: { label: 'New tag', colour: '#777777', hotkey: '7', description: '', group },
    });
    draft = edit(draft, { kind: 'update-tag', tagId: 'new-tag', patch: { label: 'Russophobia' } });
    draft = edit(draft, {
      kind: 'add-tag',
      tag: { label: 'New tag', colour: '#777777', hotkey: '8', description: '', group },
    });
    draft = edit(draft, { kind: 'update-tag', tagId: 'new-tag-2', patch: { label: 'Русофобия', parent: 'new-tag' } });
    const saved = settleNewIds(draft, narrativesCodebook);
    const added = saved.tags.filter((t) => !narrativesCodebook.tags.some((n) => n.id === t.id));
    expect(added.map((t) => [t.id, t.label, t.parent])).toEqual([
      ['russophobia', 'Russophobia', undefined],
      ['rusofobiya', 'Русофобия', 'russophobia'],
    ]);
  });

  it('never changes the id of a tag already saved, whatever its label now', () => {
    const draft = edit(narrativesCodebook, {
      kind: 'update-tag',
      tagId: 'threat-narrative',
      patch: { label: 'Threat framing' },
    });
    expect(settleNewIds(draft, narrativesCodebook).tags.map((t) => t.id)).toEqual(
      narrativesCodebook.tags.map((t) => t.id),
    );
  });
});
