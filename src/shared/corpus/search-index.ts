/**
 * The corpus search's inverted index: for each word, the documents that hold it and how often in
 * the title and in the text, ranked by BM25+. Built for 100,000 documents: a word's documents are
 * one flat list of numbers, scored into typed arrays, so that a common word costs a pass over its
 * list and no objects; saved as bytes that are taken up without decoding (a word's list is decoded
 * when a search first needs it). MiniSearch, used before, kept a map per word and document: 375 ms
 * a keystroke and 5.5 s to load on 100,000 articles (benchmark 10c, 10d).
 */

/** BM25's saturation, length normalisation, and BM25+'s floor for a word that is present at all. */
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;
/** A word in the title counts twice a word in the text. */
const TITLE_BOOST = 2;
/** Counts above these are kept as these: a word's count is packed as title × 2¹⁶ + text, a small integer. */
const MAX_TITLE_COUNT = 0x7fff;
const MAX_TEXT_COUNT = 0xffff;
const MAGIC = 'FWSI';
const FORMAT = 1;

/** A word of the index a query word matched, and how much the match counts (1 for the word itself). */
export interface Match {
  term: string;
  weight: number;
}

export interface Ranked {
  id: string;
  score: number;
  /** The words of the index the document matched. */
  terms: string[];
}

/** [document, counts, document, counts, …], documents ascending; or the same, as saved (varints). */
type Postings = number[];

interface Saved {
  /** The saved words, in code-unit order, and where each one's list ends in `postings`. */
  terms: string[];
  ends: Uint32Array;
  postings: Uint8Array;
}

export class SearchIndex {
  /** By document number; undefined once removed (its postings stay until the index is saved). */
  readonly #ids: (string | undefined)[] = [];
  readonly #numbers = new Map<string, number>();
  readonly #titleLengths: number[] = [];
  readonly #textLengths: number[] = [];
  #titleTotal = 0;
  #textTotal = 0;
  /** Lists decoded from `#saved` or made since; these take precedence. */
  readonly #lists = new Map<string, Postings>();
  #saved: Saved = { terms: [], ends: new Uint32Array(0), postings: new Uint8Array(0) };
  /** Words not in `#saved`, sorted when a prefix is next looked up. */
  #added: string[] = [];
  #addedSorted = true;

  get size() {
    return this.#numbers.size;
  }

  has(id: string): boolean {
    return this.#numbers.has(id);
  }

  add(id: string, title: readonly string[], text: readonly string[]) {
    this.remove(id);
    const number = this.#ids.length;
    this.#ids.push(id);
    this.#numbers.set(id, number);
    this.#titleLengths.push(title.length);
    this.#textLengths.push(text.length);
    this.#titleTotal += title.length;
    this.#textTotal += text.length;
    const counts = new Map<string, number>();
    for (const term of title) counts.set(term, Math.min(MAX_TITLE_COUNT, ((counts.get(term) ?? 0) >>> 16) + 1) << 16);
    for (const term of text) {
      const packed = counts.get(term) ?? 0;
      counts.set(term, (packed & 0xffff0000) | Math.min(MAX_TEXT_COUNT, (packed & 0xffff) + 1));
    }
    for (const [term, packed] of counts) {
      let list = this.#list(term);
      if (!list) {
        list = [];
        this.#lists.set(term, list);
        this.#added.push(term);
        this.#addedSorted = false;
      }
      list.push(number, packed);
    }
  }

  remove(id: string) {
    const number = this.#numbers.get(id);
    if (number === undefined) return;
    this.#numbers.delete(id);
    this.#ids[number] = undefined;
    this.#titleTotal -= this.#titleLengths[number] ?? 0;
    this.#textTotal -= this.#textLengths[number] ?? 0;
  }

