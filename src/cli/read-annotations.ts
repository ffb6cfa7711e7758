import { basename } from 'node:path';
import { ulid } from 'ulid';
import type { Corpus } from '../main/services/corpus';
import type { DocumentTags } from '../shared/agreement/report-types';
import { detectFormat, groupImportFiles } from '../shared/formats/registry';
import type { Annotation } from '../shared/model/annotation';
import type { Codebook } from '../shared/model/codebook';
import { anchorInput } from './convert';
import { readInputs, reportUnreadable } from './read-inputs';

/** What annotation files hold once placed in their texts, as an import would place them. */
export interface ReadAnnotations {
  claims: Annotation[];
  documentLabels: DocumentTags[];
  /** The texts the claims were placed in, with what the files or the corpus say of them. */
  documents: { id: string; title: string; language: string; text: string }[];
  codebooks: Codebook[];
}

/**
 * Reads annotation files of any supported format and places their claims, texts from the files
 * or the corpus; an annotator is named by the file's fields, else by the file name. A file that
 * cannot be read or parsed is said on stderr and nothing is returned; claims that cannot be
 * placed are counted there and left out.
 */
export async function readAnnotationFiles(
  paths: readonly string[],
  corpus: Corpus | undefined,
): Promise<ReadAnnotations | undefined> {
  const read: ReadAnnotations = { claims: [], documentLabels: [], documents: [], codebooks: [] };
  for (const path of paths) {
    const { entries, unreadable } = await readInputs([path]);
    if (unreadable.length > 0) {
      reportUnreadable(unreadable);
      return undefined;
    }
    for (const group of groupImportFiles(entries)) {
      const format = detectFormat(group);
      const parsed = format?.parse?.(group);
      if (!parsed?.ok) {
        console.error(
          `✗ ${path}: ${parsed ? parsed.error.map((p) => `${p.path}: ${p.message}`).join('; ') : 'not a format framing-workbench reads'}`,
        );
        return undefined;
      }
      const anchored = await anchorInput(parsed.value, corpus, {
        now: new Date().toISOString(),
        newId: ulid,
        fallbackAnnotator: basename(path).replace(/\.[^.]+$/, ''),
      });
      read.claims.push(...anchored.plan.add);
      read.documentLabels.push(...anchored.plan.documentLabels);
      read.documents.push(...anchored.documents);
      read.codebooks.push(anchored.codebook);
      const lost = anchored.plan.orphans.length;
      if (lost > 0) console.error(`${path}: ${lost} claim(s) could not be placed in the texts and are left out`);
    }
  }
  return read;
}
