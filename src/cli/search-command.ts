import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCorpus } from '../main/services/corpus';
import { DEFAULT_INDEX_FOLDER } from '../main/services/corpus-index';
import { OffsetIndex } from '../shared/text/offsets';

export const SEARCH_USAGE = `  framing-workbench search DIR QUERY [--json] [--regex] [--context N] [--body] [--no-cache]
                             [--index FOLDER]
      Prints every place QUERY occurs in the corpus folder DIR, with N characters of context
      either side (default 40), grouped by document. Words match their English and Russian
      inflections ("санкции" finds санкций, санкциями; "sanction" finds sanctioned);
      "quoted words" match those forms only; * stands for any letters (расшир*); OR separates
      alternatives; case never matters. --regex reads QUERY as a regular expression instead
      (\\b and \\w know letters of any script). --body leaves out hits in titles, metadata and
      boilerplate, as the reader marks them. --json prints {"hits": [{"document",
      "start", "end", "codePointStart", "codePointEnd", "quote", "before", "after"}], "total"}
      with start and end in UTF-16 code units of the served text. Exit 0 with hits, 1 without.`;

/** The command line is wrong, or the query cannot be searched: nothing is searched. */
export class SearchRefusal extends Error {}

/** One hit as `--json` prints it. */
export interface JsonHit {
  document: string;
  start: number;
  end: number;
  codePointStart: number;
  codePointEnd: number;
  quote: string;
  before: string;
  after: string;
}

export async function searchCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      regex: { type: 'boolean' },
      body: { type: 'boolean' },
      context: { type: 'string', default: '40' },
      index: { type: 'string', default: DEFAULT_INDEX_FOLDER },
      'no-cache': { type: 'boolean' },
    },
  });
  const [folder, typed, ...more] = positionals;
  if (!folder || typed === undefined || more.length > 0) {
    throw new SearchRefusal('search needs a corpus folder and one query (quote a query of several words)');
  }
  const context = Number(values.context);
  if (!Number.isInteger(context) || context < 0) {
    throw new SearchRefusal(`--context needs a whole number of characters, not "${values.context}"`);
  }
  const corpus = await openCorpus(resolve(folder), { index: values['no-cache'] ? undefined : resolve(values.index) });
  const found = await corpus.concordance(
    { query: typed, regex: values.regex, context, bodyOnly: values.body },
    Number.POSITIVE_INFINITY,
  );
  if (!found.ok) throw new SearchRefusal(found.error);
  const listed = corpus.listing().documents;
  const hits: JsonHit[] = [];
  for (const summary of listed) {
    const mine = found.hits.filter((hit) => hit.document === summary.id);
    if (mine.length === 0) continue;
    const { text } = await corpus.document(summary.id);
    const offsets = new OffsetIndex(text);
    if (!values.json) console.log(`${summary.id} · ${summary.title} (${count(mine.length)})`);
    for (const hit of mine) {
      const { document, start, end, quote, before, after } = hit;
      const codePoints = { codePointStart: offsets.toCodePoint(start), codePointEnd: offsets.toCodePoint(end) };
      hits.push({ document, start, end, ...codePoints, quote, before, after });
      if (!values.json) console.log(`  ${before.padStart(context)}[${quote}]${after}`);
    }
  }
  if (values.json) console.log(JSON.stringify({ hits, total: found.total }, null, 2));
  else console.log(`${count(found.total)} in ${found.documents} of ${listed.length} documents`);
  return found.total > 0 ? 0 : 1;
}

const count = (n: number) => `${n} ${n === 1 ? 'hit' : 'hits'}`;
