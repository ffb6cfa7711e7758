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

/** A file's articles, and the records that are not articles, each located. */
export interface JsonArticles {
  articles: JsonArticle[];
  problems: Problem[];
}

/**
 * Every article in one JSON file (an array, or one under a usual name). A record that is not an
 * article is listed as a problem and passed over; only a file that is not JSON, or holds no list,
 * is refused whole. JSONL is read a line at a time with `jsonlArticles`.
 */
export function readJsonCorpus(
  name: string,
  content: string,
  fields: JsonFieldNames = DEFAULT_JSON_FIELDS,
): Result<JsonArticles, Problem[]> {
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
  const reader = jsonlArticles(fields);
  const articles: JsonArticle[] = [];
  const problems: Problem[] = [];
  container.list.forEach((value, i) => {
    const read = reader.record(value, `${name} ${container.at}[${i}]`);
    if (read.ok) articles.push(read.value);
    else problems.push(read.error);
  });
  return ok({ articles, problems });
}

/**
 * Reads the records of one file in order, one at a time, so that a JSONL dump is never held whole.
 * A record without an id is keyed by its place among the file's records (1-based); a key used
 * by an earlier record of the file is a problem.
 */
export function jsonlArticles(fields: JsonFieldNames = DEFAULT_JSON_FIELDS) {
  const keys = new Set<string>();
  let position = 0;
  const record = (value: unknown, at: string): Result<JsonArticle, Problem> => {
    position++;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail({ path: at, message: 'an article must be a JSON object' });
    }
    const fieldsOf = value as Record<string, unknown>;
    const text = pick(fieldsOf, fields.text);
    if (text === undefined) {
      return fail({ path: at, message: `no text: none of the fields ${fields.text.join(', ')} holds a string` });
    }
    const key = (pick(fieldsOf, fields.id) ?? String(position)).replaceAll('/', '_');
    if (keys.has(key)) return fail({ path: at, message: `the id "${key}" is used by an earlier article in this file` });
    keys.add(key);
    return ok({
      key,
      at,
      text,
      title: pick(fieldsOf, fields.title),
      url: pick(fieldsOf, fields.url),
      date: pick(fieldsOf, fields.date),
      source: pick(fieldsOf, fields.source),
      author: pick(fieldsOf, fields.author),
      language: pick(fieldsOf, fields.language),
    });
  };
  return {
    record,
    /** One line of JSONL; a line that is not JSON is a problem and takes no place among the records. */
    line(content: string, at: string): Result<JsonArticle, Problem> {
      let value: unknown;
      try {
        value = JSON.parse(content);
      } catch (error) {
        return fail({ path: at, message: `not valid JSON: ${(error as Error).message}` });
      }
      return record(value, at);
    },
  };
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
