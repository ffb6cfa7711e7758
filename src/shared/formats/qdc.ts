import { codebookProblems } from '../codebooks/edit';
import type { Codebook } from '../model/codebook';
import { fail, ok, type Problem, type Result } from '../result';
import type { FileEntry, InterchangeFormat } from './interchange';
import { refusedRoot } from './qdpx';
import { codesOf, readCodes } from './refi-codes';
import { childNamed, parseXml, writeXml } from './xml';

/**
 * REFI-QDA Codebook Exchange (.qdc): the code system alone, in the namespace
 * urn:QDA-XML:codebook:1.0, for a team that codes with MAXQDA, ATLAS.ti or NVivo as well.
 */

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
const QDC_FILE = /\.qdc$/i;

export const qdcCodebook = {
  serialize(codebook: Codebook, origin = 'Framing Workbench'): string {
    return writeXml({
      name: 'CodeBook',
      attributes: { xmlns: CODEBOOK_NAMESPACE, origin },
      children: [{ name: 'Codes', children: codesOf(codebook) }],
    });
  },

  /** `name` names the codebook, which a .qdc does not: the file's name, say. */
  parse(text: string, path: string, name: string): Result<Codebook, Problem[]> {
    const xml = parseXml(text, path);
    if (!xml.ok) return xml;
    const refused = refusedRoot(xml.value, 'CodeBook', CODEBOOK_NAMESPACE, path);
    if (refused) return fail([refused]);
    const { codebook } = readCodes(childNamed(xml.value, 'Codes'), name);
    if (codebook.tags.length === 0) return fail([{ path, message: 'holds no code that can be coded' }]);
    const problems = codebookProblems(codebook);
    if (problems.length > 0) return fail(problems.map((message) => ({ path, message })));
    return ok(codebook);
  },
};

/** A codebook's name from its file's: "Migration study.qdc" is the codebook "Migration study". */
export const codebookNameOf = (fileName: string) =>
  (fileName.split('/').pop() ?? fileName).replace(QDC_FILE, '').trim() || 'REFI-QDA codebook';

export const qdcFormat: InterchangeFormat = {
  id: 'qdc',
  name: 'REFI-QDA .qdc',
  leavesOut: ['claims', 'annotator', 'attributes', 'claim-times', 'document-framing', 'origin'],
  offsetUnit: 'codepoint',
  reads: ['.qdc'],
  detect: (files: readonly FileEntry[]) => files.length === 1 && files.some((f) => QDC_FILE.test(f.name)),
  parse(files) {
    const file = files.find((f) => QDC_FILE.test(f.name)) as FileEntry;
    const parsed = qdcCodebook.parse(file.content, file.name, codebookNameOf(file.name));
    if (!parsed.ok) return parsed;
    return ok({
      documents: [],
      codebook: parsed.value,
      claims: [],
      tombstones: [],
      skipped: [],
    });
  },
  serialize: (set) => [{ name: 'codebook.qdc', content: qdcCodebook.serialize(set.codebook, set.app.name) }],
};
