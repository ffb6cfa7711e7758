import type { Problem, Result } from '../result';

/** Every interchange format is a pair: parse never throws on bad input, serialize is deterministic. */
export interface Format<T> {
  name: string;
  parse(input: string): Result<T, Problem[]>;
  serialize(value: T): string;
}
