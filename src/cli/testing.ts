import { afterEach, beforeEach, vi } from 'vitest';

/**
 * For a CLI test file: what each test's command printed, console.log's lines in `out` and
 * console.error's in `err`, emptied before every test.
 */
export function printedByCommands(): { out: string[]; err: string[] } {
  const printed = { out: [] as string[], err: [] as string[] };
  beforeEach(() => {
    printed.out.length = 0;
    printed.err.length = 0;
    vi.spyOn(console, 'log').mockImplementation((line: string) => printed.out.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => printed.err.push(line));
  });
  afterEach(() => vi.restoreAllMocks());
  return printed;
}
