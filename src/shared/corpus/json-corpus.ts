import { fail, ok, type Problem, type Result } from '../result';

/**
 * Corpora delivered as JSON: a `.json` file holding an array of article objects (or an object with
 * such an array under `documents`, `articles`, `items` or `data`), or a `.jsonl` file with one
 * article object per line. Which field holds what is configurable; by default the usual names
 * are tried in order.
 */

export interface JsonFieldNames {
  id: string[];
  text: string[];
  title: string[];
  url: string[];
  date: string[];
  source: string[];
  author: string[];
  language: string[];
}

export const DEFAULT_JSON_FIELDS: JsonFieldNames = {
  id: ['id', 'uuid', '_id', 'doc_id', 'document_id'],
  text: ['text', 'content', 'body', 'article', 'maintext'],
  title: ['title', 'headline'],
  url: ['url', 'link', 'source_url'],
  date: ['date', 'published', 'published_at', 'date_publish', 'pubdate'],
  source: ['source', 'site', 'source_domain', 'publisher', 'outlet'],
  author: ['author', 'authors', 'byline'],
  language: ['language', 'lang'],
};

export interface JsonArticle {
  /** The record's id when it has one, else its 1-based position in the file. */
  key: string;
  /** Where the record is, for messages: `name:line` in JSONL, `name $[i]` (or `$.articles[i]`) in JSON. */
  at: string;
  text: string;
  title?: string;
  url?: string;
  date?: string;
  source?: string;
  author?: string;
  language?: string;
}

const CONTAINERS = ['documents', 'articles', 'items', 'data'];

/** Every article in one JSON or JSONL file; any record without text refuses the file, saying where. */
export function readJsonCorpus(
  name: string,
  content: string,
  fields: JsonFieldNames = DEFAULT_JSON_FIELDS,
): Result<JsonArticle[], Problem[]> {
  const records: { value: unknown; path: string }[] = [];
  const problems: Problem[] = [];
  if (name.toLowerCase().endsWith('.jsonl')) {
    content.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        records.push({ value: JSON.parse(line), path: `${name}:${i + 1}` });
      } catch (error) {
        problems.push({ path: `${name}:${i + 1}`, message: `not valid JSON: ${(error as Error).message}` });
      }
    });
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (error) {
      return fail([{ path: name, message: `not valid JSON: ${(error as Error).message}` }]);
    }
    const container = Array.isArray(parsed) ? { list: parsed, at: '$' } : findContainer(parsed);
    if (!container) {
      return fail([{ path: name, message: `expected an array of articles, or one under ${CONTAINERS.join('/')}` }]);
    }
    container.list.forEach((value, i) => {
      records.push({ value, path: `${name} ${container.at}[${i}]` });
    });
  }
  const articles: JsonArticle[] = [];
  const keys = new Set<string>();
  records.forEach(({ value, path }, i) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ path, message: 'an article must be a JSON object' });
      return;
    }
    const record = value as Record<string, unknown>;
    const text = pick(record, fields.text);
    if (text === undefined) {
      problems.push({ path, message: `no text: none of the fields ${fields.text.join(', ')} holds a string` });
      return;
    }
    const key = (pick(record, fields.id) ?? String(i + 1)).replaceAll('/', '_');
    if (keys.has(key)) {
      problems.push({ path, message: `the id "${key}" is used by an earlier article in this file` });
      return;
    }
    keys.add(key);
    articles.push({
      key,
      at: path,
      text,
      title: pick(record, fields.title),
      url: pick(record, fields.url),
      date: pick(record, fields.date),
      source: pick(record, fields.source),
      author: pick(record, fields.author),
      language: pick(record, fields.language),
    });
  });
  return problems.length > 0 ? fail(problems) : ok(articles);
}

function findContainer(parsed: unknown): { list: unknown[]; at: string } | undefined {
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  for (const name of CONTAINERS) {
    const list = (parsed as Record<string, unknown>)[name];
    if (Array.isArray(list)) return { list, at: `$.${name}` };
  }
  return undefined;
}

/** The first of `names` that holds a string (or a number, or a list of strings such as authors). */
function pick(record: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) {
    if (!Object.hasOwn(record, name)) continue;
    const value = record[name];
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  }
  return undefined;
}
