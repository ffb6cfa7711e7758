/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Injected into every benchmarked page (the app, the DOM baseline, the peer library) before its
 * own scripts, as `window.__bench`. The Node side calls it with string expressions, so that the
 * timings are taken inside the page, from the page's own clock.
 */

/**
 * Resolves when the next frame has been painted: a task posted at the highest priority from that
 * frame's animation callback runs as soon as the frame's style, layout, paint and commit are done
 * (the "next paint" of Interaction to Next Paint), ahead of the ordinary tasks queued meanwhile,
 * which no longer hold up the frame. Waiting for a second animation frame instead would add a
 * frame.
 */
declare const scheduler: {
  postTask(task: () => void, options: { priority: 'user-blocking' | 'user-visible' | 'background' }): Promise<void>;
};

const painted = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      scheduler.postTask(() => resolve(performance.now()), { priority: 'user-blocking' });
    }),
  );

/** Resolves once `check` holds, testing it after every DOM change (no polling delay). */
function until(check: () => boolean, timeoutMs = 120_000): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    observer.observe(document, { subtree: true, childList: true, attributeFilter: ['data-claim-ids'] });
  });
}

const count = (selector: string) => document.querySelectorAll(selector).length;

/** The reader's claim marks, in the app and in the DOM baseline. */
const READER_MARKS = '[aria-label="Document text"] mark[data-claim-ids]';

function documentButton(title: string): HTMLElement {
  for (const item of document.querySelectorAll<HTMLElement>('nav[aria-label="Documents"] .document-item')) {
    if (item.querySelector('.document-title')?.textContent === title) return item;
  }
  throw new Error(`no document "${title}" in the list`);
}

/** Text node and offset of a text offset inside an element (the reader's paragraph for one line). */
function locate(element: Element, offset: number): [Text, number] {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let passed = 0;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (offset <= passed + node.data.length) return [node, offset - passed];
    passed += node.data.length;
    last = node;
  }
  if (!last) throw new Error('no text in the element');
  return [last, last.data.length];
}

