import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import { type Annotation, isLive, newClaim, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import { csvFormat } from './csv';
import type { ExportSet } from './interchange';
import { exportSet } from './testing/arbitraries';

const HEADER = [
  'document_id',
  'document_title',
  'claim_id',
  'quote',
  'tags',
  'tag_ids',
  'speaker',
  'stance',
  'confidence',
  'note',
  'annotator',
  'start_utf16',
  'end_utf16',
  'start_codepoint',
  'end_codepoint',
  'codebook_id',
  'codebook_version',
  'created_at',
  'updated_at',
  'origin',
];

/**
 * A strict RFC 4180 reader, so the tests check the writer against the standard rather than
 * against itself: it refuses a stray quote, a bare CR or LF outside quotes and a last row
 * without its CRLF.
 */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"' && field === '' && !wasQuoted) {
      quoted = wasQuoted = true;
    } else if (c === ',' || (c === '\r' && text[i + 1] === '\n')) {
      row.push(field);
      field = '';
      wasQuoted = false;
      if (c === '\r') {
        rows.push(row);
        row = [];
        i++;
      }
    } else if (c === '"' || c === '\r' || c === '\n' || wasQuoted) {
      throw new Error(`malformed CSV at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
    } else {
      field += c;
    }
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

/** The text as written before the injection guard. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

function exportCsv(set: ExportSet): { bom: boolean; header: string[]; rows: Record<string, string>[] } {
  const files = csvFormat.serialize(set);
  expect(files.map((f) => f.name)).toEqual(['claims.csv']);
  const content = files[0]?.content ?? '';
  const [header = [], ...rows] = readCsv(content.replace(/^\uFEFF/, ''));
  return {
    bom: content.startsWith('\uFEFF'),
    header,
    rows: rows.map((cells) => {
      expect(cells).toHaveLength(header.length);
      return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
    }),
  };
}

const sha = 'c'.repeat(64);

/** A set of one document holding `text`, with a claim on each quote (first occurrence). */
function setWith(text: string, quotes: string[], title = 'Статья'): ExportSet {
  const index = new OffsetIndex(text);
  const annotations = quotes.map((quote, i): Annotation => {
    const start = text.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    return newClaim({
      id: `01JDA00000000000000000000${i.toString(36).toUpperCase()}`,
      documentId: 'ru/статья.txt',
      documentSha256: sha,
      target: textTarget(index, start, start + quote.length),
      tagId: 'integration',
      annotator: 'Борис',
      codebookId: narrativesCodebook.id,
      codebookVersion: narrativesCodebook.version,
      now: '2026-11-22T10:00:00.000Z',
    });
  });
  return {
    exportedAt: '2026-11-22T12:00:00.000Z',
    app: { name: 'Framing Workbench', version: '0.1.0' },
    annotator: 'Борис',
    codebook: narrativesCodebook,
    documents: [{ id: 'ru/статья.txt', title, language: 'ru', sha256: sha, text }],
    annotations,
  };
}

describe('CSV export', () => {
  it('is export only', () => {
    expect(csvFormat.id).toBe('csv');
    expect(csvFormat.reads).toEqual([]);
    expect(csvFormat.parse).toBeUndefined();
    expect(csvFormat.detect([{ name: 'claims.csv', content: HEADER.join(',') }])).toBe(false);
  });

  it('writes a BOM, the header and CRLF line ends', () => {
    const content = csvFormat.serialize(setWith('Минск said so.', ['Минск']))[0]?.content ?? '';
    expect(content.startsWith(`\uFEFF${HEADER.join(',')}\r\n`)).toBe(true);
    expect(content.endsWith('\r\n')).toBe(true);
    expect(content.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('writes only the header when there are no claims', () => {
    const { header, rows } = exportCsv(setWith('Nothing here.', []));
    expect(header).toEqual(HEADER);
    expect(rows).toEqual([]);
  });

  it('gives every column of a claim', () => {
    const set = setWith('Он сказал: «Минск — союзник».', ['Минск — союзник']);
    const claim = set.annotations[0] as Annotation;
    set.annotations = [
      {
        ...claim,
        tags: ['integration', 'threat-narrative'],
        attributes: { speaker: 'Шойгу', stance: 'reported', confidence: 'high', note: 'see p. 2' },
        updatedAt: '2026-11-23T09:30:00.000Z',
      },
    ];
    const { rows } = exportCsv(set);
    expect(rows).toEqual([
      {
        document_id: 'ru/статья.txt',
        document_title: 'Статья',
        claim_id: claim.id,
        quote: 'Минск — союзник',
        tags: 'Integration; Threat narrative',
        tag_ids: 'integration;threat-narrative',
        speaker: 'Шойгу',
        stance: 'reported',
        confidence: 'high',
        note: 'see p. 2',
        annotator: 'Борис',
        start_utf16: '12',
        end_utf16: '27',
        start_codepoint: '12',
        end_codepoint: '27',
        codebook_id: 'narratives',
        codebook_version: '1',
        created_at: '2026-11-22T10:00:00.000Z',
        updated_at: '2026-11-23T09:30:00.000Z',
        origin: '',
      },
    ]);
  });

  it('says in its last column how each claim was made, when not by hand', () => {
    const quotes = ['Санкции', 'Запада', 'не сломят', 'нас', 'Минск'];
    const set = setWith('Санкции Запада не сломят нас, сказал Минск.', quotes);
    const origins: Annotation['origin'][] = [
      { kind: 'search', query: 'санкции "Запада"', regex: false, extent: 'sentence' },
      { kind: 'search', query: 'сломя[тл]', regex: true, extent: 'hit' },
      { kind: 'suggestion', source: 'repeats', score: 0.834 },
      { kind: 'suggestion', source: 'gazetteer', score: 1 },
      undefined,
    ];
    set.annotations = set.annotations.map((claim, i) => ({ ...claim, origin: origins[i] }));
    const { header, rows } = exportCsv(set);
    expect(header.at(-1)).toBe('origin');
    expect(rows.map((r) => [r.quote, r.origin])).toEqual([
      ['Санкции', 'search: "санкции \\"Запада\\"" (sentence)'],
      ['Запада', 'search: /сломя[тл]/ (hit)'],
      ['не сломят', 'suggestion: repeats 0.83'],
      ['нас', 'suggestion: gazetteer 1.00'],
      ['Минск', ''],
    ]);
  });

  it('quotes commas, double quotes and line breaks, keeping CRLF inside a quote', () => {
    const quotes = ['NATO, the West', 'the "threat"', 'line one\r\nline two', 'a\nb'];
    const set = setWith(`${quotes.join(' | ')}.`, quotes, 'Title, "quoted"');
    const content = csvFormat.serialize(set)[0]?.content ?? '';
    expect(content).toContain('"NATO, the West"');
    expect(content).toContain('"the ""threat"""');
    expect(content).toContain('"line one\r\nline two"');
    expect(content).toContain('"Title, ""quoted"""');
    expect(exportCsv(set).rows.map((r) => r.quote)).toEqual(quotes);
  });

  it('counts emoji and flags once in code points and twice in UTF-16', () => {
    const text = '🇧🇾 Minsk said 😀 “Союз”';
    const { rows } = exportCsv(setWith(text, ['Minsk', '😀 “Союз”']));
    expect(rows.map((r) => [r.quote, r.start_utf16, r.end_utf16, r.start_codepoint, r.end_codepoint])).toEqual([
      ['Minsk', '5', '10', '3', '8'],
      ['😀 “Союз”', '16', '25', '14', '22'],
    ]);
  });

  it('guards formula-like cells with an apostrophe but leaves offsets numeric', () => {
    const quotes = ['=HYPERLINK("http://evil.example","click")', '-1', '@cmd', '+7 495'];
    const set = setWith(`${quotes.join(' ; ')} end`, quotes);
    const claim = set.annotations[0] as Annotation;
    set.annotations[0] = { ...claim, attributes: { speaker: '=1+1', note: '-note' } };
    const { rows } = exportCsv(set);
    expect(rows.map((r) => r.quote)).toEqual([`'=HYPERLINK("http://evil.example","click")`, "'-1", "'@cmd", "'+7 495"]);
    expect(rows[0]?.speaker).toBe("'=1+1");
    expect(rows[0]?.note).toBe("'-note");
    expect(rows.map((r) => r.start_utf16)).toEqual(['0', '44', '49', '56']);
  });

  it('leaves out deleted claims', () => {
    const set = setWith('Минск and Москва.', ['Минск', 'Москва']);
    const [live, deleted] = set.annotations as [Annotation, Annotation];
    set.annotations = [live, { ...deleted, deletedAt: '2026-11-22T11:00:00.000Z' }];
    expect(exportCsv(set).rows.map((r) => r.claim_id)).toEqual([live.id]);
  });

  it('writes each live claim once with its quote and both kinds of offsets', () => {
    fc.assert(
      fc.property(exportSet, (set) => {
        const { bom, header, rows } = exportCsv(set);
        expect(bom).toBe(true);
        expect(header).toEqual(HEADER);
        const live = set.annotations.filter(isLive);
        expect(rows).toHaveLength(live.length);
        const texts = new Map(set.documents.map((d) => [d.id, d.text]));
        const byId = new Map(rows.map((r) => [r.claim_id, r]));
        for (const claim of live) {
          const row = byId.get(claim.id);
          const text = texts.get(claim.documentId) ?? '';
          const quote = unguard(row?.quote ?? '');
          expect(row?.document_id).toBe(claim.documentId);
          expect(quote).toBe(claim.target.exact);
          expect(text.slice(Number(row?.start_utf16), Number(row?.end_utf16))).toBe(quote);
          const codePoints = Array.from(text).slice(Number(row?.start_codepoint), Number(row?.end_codepoint));
          expect(codePoints.join('')).toBe(quote);
        }
        // Text order as everywhere: document, start, longer span first, then id. NUL and zero-padding
        // make string order say so.
        const keys = rows.map(
          (r) =>
            `${r.document_id}\0${r.start_utf16?.padStart(9, '0')}\0${String(1e9 - Number(r.end_utf16)).padStart(10, '0')}\0${r.claim_id}`,
        );
        expect(keys).toEqual([...keys].sort());
      }),
    );
  });

  it('gives the same bytes for the same claims in any order', () => {
    const shuffled = exportSet.chain((set) =>
      fc.record({
        set: fc.constant(set),
        annotations: fc.shuffledSubarray(set.annotations, { minLength: set.annotations.length }),
        documents: fc.shuffledSubarray(set.documents, { minLength: set.documents.length }),
      }),
    );
    fc.assert(
      fc.property(shuffled, ({ set, annotations, documents }) => {
        expect(csvFormat.serialize({ ...set, annotations, documents })).toEqual(csvFormat.serialize(set));
      }),
    );
  });
});
