import { bratFormat } from './brat';
import { csvFormat } from './csv';
import { doccanoFormat } from './doccano';
import type { FileEntry, FormatId, InterchangeFormat } from './interchange';
import { labelStudioFormat } from './labelstudio';
import { nativeFormat } from './native';
import { qdcFormat } from './qdc';
import { qdpxFormat } from './qdpx';
import { w3cFormat } from './w3c';
import { webannoTsvFormat } from './webanno-tsv';

/** Every format the app reads or writes, in the order detection tries them. */
export const formats: readonly InterchangeFormat[] = [
  nativeFormat,
  w3cFormat,
  bratFormat,
  doccanoFormat,
  labelStudioFormat,
  qdpxFormat,
  qdcFormat,
  webannoTsvFormat,
  csvFormat,
];

export function formatById(id: FormatId): InterchangeFormat {
  const format = formats.find((f) => f.id === id);
  if (!format) throw new Error(`Unknown format: ${id}`);
  return format;
}

export const detectFormat = (files: readonly FileEntry[]) => formats.find((f) => f.parse && f.detect(files));

const BRAT_FILE = /\.(ann|txt|conf)$/i;
/** INCEpTION's WebAnno TSV: one file per document, read together as one import. */
const WEBANNO_FILE = /\.tsv$/i;
const REFI_PROJECT = /(^|\/)project\.qde$/i;

/**
 * brat's .txt/.ann/.conf files are read together, WebAnno TSV files likewise, and a REFI-QDA
 * project.qde with the texts of its sources/ folder; every other file is an import of its own.
 */
export function groupImportFiles(files: readonly FileEntry[]): FileEntry[][] {
  const projects = files
    .filter((f) => REFI_PROJECT.test(f.name))
    .map((project) => {
      // The project's sources sit beside it: in its .qdpx's folder, or in the folder given.
      const folder = project.name.slice(0, project.name.length - 'project.qde'.length).toLowerCase();
      return [project, ...files.filter((f) => f.name.toLowerCase().startsWith(`${folder}sources/`))];
    });
  const taken = new Set(projects.flat());
  const rest = files.filter((f) => !taken.has(f));
  const together = [BRAT_FILE, WEBANNO_FILE].map((kind) => rest.filter((f) => kind.test(f.name)));
  const others = rest.filter((f) => !BRAT_FILE.test(f.name) && !WEBANNO_FILE.test(f.name)).map((f) => [f]);
  return [...projects, ...together.filter((group) => group.length > 0), ...others];
}

/** How a report names a group of files: its file, its project.qde, or how many brat files. */
export function groupSource(group: readonly FileEntry[]): string {
  const project = group.find((f) => REFI_PROJECT.test(f.name));
  if (project) return project.name.replace(/\/project\.qde$/i, '');
  if (group.length === 1) return group[0]?.name ?? '';
  return `${group.length} ${group.every((f) => WEBANNO_FILE.test(f.name)) ? 'WebAnno TSV' : 'brat'} files`;
}
