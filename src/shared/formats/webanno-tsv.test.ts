/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation';
import type { Problem } from '../result';
import type { ExportSet, FileEntry, Interchange } from './interchange';
import { expectSameClaims, exportSet } from './testing/arbitraries';
import { claimOnQuote, exportOf } from './testing/claims';
import { CLAIM_FEATURES, MAX_LINES, webannoTsvFormat } from './webanno-tsv';

/*
 * What the format here rests on (read, not copied), all in inception-project/inception,
 * inception/inception-io-webanno-tsv:
 * - the user guide, src/main/resources/META-INF/asciidoc/user-guide/webannotsv.adoc ("WebAnno TSV
 *   3.3 File format"): UTF-16 offsets; the header and its two blank lines; #T_SP declarations;
 *   #Text lines split at line feeds with \r kept as an escape; `sentence-token` ids and sub-tokens
 *   `1-3.1`; `_` for no annotation and `*` for no value; disambiguation ids `[n]` for multi-unit
 *   and stacked annotations, stacked values separated by `|`; the reserved characters
 *   \ [ ] | _ -> ; \t \n *; white space at an annotation's ends truncated to the tokens.
 * - internal/tsv3x/Tsv3XDeserializer.java: lines read with Java's readLine; the format line
 *   `#FORMAT=<name> <major>.<minor>`; layers split at `|` with empty fields dropped; exactly one
 *   more blank line after the one that ends them; the sentence-header / token / sub-token / blank
 *   line order; the text rebuilt from #Text lines, each followed by a line feed, the previous line
 *   feed dropped when the next sentence starts one earlier and spaces added when it starts later;
 *   stacked values split at `|` not after a backslash; an id taken from a value ending in `]` but
 *   not `\]`; an annotation with an id seen before stretched to each further unit's end; `*` left
 *   unset; the text's final line feed kept.
 * - internal/tsv3x/Tsv3XSerializer.java and Tsv3XCasDocumentBuilder.java: a tab after every
 *   column; sub-tokens after their token; ids for multi-token and stacked span annotations.
 * - internal/tsv3x/Escaping.java: escapeValue / unescapeValue and escapeText / unescapeText (3.2
 *   and later), both StringUtils.replaceEach.
 */

const fixtures = Object.entries(
  import.meta.glob<string>('./fixtures/webanno/*', { query: '?raw', import: 'default', eager: true }),
).map(([path, content]): FileEntry => ({ name: path.slice('./fixtures/webanno/'.length), content }));

const parse = (files: readonly FileEntry[]) => {
  if (!webannoTsvFormat.parse) throw new Error('WebAnno TSV reads files');
  return webannoTsvFormat.parse(files);
};

