import { fail, ok, type Problem } from '../result';
import { splitsSurrogatePair } from '../text/offsets';
import { toClaimRecord } from './claim-record';
import { CUTS_ASTRAL, quoteCut } from './common';
import type { FileEntry, Interchange, InterchangeFormat } from './interchange';
import {
  codebookDescribing,
  LABELLED_JSON_FORMAT,
  type LabelledJson,
  labelledJson,
  toLabelledJson,
} from './labelled-json';

/**
 * The app's own labelled JSON as an interchange format. It carries both offset units; imports
 * read the UTF-16 offsets, which are what the app stores.
 */
export const nativeFormat: InterchangeFormat = {
  id: 'native',
  name: 'Labelled JSON (Framing Workbench)',
  leavesOut: [],
  offsetUnit: 'utf16',
  reads: ['.json'],
  detect: (files) => files.length === 1 && isNative(files[0] as FileEntry),
  parse(files) {
    const file = files[0];
    if (files.length !== 1 || !file) return fail([{ path: '', message: 'expected exactly one labelled JSON file' }]);
    // A byte order mark is no part of the JSON (readers keep it so that brat can count it).
    const parsed = labelledJson.parse(file.content.replace(/^\uFEFF/, ''));
    if (!parsed.ok) return fail(parsed.error.map((p) => ({ path: `${file.name} ${p.path}`, message: p.message })));
    const data = parsed.value;
    const cut = astralCuts(data, file.name);
    if (cut.length > 0) return fail(cut);
    const claims = data.annotations.map((a, i) => toClaimRecord(a, `${file.name} $.annotations[${i}]`));
    const interchange: Interchange = {
      documents: data.documents,
      codebook: data.codebook,
      claims,
      tombstones: data.tombstones,
      documentLabels: data.documentLabels ?? [],
      reviews: data.reviews ?? [],
      skipped: [],
    };
    return ok(interchange);
  },
  serialize(set) {
    const file = toLabelledJson({
      exportedAt: set.exportedAt,
      app: set.app,
      annotator: set.annotator,
      codebook: codebookDescribing(set.codebook, set.annotations, set.otherTags),
      // A missing document has no text to write; it is described by its id and hash.
      documents: set.documents.map(({ text, missing, ...summary }) =>
        set.includeTexts && !missing ? { ...summary, text } : summary,
      ),
      annotations: set.annotations,
      documentLabels: set.documentLabels,
      reviews: set.reviews,
    });
    return [{ name: 'claims.json', content: labelledJson.serialize(file) }];
  },
};

/**
 * Claims whose UTF-16 offsets fall between the two halves of a surrogate pair, as the document's
 * text in the file shows, or as the claim's own quote and context show when the file has no text.
 * The app never makes such a claim; a file that holds one was edited or made by another tool.
 */
function astralCuts(data: LabelledJson, name: string): Problem[] {
  const texts = new Map(data.documents.flatMap((d) => (d.text === undefined ? [] : [[d.id, d.text] as const])));
  const problems: Problem[] = [];
  data.annotations.forEach((a, i) => {
    const text = texts.get(a.documentId);
    const at =
      text === undefined
        ? quoteCut(a.target)
        : (['start', 'end'] as const).find((side) => splitsSurrogatePair(text, a.target[side]));
    if (at) problems.push({ path: `${name} $.annotations[${i}].target.${at}`, message: CUTS_ASTRAL });
  });
  return problems;
}

/** The canonical key order puts `format` first, so a peek at the start of the file is enough. */
function isNative(file: FileEntry): boolean {
  return file.name.toLowerCase().endsWith('.json') && file.content.slice(0, 300).includes(`"${LABELLED_JSON_FORMAT}"`);
}
