import { readFile } from 'node:fs/promises';
import { type Budget, checkBudgets } from './budgets';
import type { Measurement } from './measure';

/** `npm run bench:check`: bench/results.json against bench/budgets.json; exit 1 when one is over. */
async function readJson<T>(path: string, hint: string): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    console.error(`Cannot read ${path}: ${(error as Error).message}. ${hint}`);
    process.exit(2);
  }
}

const results = await readJson<{ machine: string; date: string; quick: boolean; results: Measurement[] }>(
  'bench/results.json',
  'Run `npm run bench` first.',
);
const budgets = await readJson<Budget[]>('bench/budgets.json', 'The budgets are kept in the repository.');
console.log(`Results of ${results.date} on ${results.machine}${results.quick ? ' (quick run)' : ''}`);
const verdicts = checkBudgets(results.results, budgets);
for (const verdict of verdicts) console.log(verdict.line);
const failed = verdicts.filter((v) => !v.passed).length;
console.log(
  failed === 0 ? `All ${verdicts.length} budgets hold.` : `${failed} of ${verdicts.length} budgets exceeded.`,
);
process.exitCode = failed === 0 ? 0 : 1;
