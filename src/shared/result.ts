/** Parsers and validators return a Result instead of throwing, so callers must handle bad input. */
export type Result<T, E = Problem[]> = { ok: true; value: T } | { ok: false; error: E };

/** One thing wrong with an input: where (a JSON path, a line) and why, in words a user can act on. */
export interface Problem {
  path: string;
  message: string;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });
