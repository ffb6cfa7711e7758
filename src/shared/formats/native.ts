import { fail, ok } from '../result';
import { toClaimRecord } from './claim-record';
import type { FileEntry, Interchange, InterchangeFormat } from './interchange';
import { LABELLED_JSON_FORMAT, labelledJson, toLabelledJson } from './labelled-json';

/**
 * The app's own labelled JSON as an interchange format. It carries both offset units; imports
 * read the UTF-16 offsets, which are what the app stores.
 */
export const nativeFormat: InterchangeFormat = {
  id: 'native',
  name: 'Labelled JSON (Framing Workbench)',
  offsetUnit: 'utf16',
  reads: ['.json'],
  detect: (files) => files.length === 1 && isNative(files[0] as FileEntry),
  parse(files) {
    const file = files[0];
    if (files.length !== 1 || !file) return fail([{ path: '', message: 'expected exactly one labelled JSON file' }]);
    const parsed = labelledJson.parse(file.content);
    if (!parsed.ok) return fail(parsed.error.map((p) => ({ path: `${file.name} ${p.path}`, message: p.message })));
    const data = parsed.value;
    const claims = data.annotations.map((a, i) => toClaimRecord(a, `${file.name} $.annotations[${i}]`));
    const interchange: Interchange = {
      documents: data.documents,
      codebook: data.codebook,
      claims,
      tombstones: data.tombstones,
      documentLabels: data.documentLabels ?? [],
      skipped: [],
    };
    return ok(interchange);
  },
  serialize(set) {
    const file = toLabelledJson({
      exportedAt: set.exportedAt,
      app: set.app,
      annotator: set.annotator,
      codebook: set.codebook,
      documents: set.documents.map(({ text, ...summary }) => (set.includeTexts ? { ...summary, text } : summary)),
      annotations: set.annotations,
      documentLabels: set.documentLabels,
    });
    return [{ name: 'claims.json', content: labelledJson.serialize(file) }];
  },
};

/** The canonical key order puts `format` first, so a peek at the start of the file is enough. */
function isNative(file: FileEntry): boolean {
  return file.name.toLowerCase().endsWith('.json') && file.content.slice(0, 300).includes(`"${LABELLED_JSON_FORMAT}"`);
}
