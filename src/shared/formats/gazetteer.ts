import { fail, ok, type Problem, type Result } from '../result';
import type { Format } from './format';

/** One line of a gazetteer: a text and, unless the file is one tag's list, the tag it carries. */
export interface GazetteerLine {
  line: number;
  text: string;
  /** The tag as the file names it (an id or a label); absent in a list of one tag's texts. */
  tag?: string;
}

/** The most lines read from one file: a gazetteer is a list of phrases, not a corpus. */
const MAX_LINES = 200_000;
const MAX_TEXT = 1_000;

/**
 * A gazetteer as INCEpTION's string-matching recommender reads it: one entry a line, the text
 * then a tab then the tag; lines starting with `#` and empty lines are left out. A file with no
 * tabs at all is a list of one tag's texts, the tag chosen when it is imported.
 */
export const gazetteer: Format<GazetteerLine[]> = {
  name: 'Gazetteer (TSV)',
  parse(input) {
    const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
    if (lines.length > MAX_LINES) {
      return fail([{ path: 'file', message: `has ${lines.length} lines; a gazetteer may have ${MAX_LINES}` }]);
    }
    const entries: GazetteerLine[] = [];
    const problems: Problem[] = [];
    lines.forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
      const [text = '', tag, ...rest] = raw.split('\t').map((cell) => cell.trim());
      if (rest.some((cell) => cell !== ''))
        problems.push({ path: `line ${line}`, message: 'has more than two columns' });
      else if (text === '') problems.push({ path: `line ${line}`, message: 'has no text before the tab' });
      else if (text.length > MAX_TEXT)
        problems.push({ path: `line ${line}`, message: `has a text longer than ${MAX_TEXT} characters` });
      else if (tag === '') problems.push({ path: `line ${line}`, message: 'has a tab but no tag after it' });
      else entries.push(tag === undefined ? { line, text } : { line, text, tag });
    });
    if (problems.length > 0) return fail(problems);
    if (entries.length === 0) return fail([{ path: 'file', message: 'holds no entries' }]);
    const tagged = entries.filter((e) => e.tag !== undefined).length;
    if (tagged > 0 && tagged < entries.length) {
      const first = entries.find((e) => e.tag === undefined) as GazetteerLine;
      return fail([{ path: `line ${first.line}`, message: 'has no tag, while other lines have one' }]);
    }
    return ok(entries);
  },
  serialize(entries) {
    const clean = (cell: string) => cell.replace(/[\t\r\n]+/g, ' ').trim();
    return `${entries.map((e) => (e.tag === undefined ? clean(e.text) : `${clean(e.text)}\t${clean(e.tag)}`)).join('\n')}\n`;
  },
};

/** A gazetteer's entries with their tags found in a codebook (by id or label, in any case). */
export function resolveGazetteer(
  lines: readonly GazetteerLine[],
  tags: readonly { id: string; label: string }[],
  listTag?: string,
): Result<{ text: string; tagId: string }[], Problem[]> {
  const byName = new Map<string, string>();
  for (const tag of tags) {
    byName.set(tag.label.toLowerCase(), tag.id);
    byName.set(tag.id.toLowerCase(), tag.id);
  }
  const problems: Problem[] = [];
  const entries: { text: string; tagId: string }[] = [];
  for (const line of lines) {
    const name = line.tag ?? listTag;
    const tagId = name === undefined ? undefined : byName.get(name.toLowerCase());
    if (name === undefined)
      problems.push({ path: `line ${line.line}`, message: 'has no tag; choose the tag of the list' });
    else if (tagId === undefined)
      problems.push({ path: `line ${line.line}`, message: `names the tag "${name}", which the codebook lacks` });
    else entries.push({ text: line.text, tagId });
  }
  return problems.length > 0 ? fail(problems) : ok(entries);
}
