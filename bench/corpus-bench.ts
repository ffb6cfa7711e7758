import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus } from '../src/main/services/corpus';
import { EN_WORDS as EN, RU_WORDS as RU, seeded } from './data';
import { type Measurement, measure } from './measure';

/** About `count` articles of ~5 kB each, English and Russian, with boilerplate lines around the body. */
export async function generateCorpus(dir: string, count: number): Promise<void> {
  const random = seeded(42);
  const word = (words: string[]) => words[Math.floor(random() * words.length)] as string;
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const words = i % 3 === 0 ? RU : EN;
    const sentence = () => `${Array.from({ length: 14 }, () => word(words)).join(' ')}.`;
    const paragraph = () => Array.from({ length: 6 }, sentence).join(' ');
    const text = [
      'Home | World | Politics | Subscribe',
      `${word(words)} ${word(words)} ${word(words)} ${i}`,
      `10.09.2021 10:${String(i % 60).padStart(2, '0')}`,
      ...Array.from({ length: 5 }, paragraph),
      'Subscribe to our channels. Comments are moderated.',
    ].join('\n\n');
    const folder = join(dir, String(Math.floor(i / 1000)).padStart(2, '0'));
    if (i % 1000 === 0) await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `article-${String(i).padStart(5, '0')}.txt`), text);
  }
}

async function readAllPlain(dir: string): Promise<string[]> {
  const texts: string[] = [];
  for (const folder of (await readdir(dir)).sort()) {
    for (const file of (await readdir(join(dir, folder))).sort())
      texts.push(await readFile(join(dir, folder, file), 'utf8'));
  }
  return texts;
}

/**
 * The plain way to see whether files changed: walk the folders and `stat` every file, one after
 * another. Resolves to nothing: a number would be read as the run's own timing (see measure.ts).
 */
async function statAll(dir: string): Promise<void> {
  for (const folder of (await readdir(dir)).sort()) {
    for (const file of await readdir(join(dir, folder))) await stat(join(dir, folder, file));
  }
}

/** Item 6: list and search a corpus of `count` documents generated in `dir`. */
export async function corpusBenchmarks(dir: string, count: number, runs: number): Promise<Measurement[]> {
  const results: Measurement[] = [];
  results.push(
    await measure('6a', `list a ${count.toLocaleString('en')}-document corpus`, runs, {
      subject: () => openCorpus(dir),
      baseline: () => readAllPlain(dir),
      baselineName: 'read the same files with fs',
    }),
  );
  // Files modified within two seconds of an index's save are read again; let the last ones age.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const indexes = await mkdtemp(join(tmpdir(), 'framing-bench-index-'));
  (await openCorpus(dir, { index: indexes })).close();
  results.push(
    await measure('6e', `reopen the unchanged ${count.toLocaleString('en')}-document corpus`, runs * 3, {
      subject: async () => {
        const reopened = await openCorpus(dir, { index: indexes });
        reopened.close();
        if (reopened.indexing.read > 0) throw new Error(`reopening read ${reopened.indexing.read} files again`);
      },
      baseline: () => statAll(dir),
      baselineName: 'stat every file',
    }),
  );
  await rm(indexes, { recursive: true, force: true });
  const corpus = await openCorpus(dir);
  const texts = await readAllPlain(dir);
  const documents = corpus.listing().documents;
  // A different document each time: the host keeps the last few opened decoded, and going back
  // to one of those (6d) is another case than opening one.
  const everyFortieth = documents.filter((_, i) => i % 40 === 0).map((d) => d.id);
  const cycle = () => {
    let next = 0;
    return () => everyFortieth[next++ % everyFortieth.length] as string;
  };
  const [opened, read] = [cycle(), cycle()];
  results.push(
    await measure('6b', 'open one document', 25, {
      subject: () => corpus.document(opened()),
      baseline: () => readFile(join(dir, read()), 'utf8'),
      baselineName: 'read the file with fs',
    }),
  );
  const again = documents[Math.floor(count / 2)]?.id as string;
  results.push(
    await measure('6d', 'open the document opened last again', 25, {
      subject: () => corpus.document(again),
      baseline: () => readFile(join(dir, again), 'utf8'),
      baselineName: 'read the file with fs',
    }),
  );
  results.push(
    await measure('6c', 'search the corpus ("sanctions minister")', 25, {
      subject: async () => corpus.search('sanctions minister'),
      baseline: async () => texts.filter((t) => t.includes('sanctions') && t.includes('minister')),
      baselineName: 'a linear scan of the texts in memory',
    }),
  );
  // The Search mode's concordance: every hit of every inflection, with its context.
  const lowered = texts.map((t) => t.toLowerCase());
  results.push(
    await measure('11a', 'concordance of the corpus ("sanction": every inflection, in context)', 5, {
      subject: async () => {
        const found = await corpus.concordance({ query: 'sanction' });
        if (!found.ok || found.total === 0) throw new Error('the concordance found nothing');
        return found;
      },
      baseline: async () => {
        let hits = 0;
        for (const text of lowered)
          for (let at = text.indexOf('sanction'); at >= 0; at = text.indexOf('sanction', at + 1)) hits++;
        // Not the bare number, which measure() would take for milliseconds it timed itself.
        return { hits };
      },
      baselineName: 'String.indexOf over the lower-cased texts in memory',
    }),
  );
  return results;
}
