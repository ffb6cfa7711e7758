import { afterEach, describe, expect, it } from 'vitest';
import type { HostApi } from '../../shared/host-api';
import type { Orphan } from '../../shared/import/plan-import';
import { type Annotation, newClaim, textTarget } from '../../shared/model/annotation';
import type { CorpusListing } from '../../shared/model/document';
import { OffsetIndex } from '../../shared/text/offsets';
import { type CorpusSession, openCorpusSession } from '../session/corpus-session';
import { ClaimHistory } from './claim-history';
import { WorkbenchDatabase } from './database';
import type { DocumentClaims } from './document-claims';
import { SaveTracker } from './save-tracker';

const text = 'NATO is a threat. Minsk and Moscow integrate. Sanctions bite.';
const index = new OffsetIndex(text);
const SHA = 'a'.repeat(64);

let made = 0;
const claim = (quote: string, documentId = 'a.txt', tag = 'threat-narrative'): Annotation =>
  newClaim({
    id: `01J${String(++made).padStart(23, '0')}`,
    documentId,
    documentSha256: SHA,
    target: textTarget(index, text.indexOf(quote), text.indexOf(quote) + quote.length),
    tagId: tag,
    annotator: 'Ada',
    codebookId: 'narratives',
    codebookVersion: 1,
    now: new Date().toISOString(),
  });

const listing = (id: string): CorpusListing => ({
  id,
  name: 'test corpus',
  root: '/corpus',
  skipped: [],
  documents: ['a.txt', 'b.txt'].map((documentId) => ({
    id: documentId,
    title: documentId,
    language: 'en',
    sha256: SHA,
    length: text.length,
    bytes: text.length,
    format: 'text',
    encoding: 'utf-8',
  })),
});

/** The host is not part of these tests: any use of it fails them. */
const noHost = new Proxy({} as HostApi, {
  get: (_, name) => {
    throw new Error(`the test used the host (${String(name)})`);
  },
});

const opened: { session: CorpusSession; db: WorkbenchDatabase }[] = [];

/** A session on a database of its own, as the window opens one. */
async function open(corpusId = `corpus-${crypto.randomUUID()}`, name = `test-${crypto.randomUUID()}`) {
  const db = new WorkbenchDatabase(name);
  await db.open();
  const session = await openCorpusSession({
    db,
    saves: new SaveTracker(),
    host: noHost,
    listing: listing(corpusId),
    annotator: 'Ada',
  });
  opened.push({ session, db });
  return session;
}

