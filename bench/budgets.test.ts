import { describe, expect, it } from 'vitest';
import { type Budget, checkBudgets } from './budgets';
import { figure } from './measure';

const open = figure({
  id: '1a',
  name: 'open a document',
  runs: 5,
  unit: 'ms',
  value: 30,
  baseline: 20,
  baselineName: 'the DOM',
});
const budget = (maxRatio: number): Budget => ({ id: '1a', maxRatio, why: 'test' });

describe('checkBudgets', () => {
  it('passes a figure within its ratio to the baseline and fails one over it', () => {
    expect(checkBudgets([open], [budget(2)])[0]?.passed).toBe(true);
    const [over] = checkBudgets([open], [budget(1.2)]);
    expect(over?.passed).toBe(false);
    expect(over?.line).toContain('1.50×');
  });

  it('fails a budget whose benchmark did not run', () => {
    const [missing] = checkBudgets([], [budget(2)]);
    expect(missing?.passed).toBe(false);
    expect(missing?.line).toContain('no result');
  });

  it('fails a figure whose baseline was zero rather than dividing into a pass', () => {
    const { ratio: _, ...fields } = open;
    const broken = figure({ ...fields, baseline: 0 });
    expect(checkBudgets([broken], [budget(1000)])[0]?.passed).toBe(false);
  });

  it('keeps every budget in the repository to a benchmark that exists', async () => {
    const { readFile } = await import('node:fs/promises');
    const budgets = JSON.parse(await readFile('bench/budgets.json', 'utf8')) as Budget[];
    const ids = [
      '1a',
      '1b',
      '2',
      '2b',
      '2-busy',
      '2b-busy',
      '3',
      '3-busy',
      '4',
      '5a',
      '5b',
      '5c',
      '5d',
      '6a',
      '6b',
      '6c',
      '6d',
      '6e',
      '7a',
      '7b',
      '8',
      '9a',
      '9b',
      '9c',
      '10c',
      '11a',
      '12a',
      '12b',
      '12c',
      '13a',
      '13b',
    ];
    for (const b of budgets) {
      expect(ids).toContain(b.id);
      expect(b.maxRatio).toBeGreaterThan(0);
    }
  });
});
