import { labelledJson, toLabelledJson } from '../../../shared/formats/labelled-json';
import type { AppInfo } from '../../../shared/host-api';
import type { Annotation } from '../../../shared/model/annotation';
import type { Codebook } from '../../../shared/model/codebook';
import type { CorpusListing } from '../../../shared/model/document';

export interface ExportInput {
  app: AppInfo;
  listing: CorpusListing;
  codebook: Codebook;
  annotator: string;
  annotations: readonly Annotation[];
  now: Date;
}

/** The corpus's labelled-JSON file and a file name that sorts by time. */
export function buildCorpusExport(input: ExportInput): { name: string; content: string } {
  const file = toLabelledJson({
    exportedAt: input.now.toISOString(),
    app: { name: input.app.name, version: input.app.version },
    annotator: input.annotator,
    codebook: input.codebook,
    documents: input.listing.documents,
    annotations: input.annotations,
  });
  const stamp = input.now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const corpus = input.listing.name.replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'corpus';
  return { name: `${corpus}-claims-${stamp}.json`, content: labelledJson.serialize(file) };
}
