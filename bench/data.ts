/**
 * Seeded, deterministic benchmark data: news-like English and Russian text and claims over it.
 * Pure code (no node:*, no DOM), so the Node benchmarks and the browser pages generate the same data.
 */
import { narrativesCodebook } from '../src/shared/codebooks/narratives';
import { type Annotation, textTarget } from '../src/shared/model/annotation';
import { splitLines } from '../src/shared/text/lines';
import { OffsetIndex } from '../src/shared/text/offsets';

export type Random = () => number;

/** A linear congruential generator: the same seed gives the same sequence on every machine. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

export const EN_WORDS =
  'NATO Belarus Russia integration sanctions minister said the union state military drills pressure Minsk Moscow west alliance economy border security government president talks agreement'.split(
    ' ',
  );
export const RU_WORDS =
  'НАТО Белоруссия Россия интеграция санкции министр заявил союзное государство учения давление Минск Москва запад альянс экономика граница безопасность правительство'.split(
    ' ',
  );
const EN_GLUE = 'the of and to in that on for with as by at from was is has will would not about after'.split(' ');
const RU_GLUE = 'и в на что по с не из для как о к за от при уже также это'.split(' ');

function sentence(random: Random, russian: boolean): string {
  const words = russian ? RU_WORDS : EN_WORDS;
  const glue = russian ? RU_GLUE : EN_GLUE;
  const length = 8 + Math.floor(random() * 16);
  const parts = Array.from({ length }, (_, i) => (i % 3 === 1 ? pick(random, glue) : pick(random, words)));
  const first = parts[0] as string;
  parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
  if (length > 12) parts[Math.floor(length / 2)] += ',';
  return `${parts.join(' ')}${random() < 0.1 ? '?' : '.'}`;
}

/**
 * A scraped news page of about `length` characters: a menu, a title, a date, paragraphs of
 * English with some Russian ones (quoted sources), and a footer; blank lines between paragraphs.
 */
export function newsArticle(random: Random, length: number, title = 'Minsk and Moscow discuss integration'): string {
  const head = ['Home | World | Politics | Economy | Subscribe', '', title, '', '10.09.2021 10:15', ''];
  const foot = ['', 'Subscribe to our channels. Comments are moderated.', '© 2021 News Agency'];
  const body: string[] = [];
  let size = head.join('\n').length + foot.join('\n').length;
  while (size < length) {
    const russian = random() < 0.3;
    const paragraph = Array.from({ length: 3 + Math.floor(random() * 5) }, () => sentence(random, russian)).join(' ');
    body.push(paragraph, '');
    size += paragraph.length + 2;
  }
  body.pop();
  return [...head, ...body, ...foot].join('\n');
}

export interface ClaimSpan {
  start: number;
  end: number;
  tag: string;
}

/** Tag ids of the default codebook, which the app opens a new corpus with. */
export const TAGS = narrativesCodebook.tags.map((t) => t.id);

/**
 * `count` claims spread evenly over the text's paragraphs (lines longer than 200 characters),
 * each 2 to 10 words on word boundaries; about a third overlap the next one.
 */
export function claimSpans(random: Random, text: string, count: number): ClaimSpan[] {
  const words: { start: number; end: number; line: number }[] = [];
  splitLines(text).forEach((line, index) => {
    if (line.end - line.start < 200) return;
    const pattern = /[\p{L}\p{N}]+/gu;
    const slice = text.slice(line.start, line.end);
    for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
      words.push({ start: line.start + m.index, end: line.start + m.index + m[0].length, line: index });
    }
  });
  const spacing = words.length / count;
  const spans: ClaimSpan[] = [];
  for (let k = 0; k < count; k++) {
    const first = Math.min(words.length - 1, Math.floor(k * spacing + random() * Math.min(3, spacing)));
    const start = words[first] as (typeof words)[number];
    let last = Math.min(words.length - 1, first + 1 + Math.floor(random() * 9));
    while ((words[last] as (typeof words)[number]).line !== start.line) last--;
    spans.push({ start: start.start, end: (words[last] as (typeof words)[number]).end, tag: pick(random, TAGS) });
  }
  return spans;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A valid ULID from a seeded generator: `time` milliseconds, then 80 random bits. */
export function seededUlid(random: Random, time: number): string {
  let out = '';
  for (let i = 9; i >= 0; i--) out += CROCKFORD[Math.floor(time / 32 ** i) % 32];
  for (let i = 0; i < 16; i++) out += CROCKFORD[Math.floor(random() * 32)];
  return out;
}

/** A fake but well-formed SHA-256 (the benchmarks that use it never hash the text). */
export function seededSha(random: Random): string {
  return Array.from({ length: 64 }, () => Math.floor(random() * 16).toString(16)).join('');
}

export interface BenchDocument {
  id: string;
  sha256: string;
  text: string;
}

/** Claims on a document as the app stores them, ids in creation order. */
export function annotationsFor(
  random: Random,
  document: BenchDocument,
  spans: readonly ClaimSpan[],
  options: { annotator: string; time: number },
): Annotation[] {
  const index = new OffsetIndex(document.text);
  return spans.map((span, i) => {
    const at = new Date(options.time + i * 1000).toISOString();
    return {
      id: seededUlid(random, options.time + i * 1000),
      documentId: document.id,
      documentSha256: document.sha256,
      target: textTarget(index, span.start, span.end),
      tags: [span.tag],
      attributes: i % 4 === 0 ? { speaker: `Speaker ${i % 37}`, stance: 'reported' } : {},
      annotator: options.annotator,
      codebookId: narrativesCodebook.id,
      codebookVersion: narrativesCodebook.version,
      createdAt: at,
      updatedAt: at,
    };
  });
}

/**
 * `documents` articles of about 5,000 characters and `perDocument` claims on each, as the app
 * stores them: the data of the repository and format benchmarks.
 */
export function claimCorpus(
  documents: number,
  perDocument: number,
): { documents: BenchDocument[]; annotations: Annotation[] } {
  const random = seeded(11);
  const docs: BenchDocument[] = [];
  const annotations: Annotation[] = [];
  for (let d = 0; d < documents; d++) {
    const doc = {
      id: `${String(Math.floor(d / 1000)).padStart(2, '0')}/article-${String(d).padStart(5, '0')}.txt`,
      sha256: seededSha(random),
      text: newsArticle(random, 5_000, `Article ${d}`),
    };
    docs.push(doc);
    const spans = claimSpans(random, doc.text, perDocument);
    annotations.push(
      ...annotationsFor(random, doc, spans, { annotator: `annotator-${d % 5}`, time: 1_790_000_000_000 + d * 1e6 }),
    );
  }
  return { documents: docs, annotations };
}
