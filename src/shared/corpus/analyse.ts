import type { Segment } from '../model/document';
import { splitLines } from '../text/lines';
import { detectLanguage } from './language';

export interface TextAnalysis {
  title: string;
  language: string;
  segments: Segment[];
}

/**
 * Plain text: the first non-empty line is the title, the rest is body. Boilerplate detection
 * refines the body later; it never changes the text.
 */
export function analyseText(text: string, fallbackTitle: string): TextAnalysis {
  const titleLine = splitLines(text).find((line) => text.slice(line.start, line.end).trim() !== '');
  const language = detectLanguage(text);
  if (!titleLine) return { title: fallbackTitle, language, segments: [] };
  const raw = text.slice(titleLine.start, titleLine.end);
  const start = titleLine.start + (raw.length - raw.trimStart().length);
  const end = titleLine.end - (raw.length - raw.trimEnd().length);
  const segments: Segment[] = [{ kind: 'title', start, end }];
  if (titleLine.end < text.length) segments.push({ kind: 'body', start: titleLine.end, end: text.length });
  return { title: text.slice(start, end), language, segments };
}