afterEach(async () => {
  for (const { db } of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** Resolves with the store's claims once `ready` holds for them, as its subscribers would see them. */
function until(
  store: DocumentClaims,
  which: 'drawn' | 'listed',
  ready: (claims: readonly Annotation[]) => boolean,
): Promise<readonly Annotation[]> {
  const snapshot = which === 'drawn' ? store.drawn : store.listed;
  const subscribe = which === 'drawn' ? store.subscribeDrawn : store.subscribeListed;
  return new Promise((resolve) => {
    const check = () => {
      const claims = snapshot();
      if (claims && ready(claims)) {
        stop();
        resolve(claims);
      }
    };
    const stop = subscribe(check);
    check();
  });
}

const quotes = (claims: readonly Annotation[] | undefined) => claims?.map((c) => c.target.exact);
const stored = async (session: CorpusSession, id: string) => session.db.annotations.get(id);

describe('a document’s claims store, on real IndexedDB', () => {
  it('draws a new claim in the task that writes it, lists it after the frame, and stores it', async () => {
    const session = await open();
    const store = session.claims.of('a.txt');
    await until(store, 'listed', () => true);
    const first = claim('Sanctions bite');
    await store.add(first);
    // Listed after a frame, which a busy machine may not have drawn by the time the write commits.
    await until(store, 'listed', (c) => c.length === 1);
    const second = claim('NATO is a threat');

    const writing = store.add(second);
    expect(quotes(store.drawn())).toEqual(['NATO is a threat', 'Sanctions bite']);
    expect(quotes(store.listed())).toEqual(['Sanctions bite']);
    await writing;
    expect(quotes(await until(store, 'listed', (c) => c.length === 2))).toEqual(['NATO is a threat', 'Sanctions bite']);
    expect((await stored(session, second.id))?.corpusId).toBe(session.corpusId);
    expect(session.saves.state.kind).toBe('saved');
  });

  it('writes a Review decision as one step: gold replaced, the record and the gold framing, undone and redone', async () => {
    const session = await open();
    const store = session.claims.of('a.txt');
    await until(store, 'listed', () => true);
    const first = { ...claim('NATO is a threat'), annotator: 'Gold' };
    await store.decide({ add: [first] });
    const second = { ...claim('NATO is a threat'), annotator: 'Gold', tags: ['integration'] };
    const comment = { id: '01JDA0000000000000000000C1', author: 'Ada', at: new Date().toISOString(), text: 'why?' };
    await store.decide({
      add: [second],
      retire: [first.id],
      review: {
        clusterKey: '0:x',
        edit: (held) => ({ documentId: 'a.txt', clusterKey: '0:x', comments: [...(held?.comments ?? []), comment] }),
      },
      label: { annotator: 'Gold', tags: ['threat-narrative'] },
    });
    const record = () => session.db.reviews.get([session.corpusId, 'a.txt', '0:x']);
    const framing = () => session.db.documentLabels.get([session.corpusId, 'a.txt', 'Gold']);
    expect((await stored(session, first.id))?.deletedAt).toBeDefined();
    expect((await record())?.comments).toEqual([comment]);
    expect((await framing())?.tags).toEqual(['threat-narrative']);
    expect(session.history.nextUndo('a.txt')?.review).toBe(true);

    await store.undo();
    expect((await stored(session, first.id))?.deletedAt).toBeUndefined();
    expect((await stored(session, second.id))?.deletedAt).toBeDefined();
    expect(await record()).toBeUndefined();
    expect(await framing()).toBeUndefined();
    await store.undo(true);
    expect((await stored(session, second.id))?.deletedAt).toBeUndefined();
    expect((await record())?.comments).toEqual([comment]);
    expect((await framing())?.tags).toEqual(['threat-narrative']);
  });

  it('undoes and redoes a re-tag, a deletion and a creation, step by step, in the database too', async () => {
    const session = await open();
    const store = session.claims.of('a.txt');
    await until(store, 'listed', () => true);
    const made = claim('Minsk and Moscow');
    await store.add(made);
    await store.update(made.id, (c) => ({ ...c, tags: ['integration'] }));
    await store.remove(made.id);
    expect(store.drawn()).toEqual([]);

    expect(await store.undo()).toBe(made.id);
    expect((await stored(session, made.id))?.deletedAt).toBeUndefined();
    expect((await stored(session, made.id))?.tags).toEqual(['integration']);
    await store.undo();
    expect((await stored(session, made.id))?.tags).toEqual(['threat-narrative']);
    await store.undo();
    expect((await stored(session, made.id))?.deletedAt).toBeDefined();
    await until(store, 'drawn', (c) => c.length === 0);
    expect(await store.undo()).toBeUndefined();

    await store.undo(true);
    await store.undo(true);
    const back = await until(store, 'drawn', (c) => c[0]?.tags[0] === 'integration');
    expect(quotes(back)).toEqual(['Minsk and Moscow']);
  });

  it('undoes the last action even when the key is pressed before its write has committed', async () => {
    const session = await open();
    const store = session.claims.of('a.txt');
    await until(store, 'listed', () => true);
    await store.add(claim('Minsk and Moscow'));
    const second = claim('Sanctions bite');
    const adding = store.add(second);
    await store.undo();
    await adding;
    expect((await stored(session, second.id))?.deletedAt).toBeDefined();
    expect(quotes(await until(store, 'drawn', (c) => c.length === 1))).toEqual(['Minsk and Moscow']);
  });

  it('neither writes nor records a change that changes nothing', async () => {
    const session = await open();
    const store = session.claims.of('a.txt');
    const made = claim('Sanctions bite');
    await store.add(made);
    await store.update(made.id, (c) => ({ ...c, tags: [...c.tags] }));
    expect(session.history.nextUndo('a.txt')?.claims[0]?.before).toBeNull();
    expect((await stored(session, made.id))?.updatedAt).toBe(made.updatedAt);
  });

  it('puts back text typed into a claim that the window closed before writing, as one step with the typing', async () => {
    const corpusId = `corpus-${crypto.randomUUID()}`;
    const name = `test-${crypto.randomUUID()}`;
    const first = await open(corpusId, name);
    const made = claim('NATO is a threat');
    await first.claims.of('a.txt').add(made);
    first.drafts.keep({ documentId: 'a.txt', claimId: made.id, field: 'note', value: 'typed, never written ' });
    const reopened = await openCorpusSession({
      db: first.db,
      saves: new SaveTracker(),
      host: noHost,
      listing: listing(corpusId),
      annotator: 'Ada',
    });
    expect((await stored(reopened, made.id))?.attributes.note).toBe('typed, never written');
    expect(reopened.drafts.all()).toEqual([]);
    expect(reopened.history.nextUndo('a.txt')?.mergeKey).toBe(`typed ${made.id} note`);
  });

  it('keeps the undo history across a reload of the window', async () => {
    const session = await open();
    const store = session.claims.of('a.txt');
    const made = claim('Sanctions bite');
    await store.add(made);
    const reloaded = new ClaimHistory(session.corpusId);
    expect(reloaded.nextUndo('a.txt')?.claims[0]?.after.id).toBe(made.id);
    expect(reloaded.nextUndo('b.txt')).toBeUndefined();
  });

  it('places an orphan as one step: undo brings the orphan back and takes the claim away', async () => {
    const session = await open();
    const store = session.claims.of('a.txt');
    await until(store, 'listed', () => true);
    const lost = claim('NATO is a threat');
    const orphan: Orphan = {
      id: 'orphan-1',
      documentId: 'a.txt',
      record: {
        id: lost.id,
        documentId: 'a.txt',
        selector: { unit: 'utf16', start: 0, end: 4, exact: 'OTAN' },
        tags: ['threat-narrative'],
        attributes: { speaker: 'Shoigu' },
        annotator: 'Boris',
        origin: 'boris.json, claim 1',
      },
      reason: 'its quote is not in the text',
      source: 'boris.json',
      importedAt: new Date().toISOString(),
    };
    await session.db.orphans.add({ ...orphan, corpusId: session.corpusId });
    await store.placeOrphan(orphan, { ...lost, annotator: 'Boris', attributes: { speaker: 'Shoigu' } });
    expect(await session.db.orphans.get('orphan-1')).toBeUndefined();
    expect(quotes(await until(store, 'drawn', (c) => c.length === 1))).toEqual(['NATO is a threat']);

    await store.undo();
    expect((await session.db.orphans.get('orphan-1'))?.reason).toBe('its quote is not in the text');
    expect((await stored(session, lost.id))?.deletedAt).toBeDefined();
    await until(store, 'drawn', (c) => c.length === 0);
  });

  it('takes a claim whose write fails back off the page and says why', async () => {
    const session = await open();
    const store = session.claims.of('a.txt');
    await until(store, 'listed', () => true);
    const made = claim('Sanctions bite');
    await store.add(made);
    // The same id again: IndexedDB refuses it, as it would a write on a full disk.
    const again = { ...made, target: textTarget(index, 0, 4) };
    const writing = store.add(again);
    expect(quotes(store.drawn())).toEqual(['NATO']);
    await expect(writing).rejects.toThrow();
    expect(quotes(store.drawn())).toEqual(['Sanctions bite']);
    expect(session.saves.state.kind).toBe('error');
    expect(session.history.nextUndo('a.txt')?.claims[0]?.after.id).toBe(made.id);
  });

  it('makes a small import one step of each document it touched, and counts the documents again', async () => {
    const session = await open();
    const a = session.claims.of('a.txt');
    await until(a, 'listed', () => true);
    const counted = new Promise<void>((resolve) => {
      const stop = session.counts.subscribe(() => {
        if (session.counts.current()?.get('b.txt')?.count === 1) {
          stop();
          resolve();
        }
      });
    });
    const mine = claim('Minsk and Moscow');
    await a.add(mine);
    const imported = [claim('NATO is a threat', 'a.txt'), claim('Sanctions bite', 'b.txt', 'sanctions')];
    await session.claims.commitImport({
      add: imported,
      orphans: [],
      duplicates: [],
      replace: [],
      conflicts: [],
      skipped: [],
      documentLabels: [],
      reviews: [],
    });
    await counted;
    expect(session.counts.current()?.get('a.txt')?.count).toBe(2);
    expect([...(session.counts.current()?.get('b.txt')?.tags ?? [])]).toEqual(['sanctions']);
    expect(quotes(await until(a, 'drawn', (c) => c.length === 2))).toEqual(['NATO is a threat', 'Minsk and Moscow']);

    await a.undo();
    expect(quotes(await until(a, 'drawn', (c) => c.length === 1))).toEqual(['Minsk and Moscow']);
    expect((await stored(session, imported[1]?.id ?? ''))?.deletedAt).toBeUndefined();
    await a.undo();
    await until(a, 'drawn', (c) => c.length === 0);
  });

  it('codes claims in several documents together, one step each, and takes back only those unchanged since', async () => {
    const session = await open();
    const a = session.claims.of('a.txt');
    const b = session.claims.of('b.txt');
    await until(a, 'listed', () => true);
    const together = [claim('NATO is a threat'), claim('Sanctions bite'), claim('NATO is a threat', 'b.txt')];
    await session.claims.addTogether(together);
    expect(quotes(await until(a, 'listed', (c) => c.length === 2))).toEqual(['NATO is a threat', 'Sanctions bite']);
    expect(session.history.nextUndo('a.txt')?.claims).toHaveLength(2);
    expect(session.history.nextUndo('b.txt')?.claims).toHaveLength(1);

    // The analyst re-tags one of them before taking the batch back: that one stays.
    const retagged = together[1] as Annotation;
    await a.update(retagged.id, (stored) => ({ ...stored, tags: ['integration'] }));
    expect(await session.claims.setTogether(together, false)).toBe(2);
    expect(quotes(await until(a, 'listed', (c) => c.length === 1))).toEqual(['Sanctions bite']);
    expect((await stored(session, (together[0] as Annotation).id))?.deletedAt).toBeDefined();
    expect((await stored(session, (together[2] as Annotation).id))?.deletedAt).toBeDefined();

    // Put back: live again, as they were made.
    expect(await session.claims.setTogether(together, true)).toBe(2);
    const back = await stored(session, (together[2] as Annotation).id);
    expect(back?.deletedAt).toBeUndefined();
    expect(back?.tags).toEqual(['threat-narrative']);
    expect(quotes(await until(b, 'listed', (c) => c.length === 1))).toEqual(['NATO is a threat']);
  });

  it('reads only its own corpus: the same document in another corpus is another document', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const one = await open('corpus-one', name);
    await one.claims.of('a.txt').add(claim('Sanctions bite'));
    const other = await openCorpusSession({
      db: one.db,
      saves: new SaveTracker(),
      host: noHost,
      listing: listing('corpus-two'),
      annotator: 'Ada',
    });
    expect(await until(other.claims.of('a.txt'), 'drawn', () => true)).toEqual([]);
  });
});
