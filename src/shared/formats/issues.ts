import type { z } from 'zod';
import type { Problem } from '../result';

/** Zod issues as problems with a JSON path a user can find in the file. */
export function problemsFromZod(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    path: `$${issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')}`,
    message: issue.message,
  }));
}

export function parseJson(input: string): { ok: true; value: unknown } | { ok: false; error: Problem[] } {
  try {
    return { ok: true, value: JSON.parse(input) };
  } catch (error) {
    return { ok: false, error: [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }] };
  }
}
