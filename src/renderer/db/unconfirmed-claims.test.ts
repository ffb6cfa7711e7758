import { describe, expect, it } from 'vitest';
import { type Annotation, newClaim, textTarget } from '../../shared/model/annotation';
import { OffsetIndex } from '../../shared/text/offsets';
import { dropUnconfirmed, showUnconfirmed, withUnconfirmed } from './unconfirmed-claims';

const text = 'NATO is a threat. Minsk and Moscow integrate. Sanctions bite.';
const index = new OffsetIndex(text);
const claim = (id: string, quote: string, documentId = 'a.txt', now = '2026-11-30T10:00:00.000Z'): Annotation =>
  newClaim({
    id,
    documentId,
    documentSha256: '0'.repeat(64),
    target: textTarget(index, text.indexOf(quote), text.indexOf(quote) + quote.length),
    tagId: 'threat-narrative',
    annotator: 'Ada',
    codebookId: 'narratives',
    codebookVersion: 1,
    now,
  });

describe('claims written but not yet read back', () => {
  it('are shown at once, in text order among the committed ones, on their own document only', () => {
    const committed = [claim('A', 'NATO is a threat'), claim('C', 'Sanctions bite')];
    showUnconfirmed(claim('B', 'Minsk and Moscow'));
    expect(withUnconfirmed('a.txt', committed).map((c) => c.id)).toEqual(['A', 'B', 'C']);
    expect(withUnconfirmed('b.txt', committed)).toBe(committed);
    dropUnconfirmed('B');
  });

  it('go before, between and after the committed ones, each in its place', () => {
    const committed = [claim('B', 'is a threat'), claim('D', 'Minsk and Moscow')];
    for (const [id, quote] of [
      ['E', 'Sanctions bite'],
      ['A', 'NATO'],
      ['C', 'threat. Minsk'],
    ] as const)
      showUnconfirmed(claim(id, quote));
    expect(withUnconfirmed('a.txt', committed).map((c) => c.id)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(committed.map((c) => c.id)).toEqual(['B', 'D']);
    for (const id of ['A', 'C', 'E']) dropUnconfirmed(id);
  });

  it('are forgotten once the database shows them, so a later deletion elsewhere is not undone', () => {
    const written = claim('D', 'Minsk and Moscow');
    showUnconfirmed(written);
    expect(withUnconfirmed('a.txt', [written]).map((c) => c.id)).toEqual(['D']);
    expect(withUnconfirmed('a.txt', []).map((c) => c.id)).toEqual([]);
  });

  it('stay while a list that already merged them in is shown (only the database proves them written)', () => {
    const written = claim('G', 'Minsk and Moscow');
    showUnconfirmed(written);
    const merged = withUnconfirmed('a.txt', [], false);
    expect(withUnconfirmed('a.txt', merged, false).map((c) => c.id)).toEqual(['G']);
    expect(withUnconfirmed('a.txt', []).map((c) => c.id)).toEqual(['G']);
    dropUnconfirmed('G');
  });

  it('leave when their write fails', () => {
    showUnconfirmed(claim('E', 'Sanctions bite'));
    dropUnconfirmed('E');
    expect(withUnconfirmed('a.txt', [])).toEqual([]);
  });

  it('give way to a newer committed version of the same claim', () => {
    showUnconfirmed(claim('F', 'Sanctions bite', 'a.txt', '2026-11-30T10:00:00.000Z'));
    const newer = { ...claim('F', 'Sanctions bite', 'a.txt', '2026-11-30T10:00:05.000Z'), tags: ['integration'] };
    expect(withUnconfirmed('a.txt', [newer])[0]?.tags).toEqual(['integration']);
  });
});
