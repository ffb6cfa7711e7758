import type { CorpusListing } from '../../shared/model/document';
import { UNASSIGNED, type WorkbenchDatabase } from './database';
import type { SaveTracker } from './save-tracker';

/** The corpus whose work a repository reads and writes, and where its writes are reported. */
export interface CorpusScope {
  db: WorkbenchDatabase;
  corpusId: string;
  saves: SaveTracker;
}

/** Enters a corpus, taking over unassigned records of its documents (same id and text hash). */
export async function takeOverUnassigned(db: WorkbenchDatabase, listing: CorpusListing): Promise<void> {
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
