/** What typed text is stored as: trimmed, and no attribute at all when nothing is left. */
export const typedValue = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** Text typed into a claim's field and not yet written to the database. */
export interface TypedDraft {
  documentId: string;
  claimId: string;
  field: 'speaker' | 'note';
  value: string;
}

/**
 * Typed text kept synchronously in localStorage from the keystroke until its write commits, so a
 * reload, a closed tab or a crash in between loses nothing: the next session of the corpus puts
 * it back. (IndexedDB writes are asynchronous and may not finish while a page is going away.)
 */
export class TypedDrafts {
  readonly #prefix: string;
  readonly #storage: Storage;

  constructor(corpusId: string, storage: Storage = localStorage) {
    this.#prefix = `framing-workbench:typed:${corpusId}:`;
    this.#storage = storage;
  }

  keep(draft: TypedDraft): void {
    try {
      this.#storage.setItem(this.#key(draft), JSON.stringify(draft));
    } catch {
      // Storage full: the text is still written to the database after the pause.
    }
  }

  drop(draft: Pick<TypedDraft, 'claimId' | 'field'>): void {
    this.#storage.removeItem(this.#key(draft));
  }

  all(): TypedDraft[] {
    return Object.keys(this.#storage)
      .filter((key) => key.startsWith(this.#prefix))
      .flatMap((key) => {
        try {
          return [JSON.parse(this.#storage.getItem(key) ?? '') as TypedDraft];
        } catch {
          this.#storage.removeItem(key);
          return [];
        }
      });
  }

  #key = ({ claimId, field }: Pick<TypedDraft, 'claimId' | 'field'>) => `${this.#prefix}${claimId}:${field}`;
}