const bench = {
  /** Clicks the document in the app's list; milliseconds until `marks` claim marks are painted. */
  async openInApp(title: string, marks: number): Promise<number> {
    const button = documentButton(title);
    const start = performance.now();
    button.click();
    await until(() => count(READER_MARKS) >= marks);
    return (await painted()) - start;
  },

  /**
   * openInApp, timed on until the suggestions learned from the claims are listed and drawn:
   * milliseconds from the click to each.
   */
  async openSuggested(title: string, marks: number): Promise<{ open: number; suggested: number }> {
    const button = documentButton(title);
    const start = performance.now();
    button.click();
    await until(() => count(READER_MARKS) >= marks);
    const open = (await painted()) - start;
    await until(() => count('[aria-label="Suggestions in this document"] > li') > 0);
    return { open, suggested: (await painted()) - start };
  },

  /** Opens a document in the app and waits until its text is shown, untimed. */
  async showInApp(title: string, text: string): Promise<void> {
    documentButton(title).click();
    const expected = text.replace(/\r?\n|\r/g, '').slice(0, 300);
    await until(() => document.querySelector('[aria-label="Document text"]')?.textContent?.slice(0, 300) === expected);
    await painted();
  },

  /** Calls the page's `window.benchOpen()`; milliseconds until `selector` matches `atLeast` elements, painted. */
  async openInPage(selector: string, atLeast: number): Promise<number> {
    const start = performance.now();
    await (window as unknown as { benchOpen(): Promise<void> }).benchOpen();
    await until(() => count(selector) >= atLeast);
    return (await painted()) - start;
  },

  /** Selects [start, end) of the reader's line `line` (offsets within the line) as a drag would. */
  selectInLine(line: number, start: number, end: number): string {
    const paragraph = document.querySelectorAll('[aria-label="Document text"] > *')[line];
    if (!paragraph) throw new Error(`no line ${line}`);
    paragraph.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(...locate(paragraph, start));
    range.setEnd(...locate(paragraph, end));
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return range.toString();
  },

  created: undefined as Promise<{ id: string; ms: number }> | undefined,

  /**
   * Remembers the claims drawn now and starts watching for a mark carrying a claim id not drawn
   * before, timed from the next key press to the frame that paints it. Armed and awaited before
   * the key is pressed: the browser runs input ahead of other tasks, so a watch started along
   * with the key press could start after the mark is drawn and time a later change instead.
   */
  armKey(): void {
    const known = new Set(
      [...document.querySelectorAll<HTMLElement>(READER_MARKS)].flatMap((m) => (m.dataset.claimIds ?? '').split(' ')),
    );
    let keyAt = Number.NaN;
    window.addEventListener(
      'keydown',
      (event) => {
        keyAt = event.timeStamp;
      },
      { capture: true, once: true },
    );
    const root = document.querySelector('[aria-label="Document text"]');
    if (!root) throw new Error('no reader');
    const freshId = (element: HTMLElement) =>
      element.matches(READER_MARKS)
        ? (element.dataset.claimIds ?? '').split(' ').find((id) => !known.has(id))
        : undefined;
    bench.created = new Promise((resolve, reject) => {
      // Only the changed nodes are looked at, so that watching costs the app next to nothing.
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          const candidates =
            record.type === 'attributes'
              ? [record.target]
              : [...record.addedNodes].flatMap((node) =>
                  node instanceof HTMLElement ? [node, ...node.querySelectorAll('mark')] : [],
                );
          for (const candidate of candidates) {
            const id = candidate instanceof HTMLElement ? freshId(candidate) : undefined;
            if (!id) continue;
            observer.disconnect();
            clearTimeout(timer);
            if (Number.isNaN(keyAt)) reject(new Error(`claim ${id} was drawn before the key was pressed`));
            else painted().then((end) => resolve({ id, ms: end - keyAt }));
            return;
          }
        }
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error('no new claim was drawn within 60 s'));
      }, 60_000);
      observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-claim-ids'] });
    });
  },

  /** The claim the armed key press drew, and the milliseconds from the key press until it was painted. */
  newClaimPainted(): Promise<{ id: string; ms: number }> {
    if (!bench.created) throw new Error('armKey() first');
    return bench.created;
  },

  /** Resolves once an element matches `selector`, watching the page's changes (no polling). */
  appeared: (selector: string): Promise<void> => until(() => document.querySelector(selector) !== null),

  /** Resolves once the next frame has been painted (the selection shown, before a key press). */
  nextPaint: (): Promise<number> => painted(),

  /** Whether IndexedDB has committed the claim, read with the raw API (not through the app). */
  stored(id: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const open = indexedDB.open('framing-workbench');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = open.result.transaction('annotations').objectStore('annotations').get(id);
        request.onsuccess = () => {
          resolve(request.result !== undefined);
          open.result.close();
        };
        request.onerror = () => reject(request.error);
      };
    });
  },

  /**
   * Scrolls `selector` from top to bottom by `step` pixels per animation frame and returns the
   * time between consecutive frames.
   */
  scrollFrames(selector: string, step: number): Promise<number[]> {
    const scroller = document.querySelector(selector);
    if (!scroller) throw new Error(`nothing matches ${selector}`);
    scroller.scrollTop = 0;
    const frames: number[] = [];
    return new Promise((resolve) => {
      let last = 0;
      const frame = (time: number) => {
        if (last) frames.push(time - last);
        last = time;
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) {
          resolve(frames);
          return;
        }
        scroller.scrollTop += step;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(() => requestAnimationFrame(frame));
    });
  },

  /**
   * Stores `total` claims spread over the corpus's documents straight into the app's IndexedDB
   * (set-up for the memory benchmark, not measured): the listing comes from the host as the app
   * gets it, the records have the shape and size of claims the app stores.
   */
  async seedClaims(total: number): Promise<number> {
    const token = document.querySelector<HTMLMetaElement>('meta[name="framing-host-token"]')?.content ?? '';
    const reply = await fetch('/api/listDocuments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-framing-token': token },
      body: '[]',
    });
    const body = (await reply.json()) as { value?: Listing } & Listing;
    const listing = body.value ?? body;
    const words = 'the union state military drills pressure Minsk Moscow west alliance economy border security';
    const filler = `${words} ${words} ${words} ${words}`;
    const tags = [
      'threat-narrative',
      'integration',
      'sanctions-pressure',
      'sovereignty-balancing',
      'military-cooperation',
    ];
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('framing-workbench');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const documents = listing.documents;
    const chunk = 10_000;
    for (let from = 0; from < total; from += chunk) {
      await new Promise<void>((resolve, reject) => {
        const tx = database.transaction('annotations', 'readwrite');
        const store = tx.objectStore('annotations');
        for (let i = from; i < Math.min(total, from + chunk); i++) {
          const doc = documents[i % documents.length] as Listing['documents'][number];
          const start = 40 + ((i * 97) % 3000);
          const length = 20 + (i % 120);
          const time = new Date(Date.UTC(2026, 10, 22) + i * 1000).toISOString();
          store.put({
            id: `01KBENCH${String(i).padStart(18, '0')}`,
            documentId: doc.id,
            documentSha256: doc.sha256,
            target: {
              start,
              end: start + length,
              codePointStart: start,
              codePointEnd: start + length,
              exact: filler.slice(0, length),
              prefix: filler.slice(0, 32),
              suffix: filler.slice(32, 64),
            },
            tags: [tags[i % tags.length]],
            attributes: i % 4 === 0 ? { speaker: `Speaker ${i % 37}`, stance: 'reported' } : {},
            annotator: `annotator-${i % 5}`,
            codebookId: 'narratives',
            codebookVersion: 1,
            createdAt: time,
            updatedAt: time,
            corpusId: listing.id,
          });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    database.close();
    return documents.length;
  },

  /** How many elements the page has, and where: what style and layout have to go through. */
  elementCounts(): Record<string, number> {
    const within = (selector: string) => document.querySelector(selector)?.querySelectorAll('*').length ?? 0;
    return {
      page: document.querySelectorAll('*').length,
      reader: within('[aria-label="Document text"]'),
      sidePanel: within('.side-panel'),
      documentList: within('nav[aria-label="Documents"]'),
    };
  },

  painted,
  until,
  count,
};

interface Listing {
  id: string;
  documents: { id: string; sha256: string }[];
}

(window as unknown as { __bench: typeof bench }).__bench = bench;
