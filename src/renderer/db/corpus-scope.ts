import type { CorpusListing } from '../../shared/model/document';
import { db, UNASSIGNED } from './database';

let current: string | undefined;

/**
 * The corpus whose work the repositories read and write. Set once, when the corpus listing
 * arrives and before anything is read; opening another corpus reloads the window.
 */
export function corpusScope(): string {
  if (current === undefined) throw new Error('No corpus is open yet.');
  return current;
}

/** Enters a corpus, taking over unassigned records of its documents (same id and text hash). */
export async function enterCorpus(listing: CorpusListing): Promise<void> {
  current = listing.id;
  const hashes = new Map(listing.documents.map((d) => [d.id, d.sha256]));
  await db.transaction('rw', db.annotations, db.orphans, async () => {
    await db.annotations
      .where('corpusId')
      .equals(UNASSIGNED)
      .filter((a) => hashes.get(a.documentId) === a.documentSha256)
      .modify({ corpusId: listing.id });
    await db.orphans
      .where('corpusId')
      .equals(UNASSIGNED)
      .filter((o) => hashes.has(o.documentId))
      .modify({ corpusId: listing.id });
  });
}
