import type { Segment } from '../model/document';
import { splitLines } from '../text/lines';
import { findDates } from './dates';
import { AUTHOR_LABEL, EMAIL_PATTERN, IMAGE_URL, isNameLine, URL_PATTERN } from './line-rules';
import { outletByUrl, outletNamedIn } from './outlets';

export interface TextMetadata {
  title?: string;
  /** ISO 8601 calendar date, e.g. '2021-09-10'. */
  date?: string;
  url?: string;
  author?: string;
  site?: string;
}

const NAME = String.raw`\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,3}`;

// Where a page names itself, most explicit first: the publisher's contact line, the copyright
// notice, a date stamp "…, 16.02.2022, Sputnik International", a "subscribe to X news" prompt.
const SITE_PATTERNS: readonly RegExp[] = [
  new RegExp(`^(${NAME})\\s+${EMAIL_PATTERN.source}`, 'u'),
  /^(?:(?:©|\([cC]\)|[Cc]opyright)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*([^.,]+?)(?=[.,]|\s*$|\s+(?:[Aa]ll rights|[Вв]се права))/u,
  new RegExp(`\\d{1,2}\\.\\d{1,2}\\.\\d{4},\\s*(${NAME})$`, 'u'),
  new RegExp(`(?:[Ss]ubscribe to|[Ff]ollow)\\s+(?:the\\s+)?(${NAME})\\s+(?:news|channel|newsletter)\\b`, 'u'),
  new RegExp(`[Пп]од(?:писывайтесь|пишитесь) на (?:(?:новости|канал)\\s+)?«?(${NAME})»?\\s+в\\s`, 'u'),
];

/**
 * What the page says about itself, read only from its metadata and boilerplate ranges (a date or a
 * name inside the article is about the story, not the document). Fields not found are absent.
 */
export function extractTextMetadata(text: string, segments: readonly Segment[]): TextMetadata {
  const linesOf = (kinds: readonly Segment['kind'][]) =>
    segments
      .filter((segment) => kinds.includes(segment.kind))
      .flatMap((segment) => {
        const slice = text.slice(segment.start, segment.end);
        return splitLines(slice).map((line) => slice.slice(line.start, line.end).trim());
      })
      .filter(Boolean);
  const metadata = linesOf(['metadata']);
  const furniture = linesOf(['metadata', 'boilerplate']);

  const titleSegment = segments.find((segment) => segment.kind === 'title');
  const title = titleSegment && text.slice(titleSegment.start, titleSegment.end).trim();
  const date = metadata.flatMap((line) => findDates(line)).find((found) => found.iso)?.iso;
  const url = metadata
    .flatMap((line) => line.match(URL_PATTERN) ?? [])
    .map((found) => found.replace(/[),.;:!?»”"']+$/u, ''))
    .find((found) => !IMAGE_URL.test(found));
  // The page's own words first; then the register of known outlets, by the page URL's domain or
  // by the section label of the page's own news feed ("… новостройке РБК и ПИК, 24 янв, 21:52").
  const site =
    SITE_PATTERNS.map((pattern) => firstCapture(furniture, pattern)).find(Boolean) ??
    outletByUrl(url)?.name ??
    furniture.map(outletInFeedLabel).find(Boolean);
  const author = metadata.map(authorIn).find((name) => name && name !== site);

  return {
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(url ? { url } : {}),
    ...(author ? { author } : {}),
    ...(site ? { site } : {}),
  };
}

// A feed item ends with its section label, then the day and the time: "…, Политика, 24 янв, 23:55".
const FEED_STAMP = /,\s*(?:\d{1,2}\s+\p{L}+\.?,\s*)?\d{1,2}:\d{2}$/u;
/** Words before a feed item's stamp that can be its section label ("Политика", "РБК и ПИК"). */
const LABEL_WORDS = 3;

/** A known outlet named in a feed item's section label: a site labels its own sections and projects. */
function outletInFeedLabel(line: string): string | undefined {
  const stamp = FEED_STAMP.exec(line);
  if (!stamp) return undefined;
  const label = line.slice(0, stamp.index).trim().split(/\s+/u).slice(-LABEL_WORDS).join(' ');
  return outletNamedIn(label)?.printed;
}

function firstCapture(lines: readonly string[], pattern: RegExp): string | undefined {
  for (const line of lines) {
    const name = pattern.exec(line)?.[1]?.trim();
    if (name) return name;
  }
  return undefined;
}

/** "By Jane Doe, Reuters", "Автор: Иван Петров" or a name on its own line ("Oleg Kravtsov."). */
function authorIn(line: string): string | undefined {
  const label = AUTHOR_LABEL.exec(line);
  // After a label the name ends at the first separator; what follows is the agency or the role.
  const name = label ? (line.slice(label[0].length).split(/[,;|]|\s[-–—]\s/u)[0] ?? '').trim() : line;
  return isNameLine(name) ? name.replace(/[.,;:]$/u, '') : undefined;
}
