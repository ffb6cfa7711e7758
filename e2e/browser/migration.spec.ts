import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { corpusId } from '../../src/main/services/corpus';
import { newClaim, textTarget } from '../../src/shared/model/annotation';
import { OffsetIndex } from '../../src/shared/text/offsets';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const sample = corpusId(realpathSync('resources/corpus'));

/** Each schema version's object stores as Dexie creates them: [keyPath, [index name, keyPath][]]. */
type Store = [string | string[], [string, string | string[]][]];
const SCHEMAS: Record<number, Record<string, Store>> = {
  1: {
    annotations: [
      'id',
      [
        ['documentId', 'documentId'],
        ['updatedAt', 'updatedAt'],
      ],
    ],
    settings: ['key', []],
  },
  2: {
    annotations: [
      'id',
      [
        ['documentId', 'documentId'],
        ['updatedAt', 'updatedAt'],
      ],
    ],
    settings: ['key', []],
    orphans: ['id', [['documentId', 'documentId']]],
  },
  3: {
    annotations: [
      'id',
      [
        ['documentId', 'documentId'],
        ['updatedAt', 'updatedAt'],
        ['corpusId', 'corpusId'],
        ['[corpusId+documentId]', ['corpusId', 'documentId']],
      ],
    ],
    settings: ['key', []],
    orphans: [
      'id',
      [
        ['documentId', 'documentId'],
        ['corpusId', 'corpusId'],
        ['[corpusId+documentId]', ['corpusId', 'documentId']],
      ],
    ],
  },
};
SCHEMAS[4] = { ...SCHEMAS[3], documentStates: [['corpusId', 'documentId'], [['corpusId', 'corpusId']]] };
SCHEMAS[5] = {
  ...SCHEMAS[4],
  rejections: [['corpusId', 'clusterKey'], [['[corpusId+documentId]', ['corpusId', 'documentId']]]],
};

SCHEMAS[6] = {
  ...SCHEMAS[5],
  documentLabels: [
    ['corpusId', 'documentId', 'annotator'],
    [
      ['[corpusId+documentId]', ['corpusId', 'documentId']],
      ['corpusId', 'corpusId'],
    ],
  ],
};

SCHEMAS[7] = {
  ...SCHEMAS[6],
  annotations: [
    'id',
    [
      ['documentId', 'documentId'],
      ['updatedAt', 'updatedAt'],
      ['corpusId', 'corpusId'],
      ['[corpusId+documentId]', ['corpusId', 'documentId']],
      ['attributes.speaker', 'attributes.speaker'],
    ],
  ],
  codebooks: [['id', 'version'], [['id', 'id']]],
};

const { rejections: _, ...withoutRejections } = SCHEMAS[7];
SCHEMAS[8] = {
  ...withoutRejections,
  reviews: [
    ['corpusId', 'documentId', 'clusterKey'],
    [
      ['[corpusId+documentId]', ['corpusId', 'documentId']],
      ['corpusId', 'corpusId'],
    ],
  ],
};

for (const version of [1, 2, 3, 4, 5, 6, 7, 8]) {
  test(`a database made by schema version ${version} opens with every record intact, in the corpus it was made on`, async ({
    page,
  }) => {
    const text = readFileSync('resources/corpus/002_e6cb186dbdad8141.txt', 'utf8');
    const quote = 'Sergei Shoigu arrived in Minsk';
    const start = text.indexOf(quote);
    const claim = {
      ...newClaim({
        id: '01JDA0000000000000000000V1',
        documentId: '002_e6cb186dbdad8141.txt',
        documentSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
        target: textTarget(new OffsetIndex(text), start, start + quote.length),
        tagId: 'military-cooperation',
        annotator: 'Old Analyst',
        codebookId: 'narratives',
        codebookVersion: 1,
        now: '2026-11-01T10:00:00.000Z',
      }),
      // From version 3 on, records carry their corpus.
      ...(version >= 3 ? { corpusId: sample } : {}),
    };

    // A same-origin page that is not the app, so the app cannot open the database first.
    await page.goto(`${url}version-${version}-setup`);
    await page.evaluate(
      ({ claim, schema, version }) =>
        new Promise<void>((resolve, reject) => {
          // Dexie stores schema version N as IndexedDB version N * 10.
          const request = indexedDB.open('framing-workbench', version * 10);
          request.onupgradeneeded = () => {
            for (const [name, [keyPath, indexes]] of Object.entries(schema)) {
              const store = request.result.createObjectStore(name, { keyPath });
              for (const [index, path] of indexes) store.createIndex(index, path);
            }
          };
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const stores = ['annotations', 'settings', ...(version >= 5 && version < 8 ? ['rejections'] : [])];
            const tx = db.transaction(stores, 'readwrite');
            tx.objectStore('annotations').put(claim);
            tx.objectStore('settings').put({ key: 'annotator', value: 'Old Analyst' });
            // From version 5 to 7, Review kept its rejections apart.
            if (version >= 5 && version < 8)
              tx.objectStore('rejections').put({
                corpusId: claim.corpusId,
                documentId: claim.documentId,
                clusterKey: `${claim.target.start}:${claim.id}`,
                decidedBy: 'Old Adjudicator',
                decidedAt: '2026-11-02T10:00:00.000Z',
                rationale: 'not a claim',
              });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { claim, schema: SCHEMAS[version] as Record<string, Store>, version },
    );

    const app = new Workbench(page);
    await page.goto(url);
    await expect(page.getByRole('button', { name: 'Annotator: Old Analyst (change)' })).toBeVisible();
    await expect(page.getByLabel('Your name')).toHaveCount(0);
    await app.openDocument('Russia once again speaks about NATO threat for Russia and Belarus');
    await expect(app.claimItem(quote)).toContainText('Military cooperation');
    await app.claimItem(quote).getByRole('button').click();
    await expect(app.claimPanel).toContainText('Old Analyst');

    const schema = await page.evaluate(
      () =>
        new Promise<{ version: number; stores: string[]; reviews: unknown[] }>((resolve) => {
          const request = indexedDB.open('framing-workbench');
          request.onsuccess = () => {
            const db = request.result;
            const stores = [...db.objectStoreNames].sort();
            const read = db.transaction('reviews').objectStore('reviews').getAll();
            read.onsuccess = () => {
              resolve({ version: db.version, stores, reviews: read.result });
              db.close();
            };
          };
        }),
    );
    expect(schema).toEqual({
      version: 90,
      stores: [
        'annotations',
        'codebooks',
        'documentLabels',
        'documentStates',
        'gazetteers',
        'orphans',
        'reviews',
        'settings',
        'suggestionRejections',
      ],
      // A rejection becomes Review's record of its disagreement, with its rationale.
      reviews:
        version >= 5 && version < 8
          ? [
              {
                corpusId: sample,
                documentId: claim.documentId,
                clusterKey: `${claim.target.start}:${claim.id}`,
                decision: {
                  kind: 'rejected',
                  decidedBy: 'Old Adjudicator',
                  decidedAt: '2026-11-02T10:00:00.000Z',
                  rationale: 'not a claim',
                },
                comments: [],
              },
            ]
          : [],
    });
  });
}
