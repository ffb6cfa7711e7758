/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import type { Annotation, Origin } from '../model/annotation';
import { bratFormat, MAX_LINES } from './brat';
import type { FileEntry, Interchange } from './interchange';
import { expectSameClaims, exportSet } from './testing/arbitraries';
import { claimOnQuote, exportOf } from './testing/claims';

/*
 * What the brat syntax here rests on (read, not copied):
 * - brat standoff format, https://brat.nlplab.org/standoff.html: .txt/.ann pairing by base name,
 *   `ID\tTYPE START END\tTEXT`, fragments `START END;START END`, `A1\tNegation E1`,
 *   `A2\tConfidence E2 L1`, `#1\tAnnotatorNotes T1\ttext`, R, E, * and N lines.
 * - brat configuration, https://brat.nlplab.org/configuration.html: annotation.conf sections
 *   [entities] [relations] [events] [attributes], `Name Arg:<ENTITY>, Value:a|b`; visual.conf
 *   [labels] `type | Label` and [drawing] `type\tbgColor:#rrggbb`.
 * - nlplab/brat server/src/annotation.py: the id pattern `([A-Za-z]+|#[A-Za-z]*)([0-9]+)(.*?)`;
 *   lines split at the first and second tab; textbound offsets split at ';' and one space; the
 *   checks start <= end, start >= 0, end <= len(text), no overlapping fragments; the text field
 *   compared with the fragments' texts joined by DISCONT_SEP = ' ' and counted in Python
 *   characters (code points); attribute lines matched by `(.+?) (.+?) (.+?)$` or `(.+?) (.+?)$`;
 *   comment data split into exactly TYPE and TARGET; duplicate ids refused; .ann read as UTF-8
 *   lines, which Python's splitlines also breaks at \v \f \x1c-\x1e \x85 \u2028 \u2029.
 * - nlplab/brat server/src/projectconfig.py: config lines `^(\s*)(\S+)(?:\s+(.*))?$`, the [labels]
 *   section split at a tab, terms split at '|', arguments at ',' and each `^(\S*?):(\S*)$`; type
 *   names in storage form `^[a-zA-Z0-9_-]*$`; comment lines starting with '#'.
 * - nlplab/brat client visualizer.js: attributes kept as `span.attributes[type] = value` (one
 *   value per name), and several comments on one annotation shown joined by a newline.
 * - nlplab/brat#853: brat's web editor counts CRLF as one character; the server counts two.
 */

const fixtures = Object.entries(
  import.meta.glob<string>('./fixtures/brat/**/*', { query: '?raw', import: 'default', eager: true }),
).map(([path, content]): FileEntry => ({ name: path.slice('./fixtures/brat/'.length), content }));

const parse = (files: readonly FileEntry[]) => {
  const parse = bratFormat.parse;
  if (!parse) throw new Error('brat reads files');
  return parse(files);
};

