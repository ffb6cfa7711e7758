import { Dexie, type EntityTable } from 'dexie';
import type { Orphan } from '../../shared/import/plan-import';
import type { Annotation } from '../../shared/model/annotation';

export interface Setting {
  key: string;
  value: string;
}

/**
 * The analyst's work, in IndexedDB. Each schema version is dated and kept; a later version adds
 * an upgrade beside it and a test that opens a database of the version before.
 */
export class WorkbenchDatabase extends Dexie {
  annotations!: EntityTable<Annotation, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  orphans!: EntityTable<Orphan, 'id'>;

  constructor(name = 'framing-workbench') {
    super(name);
    // 2026-11-22: claims with tombstones; settings as key/value pairs.
    this.version(1).stores({
      annotations: 'id, documentId, updatedAt',
      settings: 'key',
    });
    // 2026-11-22: imported claims that could not be placed are kept as orphans. A new table
    // only: existing records need no change, so the upgrade has nothing to rewrite.
    this.version(2).stores({ orphans: 'id, documentId' });
  }
}

export const db = new WorkbenchDatabase();