  /** The words of the index that begin with `start` (itself included, when it is one). */
  prefixed(start: string): string[] {
    if (!this.#addedSorted) {
      this.#added.sort();
      this.#addedSorted = true;
    }
    return [...from(this.#saved.terms, start), ...from(this.#added, start)];
  }

  /** The words of the index that `keep` accepts, looked at one by one. */
  termsWhere(keep: (term: string) => boolean): string[] {
    const found: string[] = [];
    for (const terms of [this.#saved.terms, this.#added]) for (const term of terms) if (keep(term)) found.push(term);
    return found;
  }

  /** The documents that hold any of `terms`. */
  documentsWith(terms: Iterable<string>): Set<string> {
    const found = new Set<string>();
    for (const term of terms) {
      const list = this.#list(term) ?? [];
      for (let i = 0; i < list.length; i += 2) {
        const id = this.#ids[list[i] as number];
        if (id !== undefined) found.add(id);
      }
    }
    return found;
  }

  /** The words of the index within `distance` edits of `term`, each with its distance. */
  near(term: string, distance: number): { term: string; distance: number }[] {
    const found: { term: string; distance: number }[] = [];
    for (const terms of [this.#saved.terms, this.#added])
      for (const candidate of terms) {
        if (Math.abs(candidate.length - term.length) > distance) continue;
        const edits = editDistance(term, candidate, distance);
        if (edits <= distance) found.push({ term: candidate, distance: edits });
      }
    return found;
  }

  /**
   * The documents that match every query word (any of its matches), best first, at most `limit`
   * (ties in the order the documents were added), and how many matched in all.
   */
  rank(words: readonly (readonly Match[])[], limit: number): { ranked: Ranked[]; total: number } {
    const count = this.#ids.length;
    const live = this.#numbers.size;
    if (words.length === 0 || live === 0) return { ranked: [], total: 0 };
    const scores = new Float64Array(count);
    // How many query words in a row, from the first, each document matched so far.
    const matched = new Uint16Array(count);
    const titleAverage = this.#titleTotal / live || 1;
    const textAverage = this.#textTotal / live || 1;
    const ids = this.#ids;
    words.forEach((matches, word) => {
      for (const { term, weight } of matches) {
        const list = this.#list(term);
        if (!list) continue;
        let frequency = 0;
        for (let i = 0; i < list.length; i += 2) if (ids[list[i] as number] !== undefined) frequency++;
        if (frequency === 0) continue;
        const idf = Math.log(1 + (live - frequency + 0.5) / (frequency + 0.5)) * weight;
        for (let i = 0; i < list.length; i += 2) {
          const document = list[i] as number;
          // A document that missed an earlier word cannot match the query.
          if (matched[document] !== word && matched[document] !== word + 1) continue;
          if (ids[document] === undefined) continue;
          const packed = list[i + 1] as number;
          scores[document] =
            (scores[document] as number) +
            idf *
              (TITLE_BOOST * bm25(packed >>> 16, this.#titleLengths[document] as number, titleAverage) +
                bm25(packed & 0xffff, this.#textLengths[document] as number, textAverage));
          matched[document] = word + 1;
        }
      }
    });
    const candidates: number[] = [];
    for (let document = 0; document < count; document++)
      if (matched[document] === words.length) candidates.push(document);
    const total = candidates.length;
    // The limit's score found on a native sort of the scores alone, so that only the best are sorted by hand.
    let best = candidates;
    if (candidates.length > limit && limit > 0) {
      const sorted = Float64Array.from(candidates, (document) => scores[document] as number).sort();
      const threshold = sorted[sorted.length - limit] as number;
      best = candidates.filter((document) => (scores[document] as number) >= threshold);
    }
    best.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
    const ranked = best.slice(0, Math.max(0, limit)).map((document) => ({
      id: ids[document] as string,
      score: scores[document] as number,
      terms: words.flatMap((matches) =>
        matches.filter(({ term }) => holds(this.#list(term), document)).map(({ term }) => term),
      ),
    }));
    return { ranked, total };
  }

  /** The live documents and their words as bytes, for `SearchIndex.load`. */
  save(): Uint8Array {
    const renumbered = new Int32Array(this.#ids.length).fill(-1);
    const ids: string[] = [];
    const lengths: number[] = [];
    this.#ids.forEach((id, number) => {
      if (id === undefined) return;
      renumbered[number] = ids.length;
      ids.push(id);
      lengths.push(this.#titleLengths[number] as number, this.#textLengths[number] as number);
    });
    const terms = [...new Set([...this.#saved.terms, ...this.#lists.keys()])].sort();
    const kept: string[] = [];
    const ends: number[] = [];
    const postings = new Bytes();
    for (const term of terms) {
      const list = this.#list(term) ?? [];
      let previous = -1;
      for (let i = 0; i < list.length; i += 2) {
        const document = renumbered[list[i] as number] as number;
        if (document < 0) continue;
        postings.varint(document - previous - 1);
        postings.varint(list[i + 1] as number);
        previous = document;
      }
      if (previous < 0) continue;
      kept.push(term);
      ends.push(postings.length);
    }
    const header = new TextEncoder().encode(JSON.stringify({ format: FORMAT, ids, terms: kept }));
    const out = new Bytes();
    out.bytes(new TextEncoder().encode(MAGIC));
    out.uint32(header.length);
    out.bytes(header);
    for (const length of lengths) out.uint32(length);
    for (const end of ends) out.uint32(end);
    out.bytes(postings.result());
    return out.result();
  }

  /** An index as `save` gave it; throws when the bytes are not one, or are damaged. */
  static load(bytes: Uint8Array): SearchIndex {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const damaged = (what: string) => new Error(`The search index is damaged: ${what}.`);
    if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw damaged('not an index');
    const headerLength = view.getUint32(4, true);
    if (8 + headerLength > bytes.length) throw damaged('cut off');
    let header: unknown;
    try {
      header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
    } catch {
      throw damaged('its header is not JSON');
    }
    const { format, ids, terms } = (header ?? {}) as { format?: unknown; ids?: unknown; terms?: unknown };
    if (format !== FORMAT) throw damaged(`of another format (${String(format)})`);
    if (!strings(ids) || !strings(terms)) throw damaged('its header is not a list of documents and words');
    if (new Set(ids).size !== ids.length) throw damaged('a document is listed twice');
    for (let i = 1; i < terms.length; i++)
      if (!((terms[i - 1] as string) < (terms[i] as string))) throw damaged('words out of order');
    let at = 8 + headerLength;
    if (at + 4 * (2 * ids.length + terms.length) > bytes.length) throw damaged('cut off');
    const index = new SearchIndex();
    ids.forEach((id, number) => {
      const title = view.getUint32(at, true);
      const text = view.getUint32(at + 4, true);
      at += 8;
      index.#ids.push(id);
      index.#numbers.set(id, number);
      index.#titleLengths.push(title);
      index.#textLengths.push(text);
      index.#titleTotal += title;
      index.#textTotal += text;
    });
    const ends = new Uint32Array(terms.length);
    for (let i = 0; i < terms.length; i++, at += 4) {
      const end = view.getUint32(at, true);
      ends[i] = end;
      if (end < (i > 0 ? (ends[i - 1] as number) : 0)) throw damaged('a word’s list ends before it begins');
    }
    const postings = bytes.subarray(at);
    if ((terms.length > 0 ? (ends[terms.length - 1] as number) : 0) !== postings.length) throw damaged('cut off');
    index.#saved = { terms, ends, postings };
    return index;
  }

  /** A word's list, decoded from the saved bytes the first time it is asked for. */
  #list(term: string): Postings | undefined {
    const list = this.#lists.get(term);
    if (list) return list;
    const { terms, ends, postings } = this.#saved;
    const at = lowerBound(terms, term);
    if (terms[at] !== term) return undefined;
    const decoded = decode(postings.subarray(at > 0 ? ends[at - 1] : 0, ends[at]), this.#ids.length);
    this.#lists.set(term, decoded);
    return decoded;
  }
}

/** BM25+ for one field: a word `count` times in a field of `length` words, against the average. */
const bm25 = (count: number, length: number, average: number) =>
  count === 0 ? 0 : (count * (K1 + 1)) / (count + K1 * (1 - B + (B * length) / average)) + DELTA;

const strings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Where `term` is, or would go, in the sorted `terms`. */
function lowerBound(terms: readonly string[], term: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((terms[middle] as string) < term) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The words of the sorted `terms` that begin with `start`. */
function* from(terms: readonly string[], start: string): Generator<string> {
  for (let i = lowerBound(terms, start); i < terms.length && (terms[i] as string).startsWith(start); i++)
    yield terms[i] as string;
}

/** Whether `document` is in the list (documents ascending, at even places). */
function holds(list: Postings | undefined, document: number): boolean {
  if (!list) return false;
  let low = 0;
  let high = list.length / 2;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const found = list[2 * middle] as number;
    if (found === document) return true;
    if (found < document) low = middle + 1;
    else high = middle;
  }
  return false;
}

/** A saved list: document gaps and counts as varints. Checked, since it was read from disk. */
function decode(bytes: Uint8Array, documents: number): Postings {
  const list: Postings = [];
  let at = 0;
  const varint = () => {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (at >= bytes.length) throw new Error('The search index is damaged: a word’s list is cut off.');
      const byte = bytes[at++] as number;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new Error('The search index is damaged: a number does not end.');
  };
  let document = -1;
  while (at < bytes.length) {
    document += varint() + 1;
    const packed = varint();
    if (document >= documents || packed > 0x7fffffff)
      throw new Error('The search index is damaged: a word’s list names no document.');
    list.push(document, packed);
  }
  return list;
}

/** Levenshtein distance, given up (any value above `limit`) as soon as it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      row.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length] as number;
}

/** A growing byte buffer. */
class Bytes {
  #buffer = new Uint8Array(1 << 16);
  length = 0;

  #room(size: number) {
    if (this.length + size <= this.#buffer.length) return;
    const grown = new Uint8Array(Math.max(this.#buffer.length * 2, this.length + size));
    grown.set(this.#buffer.subarray(0, this.length));
    this.#buffer = grown;
  }

  varint(value: number) {
    this.#room(5);
    let rest = value;
    while (rest >= 0x80) {
      this.#buffer[this.length++] = (rest & 0x7f) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.#buffer[this.length++] = rest;
  }

  uint32(value: number) {
    this.#room(4);
    new DataView(this.#buffer.buffer).setUint32(this.length, value, true);
    this.length += 4;
  }

  bytes(bytes: Uint8Array) {
    this.#room(bytes.length);
    this.#buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  result(): Uint8Array {
    return this.#buffer.slice(0, this.length);
  }
}
