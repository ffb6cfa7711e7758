import { bratFormat } from './brat';
import { csvFormat } from './csv';
import { doccanoFormat } from './doccano';
import type { FileEntry, FormatId, InterchangeFormat } from './interchange';
import { labelStudioFormat } from './labelstudio';
import { nativeFormat } from './native';
import { w3cFormat } from './w3c';

/** Every format the app reads or writes, in the order detection tries them. */
export const formats: readonly InterchangeFormat[] = [
  nativeFormat,
  w3cFormat,
  bratFormat,
  doccanoFormat,
  labelStudioFormat,
  csvFormat,
];

export function formatById(id: FormatId): InterchangeFormat {
  const format = formats.find((f) => f.id === id);
  if (!format) throw new Error(`Unknown format: ${id}`);
  return format;
}

export const detectFormat = (files: readonly FileEntry[]) => formats.find((f) => f.parse && f.detect(files));

const BRAT_FILE = /\.(ann|txt|conf)$/i;

/** brat's .txt/.ann/.conf files are read together; every other file is an import of its own. */
export function groupImportFiles(files: readonly FileEntry[]): FileEntry[][] {
  const brat = files.filter((f) => BRAT_FILE.test(f.name));
  const others = files.filter((f) => !BRAT_FILE.test(f.name)).map((f) => [f]);
  return brat.length > 0 ? [brat, ...others] : others;
}