function parsed(files: readonly FileEntry[]): Interchange {
  const result = parse(files);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error, null, 2)}`);
  return result.value;
}

const tsv = (...lines: string[]) => `${lines.join('\n')}\n`;

// A reader of INCEpTION's rules, written from Tsv3XDeserializer and Escaping, so that the writer
// is checked against what INCEpTION makes of its files rather than against our own parser. It
// knows span layers with plain features, which is all the writer writes.

/** Apache Commons' StringUtils.replaceEach: the earliest match, on a tie the first listed, then on after it. */
function replaceEach(text: string, search: readonly string[], replace: readonly string[]): string {
  let out = '';
  let at = 0;
  for (;;) {
    let found = -1;
    let which = -1;
    search.forEach((s, i) => {
      const index = text.indexOf(s, at);
      if (index >= 0 && (found < 0 || index < found)) {
        found = index;
        which = i;
      }
    });
    if (found < 0) return out + text.slice(at);
    out += text.slice(at, found) + replace[which];
    at = found + (search[which] as string).length;
  }
}

const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((_, i) => i < 8 || i > 13);
const textPlain = [...controls, '\t', '\n', '\f', '\r', '\b', '\\'];
const textEscaped = [...controls.map((c) => `\\${c}`), '\\t', '\\n', '\\f', '\\r', '\\b', '\\\\'];
const valuePlain = ['\\', '[', ']', '|', '_', '->', ';', '\t', '\n', '*'];
const valueEscaped = ['\\\\', '\\[', '\\]', '\\|', '\\_', '\\->', '\\;', '\\t', '\\n', '\\*'];

interface InceptionAnnotation {
  type: string;
  begin: number;
  end: number;
  features: Record<string, string>;
}

/** What INCEpTION's reader makes of a file: the document text and the span annotations; throws where it would. */
function inceptionRead(content: string): { text: string; annotations: InceptionAnnotation[] } {
  const lines = content.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  let n = 0;
  const next = () => lines[n++];
  if (!/^#FORMAT=.* \d+\.\d+$/.test(next() ?? '')) throw new Error('illegal format header');
  const columns: { type: string; feature: string }[] = [];
  for (let line = next(); line !== undefined && line.trim() !== ''; line = next()) {
    if (!line.startsWith('#T_SP=')) throw new Error(`not a span layer: ${line}`);
    const [type = '', ...features] = line
      .slice('#T_SP='.length)
      .split('|')
      .filter((f) => f !== '');
    for (const feature of features) columns.push({ type, feature });
  }
  if (next() !== '') throw new Error('the extra blank line after the schema is missing');

  let text = '';
  let sentenceText = '';
  const annotations: InceptionAnnotation[] = [];
  const byId = new Map<number, InceptionAnnotation>();
  type State = 'INTER' | 'HEADER' | 'TOKEN' | 'SUBTOKEN' | 'END';
  let state: State = 'INTER';
  let prevState: State = 'INTER';
  for (let line = next(); state !== 'END'; line = next()) {
    let fields: string[] = [];
    if ((state === 'INTER' || state === 'HEADER') && line?.startsWith('#')) state = 'HEADER';
    else if (line === undefined) state = 'END';
    else if (line === '') state = 'INTER';
    else {
      fields = line.split('\t');
      if (fields.length < columns.length + 3) throw new Error(`too few fields: ${line}`);
      state = (fields[0] as string).includes('.') ? 'SUBTOKEN' : 'TOKEN';
    }
    if (prevState === 'INTER' && state !== 'HEADER') throw new Error(`expected sentence header, got ${state}`);
    if (prevState === 'HEADER' && state !== 'HEADER' && state !== 'TOKEN')
      throw new Error(`expected token, got ${state}`);
    if (state === 'HEADER' && line?.startsWith('#Text=')) {
      sentenceText += `${replaceEach(line.slice('#Text='.length), textEscaped, textPlain)}\n`;
    }
    if (state === 'TOKEN' || state === 'SUBTOKEN') {
      const [begin, end] = (fields[1] as string).split('-').map(Number) as [number, number];
      if (state === 'TOKEN' && prevState === 'HEADER') {
        if (text.length > begin) {
          if (text.length !== begin + 1 || !text.endsWith('\n')) throw new Error('sentences overlap');
          text = text.slice(0, -1);
        }
        text += ' '.repeat(Math.max(0, begin - text.length)) + sentenceText;
        sentenceText = '';
      }
      const stacked = new Map<string, InceptionAnnotation[]>();
      columns.forEach((column, c) => {
        const raw = fields[c + 3] as string;
        if (raw === '_') return;
        raw.split(/(?<!\\)\|/).forEach((stackedValue, k) => {
          let value = stackedValue;
          let id: number | undefined;
          if (value.endsWith(']') && !value.endsWith('\\]')) {
            const after = value.slice(value.lastIndexOf('[') + 1);
            id = Number(after.slice(0, after.indexOf(']')));
            value = value.slice(0, value.lastIndexOf('['));
          }
          const list = stacked.get(column.type) ?? [];
          stacked.set(column.type, list);
          let annotation = list[k];
          if (!annotation && id !== undefined) {
            annotation = byId.get(id);
            if (annotation) {
              list.push(annotation);
              annotation.end = end;
            }
          }
          if (!annotation) {
            annotation = { type: column.type, begin, end, features: {} };
            list.push(annotation);
            annotations.push(annotation);
          }
          if (id !== undefined) byId.set(id, annotation);
          if (value !== '*') annotation.features[column.feature] = replaceEach(value, valueEscaped, valuePlain);
        });
      });
    }
    prevState = state;
  }
  return { text, annotations };
}

// Hand-made material

const sha = 'c'.repeat(64);

const claim = (
  doc: { id: string; text: string },
  quote: string,
  tags: string[],
  id: string,
  attributes: Annotation['attributes'] = {},
) => claimOnQuote(doc, quote, tags, id, { sha256: sha, extra: { attributes } });

const setOf = (documents: { id: string; text: string; missing?: boolean }[], annotations: Annotation[]) =>
  exportOf(documents, annotations, { sha256: sha });

const news = { id: 'news/b.txt', text: 'NATO is a threat 😀,\r\nsaid Lavrov.\n\nМинск: «нет»' };
const ID1 = '01JDA0000000000000000000A1';
const ID2 = '01JDA0000000000000000000A2';
const ID3 = '01JDA0000000000000000000A3';
const newsClaims = [
  claim(news, 'NATO is a threat 😀', ['threat-narrative', 'sanctions-pressure'], ID1, {
    speaker: 'Lavrov',
    stance: 'reported',
    note: 'a|b_c',
  }),
  claim(news, 'threat', ['integration'], ID2, { confidence: 'high' }),
  claim(news, 'avrov.\n\nМин', ['sovereignty-balancing'], ID3, { note: 'line\r\nbreak' }),
];

/** The cells of the six columns for the annotations given as [values, id]. */
const cells = (...annotations: [string[], number][]) =>
  CLAIM_FEATURES.map((_, f) => annotations.map(([values, id]) => `${values[f]}[${id}]`).join('|')).join('\t');
const none = CLAIM_FEATURES.map(() => '_').join('\t');
const first = ['threat-narrative', 'Lavrov', 'reported', '*', 'a\\|b\\_c', ID1];
const second = ['sanctions-pressure', 'Lavrov', 'reported', '*', 'a\\|b\\_c', ID1];
const third = ['integration', '*', '*', 'high', '*', ID2];
const fourth = ['sovereignty-balancing', '*', '*', '*', 'line\\nbreak', ID3];

describe('WebAnno TSV export', () => {
  it('writes each document as <id>.tsv, as INCEpTION writes: header, two blank lines, sentences, a tab after each column', () => {
    const files = webannoTsvFormat.serialize(setOf([news], newsClaims));
    expect(files.map((f) => f.name)).toEqual(['news/b.txt.tsv']);
    expect(files[0]?.content).toBe(
      tsv(
        '#FORMAT=WebAnno TSV 3.3',
        '#T_SP=webanno.custom.Claim|tag|speaker|stance|confidence|note|claimId',
        '',
        '',
        '#Text=NATO is a threat 😀,\\r',
        `1-1\t0-4\tNATO\t${cells([first, 1], [second, 2])}\t`,
        `1-2\t5-7\tis\t${cells([first, 1], [second, 2])}\t`,
        `1-3\t8-9\ta\t${cells([first, 1], [second, 2])}\t`,
        `1-4\t10-16\tthreat\t${cells([first, 1], [second, 2], [third, 3])}\t`,
        `1-5\t17-20\t😀,\t${none}\t`,
        `1-5.1\t17-19\t😀\t${cells([first, 1], [second, 2])}\t`,
        '',
        '#Text=said Lavrov.',
        '#Text=',
        `2-1\t22-26\tsaid\t${none}\t`,
        `2-2\t27-33\tLavrov\t${none}\t`,
        `2-2.1\t28-33\tavrov\t${cells([fourth, 4])}\t`,
        `2-3\t33-34\t.\t${cells([fourth, 4])}\t`,
        '',
        '#Text=Минск: «нет»',
        `3-1\t36-41\tМинск\t${none}\t`,
        `3-1.1\t36-39\tМин\t${cells([fourth, 4])}\t`,
        `3-2\t41-42\t:\t${none}\t`,
        `3-3\t43-44\t«\t${none}\t`,
        `3-4\t44-47\tнет\t${none}\t`,
        `3-5\t47-48\t»\t${none}\t`,
      ),
    );
  });

  it('gives INCEpTION the same text, with a line feed at the end, and one annotation per claim and tag', () => {
    const [file] = webannoTsvFormat.serialize(setOf([news], newsClaims));
    const read = inceptionRead(file?.content ?? '');
    expect(read.text).toBe(`${news.text}\n`);
    expect(read.annotations.map((a) => [a.begin, a.end, a.features.tag, a.features.note])).toEqual([
      [0, 19, 'threat-narrative', 'a|b_c'],
      [0, 19, 'sanctions-pressure', 'a|b_c'],
      [10, 16, 'integration', undefined],
      [28, 39, 'sovereignty-balancing', 'line\nbreak'],
    ]);
  });

  it('escapes #Text lines as INCEpTION does, so CRLF, blank lines, tabs and backslashes come back', () => {
    const doc = { id: 'a.txt', text: 'Tab\there, C:\\corpus\r\n\r\n\r\nnext\u0001 line\u000b.\n' };
    const [file] = webannoTsvFormat.serialize(setOf([doc], [claim(doc, 'C:\\corpus', ['integration'], ID1)]));
    expect(file?.content.split('\n').filter((l) => l.startsWith('#Text='))).toEqual([
      '#Text=Tab\\there, C:\\\\corpus\\r',
      '#Text=\\r',
      '#Text=\\r',
      '#Text=next\\\u0001 line\u000b.',
      '#Text=',
    ]);
    expect(inceptionRead(file?.content ?? '').text).toBe(`${doc.text}\n`);
    expect(parsed([file as FileEntry]).documents).toEqual([{ id: 'a.txt', text: doc.text }]);
  });

  it('ends a sentence at a lone \\r, where INCEpTION drops the line feed it adds before the next one', () => {
    const doc = { id: 'mac.txt', text: 'Old Mac\rline\r' };
    const [file] = webannoTsvFormat.serialize(setOf([doc], [claim(doc, 'Mac\rline', ['integration'], ID1)]));
    expect(file?.content).toContain('#Text=Old Mac\\r\n1-1\t0-3\tOld\t_');
    expect(file?.content).toContain('\n\n#Text=line\\r\n2-1\t8-12\tline\tintegration[1]');
    expect(inceptionRead(file?.content ?? '').text).toBe(`${doc.text}\n`);
    expect(parsed([file as FileEntry])).toMatchObject({
      documents: [{ id: 'mac.txt', text: doc.text }],
      claims: [{ selector: { start: 4, end: 12, exact: 'Mac\rline' } }],
    });
  });

  it('counts UTF-16 code units: an emoji takes two', () => {
    const doc = { id: 'e.txt', text: 'I like it 😊 .' };
    const [file] = webannoTsvFormat.serialize(setOf([doc], [claim(doc, '😊 .', ['integration'], ID1)]));
    expect(file?.content).toContain('1-4\t10-12\t😊\tintegration[1]');
    expect(file?.content).toContain('1-5\t13-14\t.\tintegration[1]');
  });

  it('leaves out white space at the ends of a claim, and a claim of nothing else, as INCEpTION would', () => {
    const doc = { id: 'w.txt', text: 'one  two\n\nthree' };
    const edged = { ...claim(doc, 'two\n\nthree', ['integration'], ID1) };
    edged.target = { ...edged.target, start: 4, end: 10 }; // ' two\n\n'
    const blank = { ...claim(doc, '\n\n', ['integration'], ID2) };
    const [file] = webannoTsvFormat.serialize(setOf([doc], [edged, blank]));
    const read = inceptionRead(file?.content ?? '');
    expect(read.annotations.map((a) => [a.begin, a.end, a.features.claimId])).toEqual([[5, 8, ID1]]);
  });

  it('writes no file for a missing document or one without a word, and leaves deleted claims out', () => {
    const deleted = { ...claim(news, 'Lavrov', ['integration'], ID2), deletedAt: '2026-11-22T11:00:00.000Z' };
    const files = webannoTsvFormat.serialize(
      setOf(
        [news, { id: 'blank.txt', text: ' \r\n\t' }, { id: 'gone.txt', text: '', missing: true }],
        [deleted, claim(news, 'Lavrov', ['integration'], ID1)],
      ),
    );
    expect(files.map((f) => f.name)).toEqual(['news/b.txt.tsv']);
    expect(inceptionRead(files[0]?.content ?? '').annotations.map((a) => a.features.claimId)).toEqual([ID1]);
  });

  it('writes what INCEpTION reads back as the same text and one annotation per claim and tag', () => {
    fc.assert(
      fc.property(exportSet, (set) => {
        const files = webannoTsvFormat.serialize(set);
        expect(files.map((f) => f.name)).toEqual(
          set.documents
            .filter((d) => /\S/.test(d.text))
            .map((d) => `${d.id}.tsv`)
            .sort(),
        );
        for (const file of files) {
          const doc = set.documents.find((d) => `${d.id}.tsv` === file.name) as ExportSet['documents'][0];
          const read = inceptionRead(file.content);
          const lead = (/^\s*/.exec(doc.text) as RegExpExecArray)[0].length;
          expect(read.text).toBe(`${' '.repeat(lead)}${doc.text.slice(lead)}\n`);
          const expected = set.annotations
            .filter((a) => a.documentId === doc.id)
            .flatMap((a) =>
              a.tags.map((tag) => ({
                begin: a.target.start,
                end: a.target.end,
                features: { tag, claimId: a.id, ...a.attributes },
              })),
            );
          const key = (a: { begin: number; end: number; features: object }) =>
            JSON.stringify([a.begin, a.end, Object.entries(a.features).sort()]);
          expect(read.annotations.map(key).sort()).toEqual(expected.map(key).sort());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same bytes for the same claims in any order', () => {
    fc.assert(
      fc.property(exportSet, fc.nat(), (set, seed) => {
        const rotate = <T>(list: readonly T[]) => {
          const at = list.length === 0 ? 0 : seed % list.length;
          return [...list.slice(at), ...list.slice(0, at)].reverse();
        };
        const shuffled = { ...set, documents: rotate(set.documents), annotations: rotate(set.annotations) };
        expect(webannoTsvFormat.serialize(shuffled)).toEqual(webannoTsvFormat.serialize(set));
      }),
      { numRuns: 100 },
    );
  });
});

describe('WebAnno TSV and how claims were made', () => {
  it('leaves it out, and says so: a feature for it would have to be declared in every INCEpTION project', () => {
    expect(webannoTsvFormat.leavesOut).toContain('origin');
    const made = newsClaims.map((c, i) =>
      i % 2
        ? { ...c, origin: { kind: 'search' as const, query: 'threat', regex: true, extent: 'hit' as const } }
        : { ...c, origin: { kind: 'suggestion' as const, source: 'repeats' as const, score: 0.9 } },
    );
    expect(webannoTsvFormat.serialize(setOf([news], made))).toEqual(
      webannoTsvFormat.serialize(setOf([news], newsClaims)),
    );
  });
});

describe('WebAnno TSV round trip', () => {
  it('brings back every claim with its document, span, tags, id and attributes', () => {
    fc.assert(
      fc.property(exportSet, (set) => {
        const files = webannoTsvFormat.serialize(set);
        if (files.length === 0) return;
        expect(webannoTsvFormat.detect(files)).toBe(true);
        const result = parse(files);
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        expect(expectSameClaims(set, result.value)).toEqual([]);
        expect(result.value.skipped).toEqual([]);
        const kept = (r: { id?: string; tags: string[]; attributes: object }) => ({
          id: r.id,
          tags: r.tags,
          attributes: r.attributes,
        });
        const byId = (a: { id?: string }, b: { id?: string }) => ((a.id ?? '') < (b.id ?? '') ? -1 : 1);
        expect(result.value.claims.map(kept).sort(byId)).toEqual(set.annotations.map(kept).sort(byId));
        // White space before the first word comes back as spaces, as in INCEpTION; the rest exactly.
        const texts = set.documents
          .filter((d) => /\S/.test(d.text))
          .map((d) => ({ id: d.id, text: d.text.replace(/^\s+/, (lead) => ' '.repeat(lead.length)) }))
          .sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(result.value.documents).toEqual(texts);
      }),
      { numRuns: 300 },
    );
  });

  it('gives each claim its quote and context, in UTF-16 code units', () => {
    const [, , made] = newsClaims;
    const record = parsed(webannoTsvFormat.serialize(setOf([news], newsClaims))).claims.find((c) => c.id === ID3);
    expect(record).toEqual({
      id: ID3,
      documentId: 'news/b.txt',
      selector: {
        unit: 'utf16',
        start: 28,
        end: 39,
        exact: 'avrov.\n\nМин',
        prefix: made?.target.prefix,
        suffix: made?.target.suffix,
      },
      tags: ['sovereignty-balancing'],
      attributes: { note: 'line\nbreak' },
      origin: 'news/b.txt.tsv:17',
    });
  });
});

describe('WebAnno TSV import of the format as INCEpTION documents it', () => {
  it('reads the complete example of the user guide ("Disambiguation IDs in relations") exactly as shown', () => {
    const example = tsv(
      '#FORMAT=WebAnno TSV 3.3',
      '#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value',
      '#T_RL=webanno.custom.Relation|value|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity',
      '',
      '',
      '#Text=This is a test .',
      '1-1\t0-4\tThis\t*\t_\t_',
      '1-2\t5-7\tis\t_\t_\t_',
      '1-3\t8-9\ta\t_\t_\t_',
      '1-4\t10-14\ttest\t_\t_\t_',
      '1-5\t15-16\t.\t*[1]|*[2]\t*\t1-1[0_1]',
    );
    expect(parsed([{ name: 'example.tsv', content: example }])).toEqual({
      documents: [{ id: 'example', text: 'This is a test .' }],
      claims: [],
      tombstones: [],
      skipped: [
        {
          path: 'example.tsv:3',
          message: 'webanno.custom.Relation: a relation layer: the app has no links between claims',
        },
        {
          path: 'example.tsv:7',
          message:
            'an annotation of de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity without a tag: a claim needs one',
        },
        {
          path: 'example.tsv:11',
          message:
            'an annotation of de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity without a tag: a claim needs one',
        },
        {
          path: 'example.tsv:11',
          message:
            'an annotation of de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity without a tag: a claim needs one',
        },
      ],
    });
  });

  it('reads multi-token and stacked span annotations as the user guide shows them', () => {
    // The declarations and the rows of "Ms." and "Haag" are the guide's; the rest of the sentence is
    // the guide's relation example.
    const example = tsv(
      '#FORMAT=WebAnno TSV 3.3',
      '#T_SP=de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS|PosValue',
      '#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value',
      '',
      '',
      '#Text=Ms. Haag plays Elianti .',
      '1-1\t0-3\tMs.\tNNP\tPER[1]|PERpart[2]',
      '1-2\t4-8\tHaag\tNNP\tPER[1]',
      '1-3\t9-14\tplays\tVBD\t_',
      '1-4\t15-22\tElianti\tNNP\t_',
      '1-5\t23-24\t.\t.\t_',
    );
    const read = parsed([{ name: 'ms-haag.tsv', content: example }]);
    expect(read.claims.map((c) => [c.selector.start, c.selector.end, c.selector.exact, c.tags, c.origin])).toEqual([
      [0, 8, 'Ms. Haag', ['PER'], 'ms-haag.tsv:7'],
      [0, 3, 'Ms.', ['PERpart'], 'ms-haag.tsv:7'],
    ]);
    expect(read.skipped).toEqual([
      {
        path: 'ms-haag.tsv:2',
        message:
          'de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS: annotates single tokens (part of speech, lemma, stem, morphology), not claims',
      },
    ]);
  });

  it('takes the offsets of the example with an emoji as UTF-16 code units', () => {
    const example = tsv(
      '#FORMAT=WebAnno TSV 3.3',
      '#T_SP=webanno.custom.Claim|tag',
      '',
      '',
      '#Text=I like it 😊 .',
      '1-1\t0-1\tI\t_',
      '1-2\t2-6\tlike\t_',
      '1-3\t7-9\tit\t_',
      '1-4\t10-12\t😊\t*',
      '1-5\t13-14\t.\t_',
    );
    const read = parsed([{ name: 'emoji.tsv', content: example }]);
    expect(read.documents).toEqual([{ id: 'emoji', text: 'I like it 😊 .' }]);
    expect(read.skipped).toEqual([
      { path: 'emoji.tsv:9', message: 'an annotation of webanno.custom.Claim without a tag: a claim needs one' },
    ]);
    // Counted in code points, the emoji would end at 11 and the file would not be WebAnno TSV.
    const codePoints = example.replace('10-12', '10-11').replace('13-14', '12-13');
    expect(parse([{ name: 'emoji.tsv', content: codePoints }])).toEqual({
      ok: false,
      error: [
        { path: 'emoji.tsv:9', message: `the token "😊" does not match the sentence's text at 10-11, "\\ud83d"` },
      ],
    });
  });
});

