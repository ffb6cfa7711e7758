import type { Measurement } from './measure';

/** A limit on one benchmark's figure, kept in bench/budgets.json. */
export interface Budget {
  /** The benchmark's id in bench/results.json. */
  id: string;
  /** Most the figure may be, as a multiple of its baseline measured in the same run. */
  maxRatio: number;
  /** Why this limit: what the figure is held against. */
  why: string;
}

export interface BudgetVerdict {
  budget: Budget;
  measurement?: Measurement;
  passed: boolean;
  line: string;
}

/**
 * Each budget against the figure with its id. A budget whose figure is missing fails, so a
 * benchmark that silently stops running cannot pass the check.
 */
export function checkBudgets(results: readonly Measurement[], budgets: readonly Budget[]): BudgetVerdict[] {
  return budgets.map((budget) => {
    const measurement = results.find((r) => r.id === budget.id);
    if (!measurement) {
      return { budget, passed: false, line: `✗ ${budget.id}: no result (${budget.why})` };
    }
    const passed = Number.isFinite(measurement.ratio) && measurement.ratio <= budget.maxRatio;
    const line = `${passed ? '✓' : '✗'} ${budget.id} ${measurement.name}: ${measurement.ratio.toFixed(2)}× ${measurement.baselineName} (budget ≤ ${budget.maxRatio}×: ${budget.why})`;
    return { budget, measurement, passed, line };
  });
}
