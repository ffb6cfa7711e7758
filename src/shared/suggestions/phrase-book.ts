import { wordForm } from '../concordance/stems';
import { findWords } from '../text/words';

/** Text tagged somewhere: the words of a claim, or of a gazetteer's entry, and its tag. */
export interface TaggedText {
  text: string;
  tagId: string;
}

export type SuggestionSource = 'repeats' | 'gazetteer';

/** What a recurring text suggests: a tag, how sure, and from what. */
export interface PhraseTag {
  tagId: string;
  /** The share of this text's claims that carry the tag; 1 for a gazetteer's entry never claimed. */
  score: number;
  source: SuggestionSource;
}

interface Phrase {
  /** The text as it was first tagged, for a gazetteer written back out. */
  surface: string;
  claims: number;
  byTag: Map<string, number>;
  listed: Set<string>;
  /** Worked out once the book is built. */
  tags: readonly PhraseTag[];
}

/** A phrase found at a place in a text: how many words it takes, and the tags it suggests. */
export interface PhraseMatch {
  length: number;
  tags: readonly PhraseTag[];
}

/** The words of a text as they are compared: lower case, ё read as е, punctuation left out. */
function phraseForms(text: string): string[] {
  return findWords(text).map((word) => wordForm(text.slice(word.start, word.end)));
}

/**
 * The compared words of each text seen, kept between one book and the next: the book is built
 * again after every change to the claims, and segmenting their texts again is most of the work.
 */
export class PhraseForms {
  readonly #known = new Map<string, readonly string[]>();

  constructor(private readonly most = 100_000) {}

  of(text: string): readonly string[] {
    let forms = this.#known.get(text);
    if (!forms) {
      if (this.#known.size >= this.most) this.#known.clear();
      forms = phraseForms(text);
      this.#known.set(text, forms);
    }
    return forms;
  }
}

/**
 * What the corpus has tagged, by its normalised words: each text with how often each tag was
 * given to it, and the gazetteer's entries. Built again from the claims whenever they change, so
 * the same claims give the same book whatever order they were made in.
 */
export class PhraseBook {
  /** By the phrase's words joined with spaces. */
  readonly #phrases = new Map<string, Phrase>();
  /** For each first word, the most words a phrase starting with it has. */
  readonly #longest = new Map<string, number>();

  static from(
    claims: readonly TaggedText[],
    gazetteer: readonly TaggedText[] = [],
    forms: PhraseForms = new PhraseForms(),
  ): PhraseBook {
    const book = new PhraseBook();
    for (const claim of claims) {
      const phrase = book.#phrase(claim.text, forms);
      if (!phrase) continue;
      phrase.claims++;
      phrase.byTag.set(claim.tagId, (phrase.byTag.get(claim.tagId) ?? 0) + 1);
    }
    for (const entry of gazetteer) book.#phrase(entry.text, forms)?.listed.add(entry.tagId);
    for (const phrase of book.#phrases.values()) phrase.tags = tagsOf(phrase);
    return book;
  }

  #phrase(text: string, known: PhraseForms): Phrase | undefined {
    const forms = known.of(text);
    const first = forms[0];
    if (first === undefined) return undefined;
    const key = forms.join(' ');
    let phrase = this.#phrases.get(key);
    if (!phrase) {
      phrase = { surface: text.trim().replace(/\s+/g, ' '), claims: 0, byTag: new Map(), listed: new Set(), tags: [] };
      this.#phrases.set(key, phrase);
      this.#longest.set(first, Math.max(forms.length, this.#longest.get(first) ?? 0));
    }
    return phrase;
  }

  get size(): number {
    return this.#phrases.size;
  }

  /** The longest phrase of the book whose words are `forms[at…]`. */
  longestAt(forms: readonly string[], at: number): PhraseMatch | undefined {
    const most = this.#longest.get(forms[at] as string);
    if (most === undefined) return undefined;
    let found: PhraseMatch | undefined;
    let key = forms[at] as string;
    for (let length = 1; length <= most && at + length <= forms.length; length++) {
      if (length > 1) key += ` ${forms[at + length - 1]}`;
      const phrase = this.#phrases.get(key);
      if (phrase) found = { length, tags: phrase.tags };
    }
    return found;
  }

  /** Every text with each tag it was given, as a gazetteer holds them, in a stable order. */
  entries(): TaggedText[] {
    const entries: TaggedText[] = [];
    for (const phrase of this.#phrases.values()) {
      for (const tagId of new Set([...phrase.byTag.keys(), ...phrase.listed]))
        entries.push({ text: phrase.surface, tagId });
    }
    return entries.sort((a, b) => a.tagId.localeCompare(b.tagId) || a.text.localeCompare(b.text));
  }
}

/** The tags a phrase suggests, the surest first (ties by tag id, so the order is stable). */
function tagsOf(phrase: Phrase): PhraseTag[] {
  const tags: PhraseTag[] = [...phrase.byTag].map(([tagId, count]) => ({
    tagId,
    score: count / phrase.claims,
    source: 'repeats',
  }));
  for (const tagId of phrase.listed) {
    if (!phrase.byTag.has(tagId)) tags.push({ tagId, score: 1, source: 'gazetteer' });
  }
  return tags.sort((a, b) => b.score - a.score || (a.tagId < b.tagId ? -1 : a.tagId > b.tagId ? 1 : 0));
}