describe('WebAnno TSV fixtures, written from the user guide as INCEpTION would write them', () => {
  it('has the fixtures it expects', () => {
    expect(fixtures.map((f) => f.name).sort()).toEqual(['news.txt.tsv', 'windows.tsv']);
    expect(webannoTsvFormat.detect(fixtures)).toBe(true);
  });

  const news = parsed(fixtures.filter((f) => f.name === 'news.txt.tsv'));

  it('rebuilds the text: \\r and \\t escapes, a line feed between sentences, a space where the file leaves a gap', () => {
    expect(news.documents).toEqual([
      { id: 'news.txt', text: 'Lavrov said NATO is a threat 😀.\r\nМинск отвечает:\t«нет».\n The EU\\NATO line.' },
    ]);
    expect(news.notes).toEqual([
      {
        path: 'news.txt.tsv',
        message:
          'the file leaves out the text before one sentence: it is filled with spaces, as INCEpTION does, so claims across it are found by their words',
      },
    ]);
  });

  it('reads the claim layer: multi-token, stacked, sub-token and cross-sentence spans, with their notes', () => {
    expect(
      news.claims.map((c) => [c.origin, c.selector.start, c.selector.end, c.selector.exact, c.tags, c.attributes]),
    ).toEqual([
      [
        'news.txt.tsv:10',
        12,
        31,
        'NATO is a threat 😀',
        ['threat-narrative', 'sanctions-pressure'],
        { note: 'says Lavrov' },
      ],
      ['news.txt.tsv:13', 22, 28, 'threat', ['integration'], { note: 'a|b' }],
      ['news.txt.tsv:14', 29, 39, '😀.\r\nМинск', ['military-cooperation'], { note: 'line one\nline two x_y' }],
      ['news.txt.tsv:21', 42, 55, 'вечает:\t«нет»', ['loyalty-for-support'], {}],
      ['news.txt.tsv:32', 65, 69, 'NATO', ['Threat narrative'], {}],
    ]);
    expect(news.claims.every((c) => c.documentId === 'news.txt' && c.id === undefined)).toBe(true);
  });

  it('lists the layers, features and annotations it does not take, each with its line', () => {
    expect(news.skipped).toEqual([
      {
        path: 'news.txt.tsv:2',
        message:
          'de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity: claims are read from the webanno.custom.Claim layer alone',
      },
      {
        path: 'news.txt.tsv:4',
        message: 'webanno.custom.Support: a relation layer: the app has no links between claims',
      },
      { path: 'news.txt.tsv:8', message: 'an annotation of webanno.custom.Claim without a tag: a claim needs one' },
      { path: 'news.txt.tsv:34', message: 'an empty annotation of webanno.custom.Claim at 74: a claim needs words' },
    ]);
  });

  it('reads a 3.2 file saved with Windows line endings', () => {
    expect(parsed(fixtures.filter((f) => f.name === 'windows.tsv'))).toMatchObject({
      documents: [{ id: 'windows', text: 'Flag 🇧🇾 first.' }],
      claims: [{ selector: { start: 5, end: 15, exact: '🇧🇾 first' }, tags: ['integration'], origin: 'windows.tsv:7' }],
    });
  });
});

