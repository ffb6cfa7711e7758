import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCorpus } from '../main/services/corpus';
import { main } from './index';
import type { JsonHit } from './search-command';
import { printedByCommands } from './testing';

let dir: string;
const { out, err } = printedByCommands();

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'framing-search-'));
  await writeFile(
    join(dir, 'minsk.txt'),
    'Минск и санкции\n\nНовые санкции 🇪🇺 ударили по экспорту. Против санкций выступил Минск; в Санкт-Петербурге промолчали.\n',
  );
  await writeFile(
    join(dir, 'brussels.txt'),
    'Brussels weighs sanctions\n\nThe EU sanctioned Minsk again. A sanction, officials said, is a signal.\n',
  );
  await writeFile(join(dir, 'weather.txt'), 'Weather in Minsk\n\nSunny, then rain.\n');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Printed {
  hits: JsonHit[];
  total: number;
}

describe('framing-workbench search', () => {
  it('prints every inflection of a word in both languages, grouped by document, with its context', async () => {
    expect(await main(['search', dir, 'санкции OR sanction', '--no-cache', '--context', '12'])).toBe(0);
    const printed = out.join('\n');
    expect(printed).toContain('minsk.txt · Минск и санкции (3 hits)');
    expect(printed).toContain('brussels.txt · Brussels weighs sanctions (3 hits)');
    expect(printed).toContain('   ons The EU [sanctioned] Minsk again');
    expect(printed).not.toContain('Санкт');
    expect(out.at(-1)).toBe('6 hits in 2 of 3 documents');
  });

  it('prints JSON whose offsets point at the quote in the served text, in both units', async () => {
    expect(await main(['search', dir, 'санкций', '--json', '--no-cache'])).toBe(0);
    const printed = JSON.parse(out.join('\n')) as Printed;
    expect(printed.total).toBe(3);
    const corpus = await openCorpus(dir);
    const { text } = await corpus.document('minsk.txt');
    for (const hit of printed.hits) {
      expect(text.slice(hit.start, hit.end)).toBe(hit.quote);
      expect([...text].slice(hit.codePointStart, hit.codePointEnd).join('')).toBe(hit.quote);
    }
    // After the flag (two astral characters) UTF-16 offsets run two ahead of code points each.
    const last = printed.hits.at(-1);
    expect(last?.quote).toBe('санкций');
    expect((last?.start ?? 0) - (last?.codePointStart ?? 0)).toBe(2);
  });

  it('searches a regular expression, with \\b at the edges of Cyrillic words', async () => {
    expect(await main(['search', dir, '\\bминск\\b', '--regex', '--json', '--no-cache'])).toBe(0);
    const printed = JSON.parse(out.join('\n')) as Printed;
    // The Latin "Minsk" is another word to an expression; only the Cyrillic ones match.
    expect(printed.hits.map((h) => [h.document, h.quote])).toEqual([
      ['minsk.txt', 'Минск'],
      ['minsk.txt', 'Минск'],
    ]);
  });

  it('leaves out hits in titles with --body, for words and expressions alike', async () => {
    expect(await main(['search', dir, 'санкции OR sanction', '--no-cache', '--body'])).toBe(0);
    const printed = out.join('\n');
    expect(printed).toContain('minsk.txt · Минск и санкции (2 hits)');
    expect(printed).toContain('brussels.txt · Brussels weighs sanctions (2 hits)');
    expect(out.at(-1)).toBe('4 hits in 2 of 3 documents');
    out.length = 0;
    expect(await main(['search', dir, '\\bминск\\b', '--regex', '--json', '--no-cache', '--body'])).toBe(0);
    const body = JSON.parse(out.join('\n')) as Printed;
    expect(body.hits.map((h) => h.before.trim().split(' ').at(-1))).toEqual(['выступил']);
  });

  it('exits 1 when nothing matches', async () => {
    expect(await main(['search', dir, 'Вашингтон', '--no-cache'])).toBe(1);
    expect(out.at(-1)).toBe('0 hits in 0 of 3 documents');
  });

  it.each([
    [['(', '--regex'], 'This is not a regular expression'],
    [['   '], 'Type a word'],
    [[], 'search needs a corpus folder and one query'],
    [['НАТО', '--context', 'ten'], '--context needs a whole number'],
  ])('refuses %j and searches nothing', async (args, message) => {
    expect(await main(['search', dir, ...args, '--no-cache'])).toBe(2);
    expect(err.join('\n')).toContain(message);
    expect(out).toEqual([]);
  });
});
