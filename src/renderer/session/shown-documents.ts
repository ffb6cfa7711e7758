import type { CorpusDocument } from '../../shared/model/document';
import { remember } from '../../shared/recently-used';

/** Documents shown last, as served: going back to one shows it while the host confirms it. */
const KEPT_DOCUMENTS = 4;

const keyOf = (id: string, encoding: string | undefined) => `${id}\u0000${encoding ?? ''}`;

/**
 * The last documents read in this session, by id and encoding. A document read again with the
 * same text (same hash) keeps the copy kept already, so nothing that shows it redraws.
 */
export class ShownDocuments {
  readonly #kept = new Map<string, CorpusDocument>();

  get(id: string, encoding: string | undefined): CorpusDocument | undefined {
    return this.#kept.get(keyOf(id, encoding));
  }

  keep(id: string, encoding: string | undefined, document: CorpusDocument): CorpusDocument {
    const key = keyOf(id, encoding);
    const kept = this.#kept.get(key);
    return remember(this.#kept, key, kept?.sha256 === document.sha256 ? kept : document, KEPT_DOCUMENTS);
  }

  forget(id: string, encoding: string | undefined): void {
    this.#kept.delete(keyOf(id, encoding));
  }
}
