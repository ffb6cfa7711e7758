import snowball from 'snowball-stemmers';

const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** A word as searches compare it: lower case, ё read as е (Russian news writes either). */
export const wordForm = (word: string): string => word.toLowerCase().replace(/ё/g, 'е');

/**
 * The stem of a word form by Snowball's algorithm for its script: Russian for Cyrillic words,
 * English (Porter2) for the others, so that inflections of one word share a stem ("санкции",
 * "санкций" and "санкциями" give "санкц"; "sanctions" and "sanctioned" give "sanction").
 * Stems are kept, since a corpus repeats its words.
 */
export class Stems {
  readonly #known = new Map<string, string>();

  of(form: string): string {
    let stem = this.#known.get(form);
    if (stem === undefined) {
      stem = (CYRILLIC.test(form) ? russian : english).stem(form);
      this.#known.set(form, stem);
    }
    return stem;
  }
}
