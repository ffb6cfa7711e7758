import { bratFormat } from './brat';
import { csvFormat } from './csv';
import { doccanoFormat } from './doccano';
import type { FileEntry, FormatId, InterchangeFormat } from './interchange';
import { labelStudioFormat } from './labelstudio';
import { nativeFormat } from './native';
import { ptcFormat } from './ptc';
import { qdcFormat } from './qdc';
import { qdpxFormat } from './qdpx';
import { semEval2023Format } from './semeval2023';
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
  ptcFormat,
  semEval2023Format,
  csvFormat,
];

export function formatById(id: FormatId): InterchangeFormat {
  const format = formats.find((f) => f.id === id);
  if (!format) throw new Error(`Unknown format: ${id}`);
  return format;
}

export const detectFormat = (files: readonly FileEntry[]) => formats.find((f) => f.parse && f.detect(files));

/** Texts and the standoff files beside them: brat's .ann/.conf, PTC's .labels, SemEval's subtask files. */
const STANDOFF_FILE = /\.(ann|txt|conf|labels|template)$/i;
/** INCEpTION's WebAnno TSV, by its first line; other .tsv files are PTC submissions. */
const isWebAnno = (f: FileEntry) =>
  /\.tsv$/i.test(f.name) && f.content.replace(/^\uFEFF/, '').startsWith('#FORMAT=WebAnno');
const isStandoff = (f: FileEntry) => STANDOFF_FILE.test(f.name) || (/\.tsv$/i.test(f.name) && !isWebAnno(f));
const REFI_PROJECT = /(^|\/)project\.qde$/i;

/**
 * Files read together as one import: texts with their standoff files (brat, PTC, SemEval), WebAnno
 * TSV files, and a REFI-QDA project.qde with the texts of its sources/ folder; every other file is
 * an import of its own.
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
  const together = [rest.filter(isStandoff), rest.filter(isWebAnno)];
  const others = rest.filter((f) => !isStandoff(f) && !isWebAnno(f)).map((f) => [f]);
  return [...projects, ...together.filter((group) => group.length > 0), ...others];
}

/** How a report names a group of files: its file, its project, or how many files of which kind. */
export function groupSource(group: readonly FileEntry[]): string {
  const project = group.find((f) => REFI_PROJECT.test(f.name));
  if (project) return project.name.replace(/\/project\.qde$/i, '');
  if (group.length === 1) return group[0]?.name ?? '';
  const kind = group.every(isWebAnno)
    ? 'WebAnno TSV'
    : group.some((f) => /\.ann$/i.test(f.name))
      ? 'brat'
      : group.some((f) => /\.labels$|\.tsv$/i.test(f.name))
        ? 'PTC'
        : group.some((f) => /labels-subtask-\d/i.test(f.name))
          ? 'SemEval'
          : 'text';
  return `${group.length} ${kind} files`;
}
