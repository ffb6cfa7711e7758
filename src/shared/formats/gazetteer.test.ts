import { describe, expect, it } from 'vitest';
import { gazetteer, resolveGazetteer } from './gazetteer';

const tags = [
  { id: 'threat-narrative', label: 'Threat narrative' },
  { id: 'integration', label: 'Integration' },
];

describe('gazetteer', () => {
  it('reads text and tag per line, by tag id or label in any case, leaving out comments and empty lines', () => {
    const parsed = gazetteer.parse(
      '\uFEFF# learned\r\nрасширение НАТО\tthreat narrative\r\n\r\nroad maps\tintegration\n',
    );
    expect(parsed.ok && resolveGazetteer(parsed.value, tags)).toEqual({
      ok: true,
      value: [
        { text: 'расширение НАТО', tagId: 'threat-narrative' },
        { text: 'road maps', tagId: 'integration' },
      ],
    });
  });

  it('reads a list of one tag’s texts, the tag chosen on import', () => {
    const parsed = gazetteer.parse('Union State\nroad maps\n');
    expect(parsed.ok && resolveGazetteer(parsed.value, tags, 'integration')).toEqual({
      ok: true,
      value: [
        { text: 'Union State', tagId: 'integration' },
        { text: 'road maps', tagId: 'integration' },
      ],
    });
    expect(parsed.ok && resolveGazetteer(parsed.value, tags)).toEqual({
      ok: false,
      error: [
        { path: 'line 1', message: 'has no tag; choose the tag of the list' },
        { path: 'line 2', message: 'has no tag; choose the tag of the list' },
      ],
    });
  });

  it('reports every bad line by its number and takes none of the file', () => {
    expect(gazetteer.parse('a\tthreat\tmore\n\tthreat\nb\t\nok\tthreat\n')).toEqual({
      ok: false,
      error: [
        { path: 'line 1', message: 'has more than two columns' },
        { path: 'line 2', message: 'has no text before the tab' },
        { path: 'line 3', message: 'has a tab but no tag after it' },
      ],
    });
    expect(gazetteer.parse('a\tthreat\nb\n')).toEqual({
      ok: false,
      error: [{ path: 'line 2', message: 'has no tag, while other lines have one' }],
    });
    const parsed = gazetteer.parse('a\tthreat narrative\nb\tsanctions\n');
    expect(parsed.ok && resolveGazetteer(parsed.value, tags)).toEqual({
      ok: false,
      error: [{ path: 'line 2', message: 'names the tag "sanctions", which the codebook lacks' }],
    });
    expect(gazetteer.parse('# only a comment\n\n')).toEqual({
      ok: false,
      error: [{ path: 'file', message: 'holds no entries' }],
    });
    expect(gazetteer.parse(`${'x'.repeat(1001)}\tthreat`).ok).toBe(false);
  });

  it('writes what it reads', () => {
    const lines = [
      { line: 1, text: 'road maps', tag: 'integration' },
      { line: 2, text: 'a\ttabbed text', tag: 'threat-narrative' },
    ];
    const written = gazetteer.serialize(lines);
    expect(written).toBe('road maps\tintegration\na tabbed text\tthreat-narrative\n');
    expect(gazetteer.parse(written)).toEqual({
      ok: true,
      value: [
        { line: 1, text: 'road maps', tag: 'integration' },
        { line: 2, text: 'a tabbed text', tag: 'threat-narrative' },
      ],
    });
  });
});
