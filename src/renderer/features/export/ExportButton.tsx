import { useState } from 'react';
import type { Codebook } from '../../../shared/model/codebook';
import type { CorpusListing } from '../../../shared/model/document';
import { allAnnotations } from '../../db/annotations';
import { useHost } from '../../host/HostContext';
import { buildCorpusExport } from './build-export';

interface Props {
  listing: CorpusListing;
  codebook: Codebook;
  annotator: string;
}

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/** Writes every claim of the corpus to one labelled-JSON file (a save dialog, or a download). */
export function ExportButton({ listing, codebook, annotator }: Props) {
  const host = useHost();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  async function run() {
    setOutcome({ kind: 'busy' });
    try {
      const [app, annotations] = await Promise.all([host.getAppInfo(), allAnnotations()]);
      const file = buildCorpusExport({ app, listing, codebook, annotator, annotations, now: new Date() });
      const saved = await host.saveExport({ suggestedName: file.name, content: file.content });
      setOutcome(saved.status === 'saved' ? { kind: 'done', text: `Exported to ${saved.location}` } : { kind: 'idle' });
    } catch (error) {
      setOutcome({ kind: 'error', text: `Export failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  return (
    <div className="export">
      <button type="button" className="primary" onClick={run} disabled={outcome.kind === 'busy'}>
        {outcome.kind === 'busy' ? 'Exporting…' : 'Export JSON'}
      </button>
      {(outcome.kind === 'done' || outcome.kind === 'error') && (
        <span role={outcome.kind === 'error' ? 'alert' : 'status'} className={`export-outcome ${outcome.kind}`}>
          {outcome.text}
        </span>
      )}
    </div>
  );
}