function parsed(files: readonly FileEntry[]): Interchange {
  const result = parse(files);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error, null, 2)}`);
  return result.value;
}

const content = (files: readonly FileEntry[], name: string) => files.find((f) => f.name === name)?.content;

// A reader of brat's rules, written from annotation.py and projectconfig.py, so the writer is
// checked against brat rather than against our own parser.

/** Python's str.splitlines boundaries. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python breaks lines at \x1c-\x1e too
const PYTHON_LINE_BREAK = /\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/;
const BRAT_ID = /^([A-Za-z]+|#[A-Za-z]*)([0-9]+)(.*?)$/s;
const STORAGE_FORM = /^[a-zA-Z0-9_-]*$/;

interface BratConfig {
  entities: Set<string>;
  /** Attribute name → its values, or null for a yes/no attribute. */
  attributes: Map<string, string[] | null>;
  labelled: Set<string>;
}

/** What brat's projectconfig makes of annotation.conf and visual.conf, with every complaint it would make. */
function bratConfig(annotationConf: string, visualConf: string, errors: string[]): BratConfig {
  const config: BratConfig = { entities: new Set(), attributes: new Map(), labelled: new Set() };
  for (const [file, text, expected] of [
    ['annotation.conf', annotationConf, ['entities', 'relations', 'events', 'attributes']],
    ['visual.conf', visualConf, ['labels', 'drawing']],
  ] as const) {
    let section = 'general';
    const present = new Set<string>();
    for (const line of text.split('\n')) {
      const header = /^\s*\[(.*)\]\s*$/.exec(line);
      if (header) {
        section = header[1] as string;
        present.add(section);
        if (!(expected as readonly string[]).includes(section)) errors.push(`${file}: unexpected section ${section}`);
        continue;
      }
      if (line.trim() === '' || /^\s*#/.test(line)) continue;
      const match = (section === 'labels' ? /^(\s*)([^\t]+)(?:\t(.*))?$/ : /^(\s*)(\S+)(?:\s+(.*))?$/).exec(line);
      if (!match) {
        errors.push(`${file}: cannot parse ${JSON.stringify(line)}`);
        continue;
      }
      const [, indent, termText = '', argText = ''] = match;
      const terms = termText
        .split('|')
        .map((t) => t.trim())
        .filter((t) => t !== '');
      const args = argText
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== '');
      const type = terms[0] ?? '';
      if (indent !== '') errors.push(`${file}: ${type} is indented, so brat looks for a parent`);
      if (!STORAGE_FORM.test(type)) errors.push(`${file}: ${type} is not in storage form`);
      const values: Record<string, string[]> = {};
      for (const arg of args) {
        const parts = /^(\S*?):(\S*)$/.exec(arg);
        if (!parts) errors.push(`${file}: cannot parse argument ${JSON.stringify(arg)}`);
        else values[parts[1] as string] = (parts[2] as string).split('|');
      }
      if (section === 'entities') config.entities.add(type);
      if (section === 'attributes') config.attributes.set(type, values.Value ?? null);
      if (section === 'labels') config.labelled.add(type);
    }
    for (const s of expected) if (!present.has(s)) errors.push(`${file}: missing section [${s}]`);
  }
  return config;
}

interface AnnState {
  chars: string[];
  config: BratConfig;
  /** Ids defined so far, and the targets attributes and comments refer to. */
  ids: Set<string>;
  references: string[];
}

/** What brat's TextAnnotations would refuse or complain about in one .ann line; undefined if nothing. */
function bratLineError(line: string, state: AnnState): string | undefined {
  const { chars, config, ids } = state;
  const tab = line.indexOf('\t');
  if (tab < 0) return 'no tab';
  const id = line.slice(0, tab);
  if (!BRAT_ID.test(id)) return 'invalid id';
  if (ids.has(id)) return 'duplicate id';
  ids.add(id);
  const rest = line.slice(tab + 1);
  const second = rest.indexOf('\t');
  const data = second < 0 ? rest : rest.slice(0, second);
  const tail = second < 0 ? '' : rest.slice(second);
  if (id[0] === 'T') {
    const space = data.indexOf(' ');
    if (space < 0) return 'no type';
    const type = data.slice(0, space);
    if (!config.entities.has(type)) return `${type} is not a configured entity`;
    const spans: [number, number][] = [];
    for (const pair of data.slice(space + 1).split(';')) {
      const parts = pair.split(' ');
      if (parts.length !== 2 || !parts.every((p) => /^\d+$/.test(p))) return `bad offsets ${pair}`;
      const [start, end] = parts.map(Number) as [number, number];
      if (start > end || end > chars.length) return 'offsets outside the text';
      if (spans.some(([s, e]) => end >= s && start < e)) return 'fragments overlap';
      spans.push([start, end]);
    }
    const spanLength = spans.reduce((n, [s, e]) => n + e - s, 0) + spans.length - 1;
    const tailChars = Array.from(tail);
    if (tail[0] !== '\t' || spanLength > tailChars.length - 1) return 'text missing or short';
    const reference = spans.map(([s, e]) => chars.slice(s, e).join('')).join(' ');
    if (tailChars.slice(1, spanLength + 1).join('') !== reference) return `text is not ${reference}`;
    if (tailChars.length > spanLength + 1) return 'something after the text';
  } else if (id[0] === 'A') {
    const match = /^(.+?) (.+?) (.+?)$/s.exec(data) ?? /^(.+?) (.+?)$/s.exec(data);
    if (!match) return 'bad attribute';
    const [, name = '', target = '', value] = match;
    state.references.push(target);
    const declared = config.attributes.get(name);
    if (declared === undefined) return `${name} is not a configured attribute`;
    if (declared === null ? value !== undefined : value === undefined || !declared.includes(value)) {
      return `${name} does not take ${value}`;
    }
  } else if (id[0] === '#') {
    const words = data.split(/\s+/).filter((w) => w !== '');
    if (words.length !== 2) return 'a comment needs TYPE TARGET';
    state.references.push(words[1] as string);
  } else {
    return 'this writer writes only T, A and # lines';
  }
  return undefined;
}

function bratAnnErrors(ann: string, text: string, config: BratConfig): string[] {
  const state: AnnState = { chars: Array.from(text), config, ids: new Set(), references: [] };
  const lines = ann.split(PYTHON_LINE_BREAK);
  if (lines.at(-1) === '') lines.pop();
  const errors = lines.flatMap((line, i) => {
    const why = bratLineError(line, state);
    return why === undefined ? [] : [`line ${i + 1} ${JSON.stringify(line)}: ${why}`];
  });
  for (const target of state.references) if (!state.ids.has(target)) errors.push(`${target} is not defined`);
  return errors;
}

/** Every complaint brat would have about an export; [] when brat reads all of it cleanly. */
function bratComplaints(files: readonly FileEntry[]): string[] {
  const errors: string[] = [];
  const config = bratConfig(content(files, 'annotation.conf') ?? '', content(files, 'visual.conf') ?? '', errors);
  for (const type of config.entities) if (!config.labelled.has(type)) errors.push(`no label for ${type}`);
  for (const file of files.filter((f) => f.name.endsWith('.ann'))) {
    const text = content(files, file.name.replace(/\.ann$/, '.txt'));
    if (text === undefined) errors.push(`${file.name} has no .txt`);
    else errors.push(...bratAnnErrors(file.content, text, config).map((e) => `${file.name} ${e}`));
  }
  return errors;
}

// Hand-made material

const sha = 'c'.repeat(64);

const claim = (doc: { id: string; text: string }, quote: string, tags: string[], id: string) =>
  claimOnQuote(doc, quote, tags, id, { sha256: sha });

const setOf = (documents: { id: string; text: string }[], annotations: Annotation[]) =>
  exportOf(documents, annotations, { sha256: sha });

const news = { id: 'news/b.txt', text: 'Flag 🇧🇾 first.\r\nNATO is a threat,\r\nsaid 😀 Lavrov.\n' };
const notes = { id: 'x.md', text: '# Minsk\n\nСоюзное государство crosses\n\n\nthree lines.\n' };

describe('brat export', () => {
  it('writes each document as <base>.txt and <base>.ann, with one annotation.conf and visual.conf', () => {
    const files = bratFormat.serialize(setOf([notes, news], []));
    expect(files.map((f) => f.name)).toEqual([
      'annotation.conf',
      'news/b.ann',
      'news/b.txt',
      'visual.conf',
      'x.md.ann',
      'x.md.txt',
    ]);
    expect(content(files, 'news/b.txt')).toBe(news.text);
    expect(content(files, 'x.md.txt')).toBe(notes.text);
    expect(content(files, 'news/b.ann')).toBe('');
  });

  it('counts code points and cuts a span over line breaks into fragments that skip them', () => {
    const set = setOf(
      [news],
      [
        claim(news, 'NATO is a threat,\r\nsaid 😀 Lavrov', ['threat-narrative'], '01JDA0000000000000000000A1'),
        claim(news, 'Lavrov', ['integration'], '01JDA0000000000000000000A2'),
      ],
    );
    const ann = content(bratFormat.serialize(set), 'news/b.ann') ?? '';
    // 'Flag 🇧🇾 first.' is 14 code points (the flag is two), then CRLF: NATO starts at 16.
    expect(ann.split('\n').filter((l) => l.startsWith('T'))).toEqual([
      'T1\tthreat-narrative 16 33;35 48\tNATO is a threat, said 😀 Lavrov',
      'T2\tintegration 42 48\tLavrov',
    ]);
    expect(bratComplaints(bratFormat.serialize(set))).toEqual([]);
  });

  it('writes further tags, stance and confidence as A lines and the rest as AnnotatorNotes', () => {
    const made = claim(
      notes,
      'Союзное государство',
      ['integration', 'sanctions-pressure', 'threat-narrative'],
      '01JDA0000000000000000000A3',
    );
    made.attributes = {
      stance: 'reported',
      confidence: 'high',
      speaker: 'Шойгу',
      note: 'first\nsecond \\ third\u2028',
    };
    const files = bratFormat.serialize(setOf([notes], [made]));
    const ann = content(files, 'x.md.ann');
    expect(ann).toBe(
      [
        'T1\tintegration 9 28\tСоюзное государство',
        'A1\talso-sanctions-pressure T1',
        'A2\talso-threat-narrative T1',
        'A3\tStance T1 reported',
        'A4\tConfidence T1 high',
        '#1\tAnnotatorNotes T1\tid: 01JDA0000000000000000000A3',
        '#2\tAnnotatorNotes T1\tannotator: Ada',
        '#3\tAnnotatorNotes T1\tspeaker: Шойгу',
        '#4\tAnnotatorNotes T1\tnote: first\\nsecond \\\\ third\\u2028',
        '',
      ].join('\n'),
    );
    expect(parsed(files).claims[0]).toMatchObject({ tags: made.tags, attributes: made.attributes, id: made.id });
  });

  it('declares the codebook for brat: entities, attributes, labels and colours', () => {
    const files = bratFormat.serialize(setOf([news], []));
    expect(content(files, 'annotation.conf')).toBe(
      [
        '# Narratives (narratives v1), from Framing Workbench.',
        "# Entities are the tags; a claim's further tags are the also- attributes.",
        '[entities]',
        'threat-narrative',
        'integration',
        'sanctions-pressure',
        'sovereignty-balancing',
        'military-cooperation',
        'loyalty-for-support',
        '',
        '[relations]',
        '',
        '[events]',
        '',
        '[attributes]',
        'Stance\tArg:<ENTITY>, Value:endorsed|reported|disputed',
        'Confidence\tArg:<ENTITY>, Value:low|medium|high',
        'also-threat-narrative\tArg:<ENTITY>',
        'also-integration\tArg:<ENTITY>',
        'also-sanctions-pressure\tArg:<ENTITY>',
        'also-sovereignty-balancing\tArg:<ENTITY>',
        'also-military-cooperation\tArg:<ENTITY>',
        'also-loyalty-for-support\tArg:<ENTITY>',
        '',
      ].join('\n'),
    );
    const visual = content(files, 'visual.conf') ?? '';
    expect(visual).toContain('[labels]\nthreat-narrative | Threat narrative\n');
    expect(visual).toContain('also-integration | Also: Integration\n');
    expect(visual).toContain('Stance | Stance\nConfidence | Confidence\n');
    expect(visual).toContain('[drawing]\nthreat-narrative\tbgColor:#e4572e\nintegration\tbgColor:#2e86de\n');
    expect(bratComplaints(files)).toEqual([]);
  });

  it('declares tags that claims use beyond the codebook, in brat storage form', () => {
    const made = claim(news, 'NATO', ['old tag', 'integration'], '01JDA0000000000000000000A4');
    const files = bratFormat.serialize(setOf([news], [made]));
    expect(content(files, 'annotation.conf')).toContain('loyalty-for-support\nold_tag\n');
    expect(content(files, 'news/b.ann')).toContain('T1\told_tag 16 20\tNATO\n');
    expect(bratComplaints(files)).toEqual([]);
  });

  it('leaves out line breaks at the ends of a span, and a claim of nothing else', () => {
    const edges = claim(notes, 'crosses\n\n\n', ['integration'], '01JDA0000000000000000000A5');
    const breaks = claim(notes, '\n\n', ['integration'], '01JDA0000000000000000000A6');
    const ann = content(bratFormat.serialize(setOf([notes], [edges, breaks])), 'x.md.ann') ?? '';
    expect(ann.split('\n').filter((l) => l.startsWith('T'))).toEqual(['T1\tintegration 29 36\tcrosses']);
  });
});

describe('the brat reader in this file', () => {
  it('complains where brat would', () => {
    const text = 'NATO 😀 is\u2028here.\n';
    const conf = bratFormat.serialize(setOf([], [])).filter((f) => f.name.endsWith('.conf'));
    const complaints = bratComplaints([
      ...conf,
      { name: 'a.txt', content: text },
      {
        name: 'a.ann',
        content: [
          'T1\tintegration 0 7\tNATO 😀',
          'T2\tintegration 8 15\tis\u2028here',
          'T3\tOrg 0 4\tNATO',
          'A1\tNegation T1',
          'A2\tStance T1 maybe',
          '#1\tAnnotatorNotes T9\tx',
          '',
        ].join('\n'),
      },
    ]);
    expect(complaints).toEqual([
      'a.ann line 1 "T1\\tintegration 0 7\\tNATO 😀": text missing or short',
      'a.ann line 2 "T2\\tintegration 8 15\\tis": text missing or short',
      'a.ann line 3 "here": no tab',
      'a.ann line 4 "T3\\tOrg 0 4\\tNATO": Org is not a configured entity',
      'a.ann line 5 "A1\\tNegation T1": Negation is not a configured attribute',
      'a.ann line 6 "A2\\tStance T1 maybe": Stance does not take maybe',
      'a.ann T9 is not defined',
    ]);
  });
});

describe('brat round trip', () => {
  it('brings back every live claim with its document, span and tags, and brat reads the files', () => {
    fc.assert(
      fc.property(exportSet, (set) => {
        const files = bratFormat.serialize(set);
        expect(bratComplaints(files)).toEqual([]);
        expect(bratFormat.detect(files)).toBe(true);
        const result = parse(files);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(expectSameClaims(set, result.value)).toEqual([]);
        expect(result.value.skipped).toEqual([]);
        expect(result.value.documents.map((d) => [d.id, d.text])).toEqual(
          [...set.documents].sort((a, b) => (a.id < b.id ? -1 : 1)).map((d) => [d.id, d.text]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps ids, annotators, tag order, speaker, stance, confidence and note', () => {
    fc.assert(
      fc.property(exportSet, (set) => {
        const result = parse(bratFormat.serialize(set));
        if (!result.ok) throw new Error('refused');
        const kept = (r: { id?: string; tags: string[]; annotator?: string; attributes: object }) => ({
          id: r.id,
          tags: r.tags,
          annotator: r.annotator,
          attributes: r.attributes,
        });
        const expected = set.annotations.map(kept).sort((a, b) => ((a.id ?? '') < (b.id ?? '') ? -1 : 1));
        const actual = result.value.claims.map(kept).sort((a, b) => ((a.id ?? '') < (b.id ?? '') ? -1 : 1));
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps how each claim was made, a coded search hit and an accepted suggestion, in a note line brat takes', () => {
    const bySearch: Origin = { kind: 'search', query: 'threat\\b\n', regex: true, extent: 'paragraph' };
    const bySuggestion: Origin = { kind: 'suggestion', source: 'gazetteer', score: 1 };
    const made = [
      { ...claim(news, 'NATO', ['threat-narrative'], '01JDA0000000000000000000A1'), origin: bySearch },
      { ...claim(news, 'Lavrov', ['integration'], '01JDA0000000000000000000A2'), origin: bySuggestion },
      claim(news, 'threat', ['integration'], '01JDA0000000000000000000A3'),
    ];
    const files = bratFormat.serialize(setOf([news], made));
    expect(bratComplaints(files)).toEqual([]);
    expect(content(files, 'news/b.ann')?.split('\n')).toContain(
      '#3\tAnnotatorNotes T1\torigin: {"kind":"search","query":"threat\\\\\\\\b\\\\n","regex":true,"extent":"paragraph"}',
    );
    const read = parsed(files);
    expect(read.claims.map((r) => [r.id, r.madeBy])).toEqual([
      ['01JDA0000000000000000000A1', bySearch],
      ['01JDA0000000000000000000A3', undefined],
      ['01JDA0000000000000000000A2', bySuggestion],
    ]);
    expect(read.skipped).toEqual([]);
  });

  it('gives each claim its quote and context from the .txt', () => {
    const made = claim(news, 'said 😀 Lavrov', ['integration'], '01JDA0000000000000000000A7');
    const [record] = parsed(bratFormat.serialize(setOf([news], [made]))).claims;
    expect(record?.selector).toEqual({
      unit: 'codepoint',
      start: made.target.codePointStart,
      end: made.target.codePointEnd,
      exact: made.target.exact,
      prefix: made.target.prefix,
      suffix: made.target.suffix,
    });
    expect(record?.origin).toBe('news/b.ann:1');
  });
});

describe('brat export is deterministic', () => {
  it('gives the same bytes for the same claims in any order, and leaves deleted claims out', () => {
    fc.assert(
      fc.property(exportSet, fc.nat(), (set, seed) => {
        const rotate = <T>(list: readonly T[]) => {
          const at = list.length === 0 ? 0 : seed % list.length;
          return [...list.slice(at), ...list.slice(0, at)].reverse();
        };
        const deleted = set.annotations.map((a) => ({
          ...a,
          id: `${a.id.slice(0, 25)}Z`,
          deletedAt: '2026-11-22T11:00:00.000Z',
        }));
        const shuffled = {
          ...set,
          documents: rotate(set.documents),
          annotations: rotate([...set.annotations, ...deleted]),
        };
        expect(bratFormat.serialize(shuffled)).toEqual(bratFormat.serialize(set));
      }),
      { numRuns: 200 },
    );
  });
});

describe('brat fixtures: what brat writes, and what we write', () => {
  const result = parse(fixtures);

  it('reads the fixtures: documents paired by name, x.md.txt back to x.md', () => {
    expect(fixtures.map((f) => f.name).sort()).toEqual([
      'annotation.conf',
      'news.ann',
      'news.txt',
      'ru/minsk.md.ann',
      'ru/minsk.md.txt',
      'visual.conf',
    ]);
    expect(content(fixtures, 'ru/minsk.md.txt')).toContain('\r\n');
    expect(bratFormat.detect(fixtures)).toBe(true);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.documents.map((d) => d.id)).toEqual(['news.txt', 'ru/minsk.md']);
    expect(result.value.tombstones).toEqual([]);
  });

  const claims = result.ok ? result.value.claims : [];
  const byOrigin = (origin: string) => claims.find((c) => c.origin === origin);

  it('reads a T line with its attributes and free-form note', () => {
    expect(byOrigin('news.ann:1')).toMatchObject({
      documentId: 'news.txt',
      selector: { unit: 'codepoint', start: 0, end: 36, exact: 'NATO is massing troops on our border' },
      tags: ['threat-narrative'],
      attributes: { stance: 'disputed', note: 'check the source' },
    });
  });

  it('skips a span with a gap of words, with its line and offsets, never widening it over the gap', () => {
    expect(byOrigin('news.ann:2')).toBeUndefined();
    expect(claims.filter((c) => c.selector.exact?.includes('Minsk and Moscow'))).toEqual([]);
    const skipped = result.ok ? result.value.skipped : [];
    expect(skipped).toContainEqual({
      path: 'news.ann:2',
      message: 'discontinuous span 57 62;67 73: Framing Workbench claims are one range',
    });
    // Its further tag, confidence and note go with it, each said.
    for (const path of ['news.ann:9', 'news.ann:10', 'news.ann:13']) {
      expect(skipped).toContainEqual({ path, message: 'it belongs to T2, which is not imported' });
    }
  });

  it('reads fragments apart only by line breaks as one claim over them', () => {
    const files = [
      { name: 'a.txt', content: 'NATO is\r\nmassing troops\n\nnear Minsk and Moscow.' },
      { name: 'a.ann', content: 'T1\tthreat-narrative 0 7;9 23;25 29\tNATO is massing troops near\n' },
    ];
    expect(parsed(files).claims.map((c) => [c.selector.start, c.selector.end, c.selector.exact])).toEqual([
      [0, 29, 'NATO is\r\nmassing troops\n\nnear'],
    ]);
    const gap = parse([files[0] as FileEntry, { name: 'a.ann', content: 'T1\tthreat-narrative 0 7;9 16;30 35\t\n' }]);
    expect(gap).toEqual({
      ok: true,
      value: expect.objectContaining({
        claims: [],
        skipped: [
          { path: 'a.ann:1', message: 'discontinuous span 0 7;9 16;30 35: Framing Workbench claims are one range' },
        ],
      }),
    });
  });

  it('counts code points after an emoji and flags, and CRLF as two', () => {
    const text = content(fixtures, 'news.txt') ?? '';
    const emoji = byOrigin('news.ann:5');
    expect(emoji?.selector).toMatchObject({ start: 113, end: 135, exact: '😀 hurt ordinary people' });
    expect(Array.from(text).slice(113, 135).join('')).toBe('😀 hurt ordinary people');
    expect(byOrigin('ru/minsk.md.ann:1')?.selector).toMatchObject({
      start: 0,
      end: 36,
      exact: 'Союзное государство 🇧🇾🇷🇺 укрепляется',
    });
    expect(byOrigin('ru/minsk.md.ann:11')?.selector).toMatchObject({ start: 56, end: 71, exact: 'давлению Запада' });
  });

  it('reads our key: value notes back into id, annotator, speaker and note', () => {
    expect(byOrigin('ru/minsk.md.ann:1')).toMatchObject({
      id: '01JDA0000000000000000000B1',
      annotator: 'Борис',
      attributes: { stance: 'endorsed' },
    });
    expect(byOrigin('ru/minsk.md.ann:5')).toMatchObject({
      id: '01JDA0000000000000000000B2',
      documentId: 'ru/minsk.md',
      selector: { start: 39, end: 86, exact: 'Минск не уступит давлению Запада,\r\nзаявил Шойгу' },
      tags: ['sovereignty-balancing', 'sanctions-pressure'],
      attributes: { stance: 'reported', speaker: 'Шойгу', note: 'first line\nsecond line, C:\\corpus' },
    });
  });

  it('imports other entity types as they are, and skips what the app cannot take, each with its line', () => {
    expect(byOrigin('news.ann:3')?.tags).toEqual(['Organization']);
    expect(byOrigin('news.ann:6')?.tags).toEqual(['Organization']);
    const skipped = result.ok ? result.value.skipped : [];
    expect(skipped.map((s) => s.path)).toEqual([
      'news.ann:2',
      'news.ann:4',
      'news.ann:7',
      'news.ann:9',
      'news.ann:10',
      'news.ann:11',
      'news.ann:13',
      'news.ann:14',
      'news.ann:15',
      'news.ann:16',
      'news.ann:17',
      'news.ann:18',
      'news.ann:19',
    ]);
    const why = Object.fromEntries(skipped.map((s) => [s.path, s.message]));
    expect(why['news.ann:14']).toMatch(/relation/);
    expect(why['news.ann:15']).toMatch(/event/);
    expect(why['news.ann:16']).toMatch(/normalization/);
    expect(why['news.ann:17']).toMatch(/equivalence/);
    expect(why['news.ann:4']).toMatch(/trigger of event E1/);
    expect(why['news.ann:7']).toMatch(/attribute "Negation"/);
    expect(why['news.ann:11']).toBe(
      'Confidence "CERTAIN" matches none of its values (low, medium, high) by id or label',
    );
    expect(why['news.ann:19']).toMatch(/belongs to E1/);
    expect(why['news.ann:18']).toMatch(/belongs to R1/);
    expect(claims).toHaveLength(7);
  });
});

describe('brat attribute values', () => {
  const text = 'NATO is a threat. Minsk answers. Moscow agrees. Kyiv objects.';
  const ann = (lines: string[]) => [
    {
      name: 'a.ann',
      content: [
        'T1\tintegration 0 4\tNATO',
        'T2\tintegration 18 23\tMinsk',
        'T3\tintegration 33 39\tMoscow',
        'T4\tintegration 48 52\tKyiv',
        ...lines,
        '',
      ].join('\n'),
    },
    { name: 'a.txt', content: text },
  ];
  const attributes = (files: FileEntry[]) => parsed(files).claims.map((c) => c.attributes);

  it("are the codebook's values by id or label, whatever the case", () => {
    const files = ann([
      'A1\tStance T1 Disputed',
      'A2\tConfidence T1 HIGH',
      'A3\tStance T2 Neutral / reported',
      'A4\tConfidence T2 medium',
      'A5\tStance T3  ENDORSED ',
      'A6\tConfidence T4 Low',
    ]);
    expect(attributes(files)).toEqual([
      { stance: 'disputed', confidence: 'high' },
      { stance: 'reported', confidence: 'medium' },
      { stance: 'endorsed' },
      { confidence: 'low' },
    ]);
    expect(parsed(files).skipped).toEqual([]);
  });

  it('warn only when they are none of them, with the line, and the claim keeps the rest', () => {
    const files = ann([
      'A1\tStance T1 sarcastic',
      'A2\tConfidence T1 high',
      'A3\tConfidence T2 Very sure!',
      `A4\tStance T3 ${'x'.repeat(100_000)}`,
    ]);
    expect(attributes(files)).toEqual([{ confidence: 'high' }, {}, {}, {}]);
    expect(parsed(files).skipped).toEqual([
      {
        path: 'a.ann:5',
        message: 'Stance "sarcastic" matches none of its values (endorsed, reported, disputed) by id or label',
      },
      {
        path: 'a.ann:7',
        message: 'Confidence "Very sure!" matches none of its values (low, medium, high) by id or label',
      },
      {
        path: 'a.ann:8',
        message: expect.stringMatching(/^Stance "x{57}\.\.\." matches none of its values/),
      },
    ]);
  });

  it('leave out an origin the app does not know, with its line, and the claim keeps the rest', () => {
    const files = ann([
      '#1\tAnnotatorNotes T1\torigin: {"kind":"suggestion","source":"repeats","score":-1}',
      '#2\tAnnotatorNotes T2\torigin: by hand',
      '#3\tAnnotatorNotes T2\tspeaker: Makei',
      '#4\tAnnotatorNotes T3\torigin: {"kind":"suggestion","source":"repeats","score":0.25}',
    ]);
    expect(parsed(files).claims.map((c) => [c.attributes, c.madeBy])).toEqual([
      [{}, undefined],
      [{ speaker: 'Makei' }, undefined],
      [{}, { kind: 'suggestion', source: 'repeats', score: 0.25 }],
      [{}, undefined],
    ]);
    expect(parsed(files).skipped).toEqual([
      { path: 'a.ann:5', message: expect.stringMatching(/^how the claim was made was left out \(score\): /) },
      { path: 'a.ann:6', message: expect.stringMatching(/^how the claim was made was left out: not valid JSON: /) },
    ]);
  });

  it('include those annotation.conf declares, as a brat project spells them', () => {
    const conf = {
      name: 'annotation.conf',
      content:
        '[entities]\nintegration\n[attributes]\nStance\tArg:<ENTITY>, Value:Pro|Contra|Sehr_hoch, <DEFAULT>:Pro\n',
    };
    const files = [...ann(['A1\tStance T1 PRO', 'A2\tStance T2 Contra', 'A3\tStance T3 Sehr_hoch']), conf];
    expect(attributes(files)).toEqual([{ stance: 'pro' }, { stance: 'contra' }, {}, {}]);
    expect(parsed(files).skipped.map((s) => s.path)).toEqual(['a.ann:7']);
  });

  it("come back from our own export under a codebook's own values, which annotation.conf declares", () => {
    const ironic = { ...narrativesCodebook.attributes, stance: [{ id: 'ironic', label: 'Ironic' }] };
    const made = {
      ...claim(news, 'NATO', ['integration'], '01JDA0000000000000000000A7'),
      attributes: { stance: 'ironic' },
    };
    const files = bratFormat.serialize({
      ...setOf([news], [made]),
      codebook: { ...narrativesCodebook, attributes: ironic },
    });
    expect(parsed(files).claims[0]?.attributes).toEqual({ stance: 'ironic' });
    const withoutConf = files.filter((f) => !f.name.endsWith('.conf'));
    expect(parsed(withoutConf).claims[0]?.attributes).toEqual({});
    expect(parsed(withoutConf).skipped).toEqual([
      { path: 'news/b.ann:2', message: expect.stringMatching(/^Stance "ironic" matches none/) },
    ]);
  });

  it('still read a standard value, whatever annotation.conf holds', () => {
    const conf = fc.string({
      unit: fc.constantFrom('[', ']', 'attributes', 'Stance', 'Value:', '|', ',', ' ', '\t', '\n', 'a', 'É'),
    });
    fc.assert(
      fc.property(conf, (content) => {
        const files = [...ann(['A1\tStance T1 Disputed']), { name: 'annotation.conf', content }];
        expect(attributes(files)[0]).toEqual({ stance: 'disputed' });
      }),
    );
  });
});

describe('brat import refuses broken files with file and line', () => {
  const text = 'NATO 😀 is here.\nSecond line.\n';
  const refused = (ann: string, txt: string | null = text) => {
    const files = [
      { name: 'news/b.ann', content: ann },
      ...(txt === null ? [] : [{ name: 'news/b.txt', content: txt }]),
    ];
    const result = parse(files);
    if (result.ok) throw new Error('accepted');
    return result.error;
  };

  it.each([
    ['T1\tthreat-narrative -1 4\tNATO', /offset -1 is negative/],
    ['T1\tthreat-narrative 4 0\t', /ends before it starts/],
    ['T1\tthreat-narrative 0 30\tNATO', /offset 30 is past the end of news\/b.txt \(29 characters\)/],
    ['T1\tthreat-narrative 0 4.5\tNATO', /"4.5" is not a whole number/],
    ['T1\tthreat-narrative zero four\tNATO', /"zero" is not a whole number/],
    ['T1\tthreat-narrative 0 4\tNATA', /the text "NATA" does not match news\/b.txt, which has "NATO" there/],
    // UTF-16 offsets, as a JavaScript tool might write them, take one character too many here.
    ['T1\tthreat-narrative 0 7\tNATO 😀', /"NATO 😀" does not match .* "NATO 😀 " there/],
    ['T1\tthreat-narrative 0 4;2 6\tNATO O 😀', /fragments overlap/],
    ['T1\tthreat-narrative 0 4 7\tNATO', /not an offset pair/],
    ['T1\tthreat-narrative\tNATO', /needs "TYPE START END"/],
    ['T1 threat-narrative 0 4 NATO', /expected an id such as T1, a tab/],
    ['threat-narrative\t0 4\tNATO', /expected an id such as T1/],
    ['X1\tfoo T1', /"X1" is no kind of brat annotation/],
    ['A1\tStance T9 disputed', /refers to T9, which is not in news\/b.ann/],
    ['A1\tStance', /an attribute needs "NAME TARGET"/],
    ['#1\tAnnotatorNotes\tnote', /a note needs "TYPE TARGET"/],
    ['E1\tSanctioning', /an event needs "TYPE:TRIGGER"/],
  ])('%j', (line, message) => {
    const [problem, ...others] = refused(`T5\tintegration 16 22\tSecond\n${line}\n`);
    expect(others).toEqual([]);
    expect(problem?.path).toBe('news/b.ann:2');
    expect(problem?.message).toMatch(message);
  });

  it('refuses an id used twice', () => {
    expect(refused('T1\tintegration 0 4\tNATO\nT1\tintegration 0 4\tNATO\n')).toEqual([
      { path: 'news/b.ann:2', message: 'the id T1 is used twice' },
    ]);
  });

  it('refuses an .ann without its .txt', () => {
    expect(refused('T1\tintegration 0 4\tNATO\n', null)).toEqual([
      { path: 'news/b.ann', message: 'news/b.txt is missing: the offsets cannot be checked without the text' },
    ]);
  });

  it('refuses a name that is no document id', () => {
    const result = parse([
      { name: '../b.ann', content: '' },
      { name: '../b.txt', content: 'x' },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]?.path).toBe('../b.txt');
  });

  it('reports every problem, up to a hundred', () => {
    const problems = refused(Array.from({ length: 150 }, (_, i) => `T${i + 1}\tintegration 0 99\tx\n`).join(''));
    expect(problems).toHaveLength(101);
    expect(problems[0]).toMatchObject({ path: 'news/b.ann:1' });
    expect(problems[100]).toEqual({ path: 'news/b.ann:101', message: 'and 50 more problems' });
  });

  it('refuses more than a million lines before reading them', () => {
    expect(refused('\n'.repeat(MAX_LINES + 1))).toEqual([
      { path: 'news/b.ann', message: 'more than 1,000,000 annotation lines: too many to import at once' },
    ]);
  });

  it('never throws, whatever the .ann holds', () => {
    const annLine = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc
        .tuple(
          fc.constantFrom('T1', 'T2', 'A1', 'M1', '#1', 'E1', 'R1', 'N1', '*', 'X1', ''),
          fc.constantFrom('\t', ' ', ''),
          fc.string({ unit: fc.constantFrom('T', '1', ' ', '\t', ';', '-', ':', 'a', '😀', '0', '9', '\r') }),
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(fc.array(annLine, { maxLength: 8 }), (lines) => {
        const result = parse([
          { name: 'news/b.ann', content: lines.join('\n') },
          { name: 'news/b.txt', content: text },
        ]);
        if (result.ok) {
          for (const c of result.value.claims) {
            expect(c.selector.end).toBeGreaterThan(c.selector.start ?? Number.NaN);
            expect(c.selector.end).toBeLessThanOrEqual(Array.from(text).length);
          }
        } else {
          for (const p of result.error) expect(p.path).toMatch(/^news\/b\.ann(:\d+)?$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads a T line without text, and text followed by white space and more, as brat does', () => {
    const read = parsed([
      { name: 'b.ann', content: 'T1\tintegration 0 4\nT2\tintegration 5 9\t😀 is more\n' },
      { name: 'b.txt', content: text },
    ]);
    expect(read.claims.map((c) => c.selector.exact)).toEqual(['NATO', '😀 is']);
  });

  describe('a .txt with a UTF-8 byte order mark', () => {
    const marked = `\uFEFF${text}`;
    const read = (ann: string) =>
      parsed([
        { name: 'b.ann', content: ann },
        { name: 'b.txt', content: marked },
      ]);
    const spans = (value: Interchange) =>
      value.claims.map((c) => [c.selector.start, c.selector.end, c.selector.exact, c.selector.prefix]);

    it('is read without the mark, its offsets counting it as brat does', () => {
      const value = read('T1\tthreat-narrative 1 5\tNATO\nT2\tintegration 6 10\t😀 is\n');
      expect(value.documents).toEqual([{ id: 'b.txt', text }]);
      expect(spans(value)).toEqual([
        [0, 4, 'NATO', ''],
        [5, 9, '😀 is', 'NATO '],
      ]);
      // A span from 0 takes the mark in brat; here it starts with the text.
      expect(spans(read('T1\tthreat-narrative 0 5\t\uFEFFNATO\n'))).toEqual([[0, 4, 'NATO', '']]);
    });

    it('is read with offsets that leave the mark out, when only that reading fits', () => {
      expect(spans(read('\uFEFFT1\tthreat-narrative 0 4\tNATO\nT2\tintegration 5 9\t😀 is\n'))).toEqual([
        [0, 4, 'NATO', ''],
        [5, 9, '😀 is', 'NATO '],
      ]);
    });

    it('is refused, as brat reads it, when neither reading fits', () => {
      const result = parse([
        { name: 'b.ann', content: 'T1\tthreat-narrative 3 7\tNATO\n' },
        { name: 'b.txt', content: marked },
      ]);
      expect(result).toEqual({
        ok: false,
        error: [{ path: 'b.ann:1', message: 'the text "NATO" does not match b.txt, which has "TO 😀" there' }],
      });
    });
  });

  it('lists a .txt without its .ann and files that are not brat as skipped', () => {
    const read = parsed([
      { name: 'a.txt', content: 'x' },
      { name: 'b.ann', content: '' },
      { name: 'b.txt', content: '' },
      { name: 'notes.json', content: '{}' },
    ]);
    expect(read.skipped).toEqual([
      { path: 'a.txt', message: 'no a.ann beside it, so no claims to read' },
      { path: 'notes.json', message: 'not a brat file (.ann, .txt or .conf)' },
    ]);
    expect(read.documents).toEqual([{ id: 'b.txt', text: '' }]);
  });
});

describe('brat detection', () => {
  it('claims brat files and only them', () => {
    expect(bratFormat.detect([{ name: 'a.ann', content: '' }])).toBe(true);
    expect(bratFormat.detect(fixtures)).toBe(true);
    expect(bratFormat.detect([{ name: 'a.txt', content: 'T1\tx 0 1\ta' }])).toBe(false);
    expect(bratFormat.detect([{ name: 'claims.json', content: '{"format":"x"}' }])).toBe(false);
    expect(bratFormat.detect([{ name: 'doccano.jsonl', content: '{"text":"a"}' }])).toBe(false);
    expect(
      bratFormat.detect([
        { name: 'a.ann', content: '' },
        { name: 'a.json', content: '[]' },
      ]),
    ).toBe(false);
    expect(bratFormat).toMatchObject({ id: 'brat', offsetUnit: 'codepoint', reads: ['.ann', '.txt', '.conf'] });
  });
});
