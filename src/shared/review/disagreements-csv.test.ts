import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import { newClaim, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import { clusterClaims } from './compare';
import { disagreementsCsv } from './disagreements-csv';

describe('disagreementsCsv', () => {
  it('lists each disagreement with its passage, agreement and every annotator’s claim', () => {
    const text = 'Russia shows support, and "=cmd" is quoted.';
    const index = new OffsetIndex(text);
    const claim = (annotator: string, quote: string, tagId: string, n: number) => {
      const start = text.indexOf(quote);
      return newClaim({
        id: `01JDH${String(n).padStart(21, '0')}`,
        documentId: 'd.txt',
        documentSha256: 'a'.repeat(64),
        target: textTarget(index, start, start + quote.length),
        tagId,
        annotator,
        codebookId: 'narratives',
        codebookVersion: 1,
        now: '2026-11-22T00:00:00.000Z',
      });
    };
    const clusters = clusterClaims(
      [
        claim('Ada', 'Russia shows support', 'integration', 1),
        claim('Boris', 'Russia shows', 'integration', 2),
        claim('Ada', '=cmd', 'threat-narrative', 3),
      ],
      ['Ada', 'Boris'],
    );
    const csv = disagreementsCsv('d.txt', text, clusters, narrativesCodebook, (c) => c.start === 0);
    const lines = csv.replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('document_id,start,end,agreement,settled,passage,annotators,claims');
    expect(lines[1]).toBe(
      'd.txt,0,20,partial,yes,Russia shows support,Ada; Boris,"Ada: Integration ""Russia shows support"" | Boris: Integration ""Russia shows"""',
    );
    expect(lines[2]).toContain(",single,no,'=cmd,Ada,");
  });
});
