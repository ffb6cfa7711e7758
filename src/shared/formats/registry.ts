import { bratFormat } from './brat';
import { csvFormat } from './csv';
import { doccanoFormat } from './doccano';
import type { FileEntry, FormatId, InterchangeFormat } from './interchange';
import { labelStudioFormat } from './labelstudio';
import { nativeFormat } from './native';
import { qdcFormat } from './qdc';
import { qdpxFormat } from './qdpx';
import { w3cFormat } from './w3c';

/** Every format the app reads or writes, in the order detection tries them. */
export const formats: readonly InterchangeFormat[] = [
  nativeFormat,
  w3cFormat,
  bratFormat,
  doccanoFormat,
  labelStudioFormat,
  qdpxFormat,
  qdcFormat,
  csvFormat,
];

export function formatById(id: FormatId): InterchangeFormat {
  const format = formats.find((f) => f.id === id);
  if (!format) throw new Error(`Unknown format: ${id}`);
  return format;
}

export const detectFormat = (files: readonly FileEntry[]) => formats.find((f) => f.parse && f.detect(files));

const BRAT_FILE = /\.(ann|txt|conf)$/i;
const REFI_PROJECT = /(^|\/)project\.qde$/i;
const REFI_SOURCE = /(^|\/)sources\//i;

/**
 * brat's .txt/.ann/.conf files are read together, and a REFI-QDA project.qde with the texts of
 * its sources/ folder; every other file is an import of its own.
 */
export function groupImportFiles(files: readonly FileEntry[]): FileEntry[][] {
  const projects = files.filter((f) => REFI_PROJECT.test(f.name));
  const sources = projects.length > 0 ? files.filter((f) => REFI_SOURCE.test(f.name)) : [];
  const rest = files.filter((f) => !REFI_PROJECT.test(f.name) && !sources.includes(f));
  const brat = rest.filter((f) => BRAT_FILE.test(f.name));
  const others = rest.filter((f) => !BRAT_FILE.test(f.name)).map((f) => [f]);
  return [...projects.map((project) => [project, ...sources]), ...(brat.length > 0 ? [brat] : []), ...others];
}

/** How a report names a group of files: its file, its project.qde, or how many brat files. */
export function groupSource(group: readonly FileEntry[]): string {
  const project = group.find((f) => REFI_PROJECT.test(f.name));
  if (project) return project.name;
  return group.length === 1 ? (group[0]?.name ?? '') : `${group.length} brat files`;
}