describe('WebAnno TSV import', () => {
  const header = ['#FORMAT=WebAnno TSV 3.3', '#T_SP=webanno.custom.Claim|tag|note', '', ''];
  const body = [
    '#Text=NATO 😀 is here.',
    '1-1\t0-4\tNATO\tthreat-narrative[1]\t*[1]\t',
    '1-2\t5-7\t😀\tthreat-narrative[1]\t*[1]\t',
    '1-3\t8-10\tis\t_\t_\t',
    '1-4\t11-15\there\t_\t_\t',
    '1-5\t15-16\t.\t_\t_\t',
    '',
    '#Text=Second line.',
    '2-1\t17-23\tSecond\tintegration\tcheck\t',
    '2-2\t24-28\tline\t_\t_\t',
    '2-3\t28-29\t.\t_\t_\t',
  ];
  const good = [...header, ...body];
  /** The file with its line `number` (from 1) replaced by `lines`. */
  const changed = (number: number, ...lines: string[]) =>
    tsv(...good.slice(0, number - 1), ...lines, ...good.slice(number));
  const refused = (content: string, name = 'a.txt.tsv'): Problem[] => {
    const result = parse([{ name, content }]);
    if (result.ok) throw new Error('accepted');
    return result.error;
  };

  it('reads the file these tests change', () => {
    expect(parsed([{ name: 'a.txt.tsv', content: tsv(...good) }])).toEqual({
      documents: [{ id: 'a.txt', text: 'NATO 😀 is here.\nSecond line.' }],
      claims: [
        expect.objectContaining({ selector: expect.objectContaining({ start: 0, end: 7, exact: 'NATO 😀' }) }),
        expect.objectContaining({ tags: ['integration'], attributes: { note: 'check' }, origin: 'a.txt.tsv:13' }),
      ],
      tombstones: [],
      skipped: [],
    });
  });

  it('names the document and annotator of a file in INCEpTION project export layout', () => {
    const [record] = parsed([{ name: 'export/annotation/a.txt.tsv/anna.tsv', content: tsv(...good) }]).claims;
    expect(record).toMatchObject({ documentId: 'a.txt', annotator: 'anna' });
  });

  it('takes the tag from value or label, and speaker, stance, confidence, note and claimId by name', () => {
    const file = tsv(
      '#FORMAT=WebAnno TSV 3.3',
      '#T_SP=webanno.custom.Frame|Note|Stance|label|Confidence|ClaimId|Speaker|colour|ROLE_webanno.custom.Frame:Roles_webanno.custom.FrameRolesLink|webanno.custom.Frame',
      '',
      '',
      '#Text=Hi.',
      '1-1\t0-2\tHi\tn\tNeutral / reported\tthreat narrative\tNot A Value\tX1\tLavrov\tred\t_\t_\t',
      '1-2\t2-3\t.\t_\t_\t_\t_\t_\t_\t_\t_\t_\t',
    );
    const read = parsed([{ name: 'f.tsv', content: file }]);
    expect(read.claims).toEqual([
      expect.objectContaining({
        id: 'X1',
        tags: ['threat narrative'],
        attributes: { note: 'n', stance: 'reported', speaker: 'Lavrov' },
      }),
    ]);
    expect(read.skipped).toEqual([
      { path: 'f.tsv:2', message: 'webanno.custom.Frame: the feature "colour" has no place in a claim' },
      {
        path: 'f.tsv:2',
        message: 'webanno.custom.Frame: slot features (links to other annotations) have no place in a claim',
      },
      {
        path: 'f.tsv:6',
        message:
          'confidence "Not A Value" is left out: it is none of the app\'s values and no value id (lowercase letters, digits and dashes)',
      },
    ]);
  });

  it.each([
    [
      'no header',
      () => changed(1, '#T_SP=webanno.custom.Claim|tag|note'),
      1,
      /not WebAnno TSV: the first line must be/,
    ],
    ['an empty file', () => '', 1, /not WebAnno TSV/],
    ['WebAnno TSV 3.1', () => changed(1, '#FORMAT=WebAnno TSV 3.1'), 1, /WebAnno TSV 3\.1 is not read/],
    ['no blank line after the header', () => tsv(...header.slice(0, 2), ...body), 3, /expected a layer declaration/],
    [
      'a broken escape in #Text',
      () => changed(5, '#Text=NATO 😀 is\\ here.'),
      5,
      /"\\\\ " is no escape a #Text line may hold/,
    ],
    [
      'a broken escape in a value',
      () => changed(13, '2-1\t17-23\tSecond\tintegration\tche\\ck\t'),
      13,
      /"\\\\c" in "che\\\\ck" is no escape/,
    ],
    [
      'a token text the offsets do not give',
      () => changed(8, '1-3\t8-10\tIS\t_\t_\t'),
      8,
      /the token "IS" does not match .* "is"/,
    ],
    ['offsets past the sentence', () => changed(10, '1-5\t15-17\t.\t_\t_\t'), 10, /outside its sentence, 0-16/],
    ['a span id never closed', () => changed(6, '1-1\t0-4\tNATO\tthreat-narrative[1\t*[1]\t'), 6, /never closed/],
    [
      'an id that goes on after a gap',
      () => changed(9, '1-4\t11-15\there\tthreat-narrative[1]\t*[1]\t'),
      9,
      /\[1\] goes on here, but its last row was line 7/,
    ],
    [
      'an id with other values',
      () => changed(7, '1-2\t5-7\t😀\tintegration[1]\t*[1]\t'),
      7,
      /\[1\] has other values here than on line 6/,
    ],
    [
      'an id twice in a row',
      () => changed(6, '1-1\t0-4\tNATO\tthreat-narrative[1]|x[1]\t*[1]|*[1]\t'),
      6,
      /\[1\] stands twice in one row/,
    ],
    ['an unescaped ]', () => changed(8, '1-3\t8-10\tis\ta]b\t*\t'), 8, /unescaped "\]"/],
    ['an unescaped ->', () => changed(8, '1-3\t8-10\tis\ta->1-1\t*\t'), 8, /unescaped "->"/],
    ['a bad id', () => changed(8, '1-3\t8-10\tis\ta[0]\t*[0]\t'), 8, /no disambiguation id/],
    ['columns that disagree', () => changed(8, '1-3\t8-10\tis\tintegration\t_\t'), 8, /disagree/],
    [
      'stacks that disagree',
      () => changed(8, '1-3\t8-10\tis\ta[3]|b[4]\t*[3]\t'),
      8,
      /different numbers of annotations \(2, 1\)/,
    ],
    ['too few fields', () => changed(8, '1-3\t8-10\tis'), 8, /expected 5 tab-separated fields .* found 3/],
    ['a bad token id', () => changed(8, 'one\t8-10\tis\t_\t_\t'), 8, /"one" is no token id/],
    ['bad offsets', () => changed(8, '1-3\t8_10\tis\t_\t_\t'), 8, /"8_10" is no offset pair/],
    [
      'offsets that end before they start',
      () => changed(8, '1-3\t10-8\tis\t_\t_\t'),
      8,
      /ends at 8, before it starts at 10/,
    ],
    ['overlapping tokens', () => changed(8, '1-3\t6-10\tis\t_\t_\t'), 8, /starts before the token before it ends/],
    ['a token before its #Text', () => changed(5, ''), 6, /expected a sentence header/],
    ['a sentence header right after tokens', () => changed(11), 11, /a sentence header must follow a blank line/],
    [
      'a sentence inside the one before',
      () => changed(13, '2-1\t10-16\tSecond\tintegration\tcheck\t'),
      13,
      /starts at 10, inside the sentence before it, which ends at 16/,
    ],
    [
      'a sentence without tokens',
      () => changed(12, '#Text=Second line.', '', '#Text=Third.'),
      12,
      /a sentence without tokens/,
    ],
    [
      'a sub-token away from its token',
      () => changed(8, '1-3\t8-10\tis\t_\t_\t', '1-2.1\t8-9\ti\t_\t_\t'),
      9,
      /the sub-token 1-2\.1 does not follow its token 1-2/,
    ],
    [
      'a sub-token outside its token',
      () => changed(8, '1-3\t8-10\tis\t_\t_\t', '1-3.1\t9-11\ts \t_\t_\t'),
      9,
      /not inside its token 8-10/,
    ],
    [
      'a sentence starting with a sub-token',
      () => changed(13, '2-1.1\t17-20\tSec\t_\t_\t'),
      13,
      /start with a token, not a sub-token/,
    ],
    [
      'a span that cuts an emoji in half',
      () => changed(7, '1-2\t5-7\t😀\t_\t_\t', '1-2.1\t5-6\t\ud83d\tintegration\t*\t'),
      8,
      /cuts an emoji/,
    ],
    [
      'offsets far past any text',
      () => changed(6, '1-1\t999999999-1000000003\tNATO\t_\t_\t'),
      6,
      /longer than 20,000,000 characters/,
    ],
    ['no sentences', () => tsv(...header), 5, /has no sentences/],
  ])('refuses %s with its file and line', (_, content, line, message) => {
    const [problem, ...others] = refused(content());
    expect(others).toEqual([]);
    expect(problem?.path).toBe(`a.txt.tsv:${line}`);
    expect(problem?.message).toMatch(message);
  });

  it('refuses a line of 50 MB without looking into it', () => {
    const started = Date.now();
    expect(refused(changed(12, `#Text=${'x'.repeat(50_000_000)}`))).toEqual([
      { path: 'a.txt.tsv:12', message: 'a line of 50,000,006 characters, more than 1,000,000: not WebAnno TSV' },
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses more than a million lines before reading them', () => {
    expect(refused(`#FORMAT=WebAnno TSV 3.3${'\n'.repeat(MAX_LINES + 1)}`)).toEqual([
      { path: 'a.txt.tsv', message: 'more than 1,000,000 lines: too many to import at once' },
    ]);
  });

  it('imports nothing when one file of several is broken, and reports each problem of its cells', () => {
    const broken = changed(6, '1-1\t0-4\tNATO\ta]\t*[1]\t').replace(
      '2-1\t17-23\tSecond\tintegration',
      '2-1\t17-23\tSecond\ti]',
    );
    const result = parse([
      { name: 'a.txt.tsv', content: tsv(...good) },
      { name: 'b.txt.tsv', content: broken },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((p) => p.path)).toEqual(['b.txt.tsv:6', 'b.txt.tsv:13']);
  });

  it('never throws, whatever the lines hold', () => {
    const line = fc.oneof(
      fc.constantFrom(...good),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc
        .tuple(
          fc.constantFrom('1-1', '1-2', '1-2.1', '2-1', '#Text=', '#T_SP=', '', 'x'),
          fc.constantFrom('\t', ''),
          fc.constantFrom('0-4', '5-7', '4-0', '0-0', '5-6', ''),
          fc.constantFrom('\t', ''),
          fc.string({ unit: fc.constantFrom('N', 'A', '😀', '\t', '|', '[', ']', '1', '*', '_', '\\', '-', '>', ' ') }),
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 16 }), fc.boolean(), (lines, withHeader) => {
        const content = (withHeader ? [...header, ...lines] : lines).join('\n');
        const result = parse([{ name: 'a.txt.tsv', content }]);
        if (result.ok) {
          const text = result.value.documents[0]?.text ?? '';
          for (const c of result.value.claims) {
            expect(c.selector.end).toBeGreaterThan(c.selector.start ?? Number.NaN);
            expect(text.slice(c.selector.start, c.selector.end)).toBe(c.selector.exact);
          }
        } else {
          for (const p of result.error) expect(p.path).toMatch(/^a\.txt\.tsv(:\d+)?$/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('WebAnno TSV detection', () => {
  it('claims files that start with the format line, and only them', () => {
    expect(webannoTsvFormat.detect([{ name: 'a.tsv', content: '\uFEFF#FORMAT=WebAnno TSV 3.3\n' }])).toBe(true);
    expect(webannoTsvFormat.detect([{ name: 'a.tsv', content: 'id\tlabel\n' }])).toBe(false);
    expect(webannoTsvFormat.detect([{ name: 'a.ann', content: 'T1\tx 0 1\ta' }])).toBe(false);
    expect(webannoTsvFormat.detect([])).toBe(false);
    expect(webannoTsvFormat).toMatchObject({ offsetUnit: 'utf16', reads: ['.tsv'] });
  });
});
