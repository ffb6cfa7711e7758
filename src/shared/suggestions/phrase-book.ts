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
}

/** The words of a text as they are compared: lower case, ё read as е, punctuation left out. */
export function phraseForms(text: string): string[] {
  return findWords(text).map((word) => wordForm(text.slice(word.start, word.end)));
}

/**
 * What the corpus has tagged, by its normalised words: each text with how often each tag was
 * given to it, and the gazetteer's entries. Built again from the claims whenever they change, so
 * the same claims give the same book whatever order they were made in.
 */
export class PhraseBook {
  readonly #phrases = new Map<string, Phrase>();
  /** For each first word, the lengths (in words) of the phrases starting with it, longest first. */
  readonly #lengths = new Map<string, number[]>();

  static from(claims: readonly TaggedText[], gazetteer: readonly TaggedText[] = []): PhraseBook {
    const book = new PhraseBook();
    for (const claim of claims) {
      const phrase = book.#phrase(claim.text);
      if (!phrase) continue;
      phrase.claims++;
      phrase.byTag.set(claim.tagId, (phrase.byTag.get(claim.tagId) ?? 0) + 1);
    }
    for (const entry of gazetteer) book.#phrase(entry.text)?.listed.add(entry.tagId);
    for (const lengths of book.#lengths.values()) lengths.sort((a, b) => b - a);
    return book;
  }

  #phrase(text: string): Phrase | undefined {
    const forms = phraseForms(text);
    const first = forms[0];
    if (first === undefined) return undefined;
    const key = forms.join(' ');
    let phrase = this.#phrases.get(key);
    if (!phrase) {
      phrase = { surface: text.trim().replace(/\s+/g, ' '), claims: 0, byTag: new Map(), listed: new Set() };
      this.#phrases.set(key, phrase);
      const lengths = this.#lengths.get(first) ?? [];
      if (!lengths.includes(forms.length)) lengths.push(forms.length);
      this.#lengths.set(first, lengths);
    }
    return phrase;
  }

  get size(): number {
    return this.#phrases.size;
  }

  /** The longest phrase of the book whose words are `forms[at…]`, as its length in words. */
  longestAt(forms: readonly string[], at: number): number | undefined {
    const lengths = this.#lengths.get(forms[at] as string);
    if (!lengths) return undefined;
    for (const length of lengths) {
      if (at + length > forms.length) continue;
      if (this.#phrases.has(forms.slice(at, at + length).join(' '))) return length;
    }
    return undefined;
  }

  /** The tags a phrase suggests, the surest first (ties by tag id, so the order is stable). */
  tagsOf(forms: readonly string[]): PhraseTag[] {
    const phrase = this.#phrases.get(forms.join(' '));
    if (!phrase) return [];
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
