import type { Segment } from '../model/document';
import { detectLanguage } from './language';
import { segmentText } from './segment';
import { extractTextMetadata, type TextMetadata } from './text-metadata';

/** The title is always set (the file name when the text has no headline); other metadata only when found. */
export interface TextAnalysis extends Omit<TextMetadata, 'title'> {
  title: string;
  language: string;
  segments: Segment[];
}

/**
 * Plain text: title, metadata, body and boilerplate ranges from the line heuristics in segment.ts,
 * and what the page says about itself (date, URL, author, site). The text is never changed.
 */
export function analyseText(text: string, fallbackTitle: string): TextAnalysis {
  const segments = segmentText(text);
  const { title, ...metadata } = extractTextMetadata(text, segments);
  return { ...metadata, title: title ?? fallbackTitle, language: detectLanguage(text), segments };
}
