import { findDates, TIME } from './dates';
import { STOP_WORDS } from './stopwords';

/** What the segmenter knows about one non-blank line. */
export interface LineFeatures {
  /** The line without surrounding whitespace (NBSP included). */
  text: string;
  /** Lower-cased tokens that contain a letter. */
  words: string[];
  /** Share of `words` that are stop words: high in running prose, low in menus and tag lists. */
  stopDensity: number;
  /** Digits among letters and digits: high in calendars, counters, prices, image sizes. */
  digitShare: number;
  /** Characters that are neither letters, digits, spaces nor ordinary punctuation: markup debris. */
  symbolShare: number;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const HAS_LETTER = /\p{L}/u;

export function lineFeatures(raw: string): LineFeatures {
  const text = raw.trim();
  const words = (text.toLowerCase().match(TOKEN) ?? []).filter((t) => HAS_LETTER.test(t));
  const stops = words.filter((w) => STOP_WORDS.has(w)).length;
  const { letters, digits, spaces, symbols } = countClasses(text);
  const visible = text.length - spaces;
  return {
    text,
    words,
    stopDensity: words.length ? stops / words.length : 0,
    digitShare: letters + digits ? digits / (letters + digits) : 0,
    symbolShare: visible ? symbols / visible : 0,
  };
}

const LETTER = 1;
const NUMBER = 2;
const SPACE = 3;
const PUNCTUATION = 4;
const SYMBOL = 5;
/**
 * Each UTF-16 code unit's class, found once by the same Unicode properties as the patterns above
 * and kept: segmenting counts every character of the corpus, and a regular expression per
 * count made it the slowest step of reading a corpus.
 */
const CLASSES = new Uint8Array(0x10000);

const classOf = (character: string) =>
  /\p{L}/u.test(character)
    ? LETTER
    : /\p{N}/u.test(character)
      ? NUMBER
      : /\s/.test(character)
        ? SPACE
        : /[.,;:!?'"«»“”„‘’()—–…-]/.test(character)
          ? PUNCTUATION
          : SYMBOL;

/** Letters and digits (`\p{L}`, `\p{N}`) and unusual symbols per code point; spaces (`\s`) per code unit. */
function countClasses(text: string) {
  let letters = 0;
  let digits = 0;
  let spaces = 0;
  let symbols = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let kind: number;
    const low = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
      kind = classOf(text.slice(i, i + 2));
      i++;
    } else {
      kind = CLASSES[unit] as number;
      if (kind === 0) {
        kind = classOf(String.fromCharCode(unit));
        CLASSES[unit] = kind;
      }
    }
    if (kind === LETTER) letters++;
    else if (kind === NUMBER) digits++;
    else if (kind === SPACE) spaces++;
    else if (kind === SYMBOL) symbols++;
  }
  return { letters, digits, spaces, symbols };
}

// Without the u flag: with it V8 ran this test on every line 200 times slower (benchmark 6a), and
// nothing in it needs Unicode (\S takes a surrogate pair a half at a time, to the same end).
export const URL_PATTERN = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
export const EMAIL_PATTERN = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/u;
const PHONE = /(?<!\d)\+\d[\d ()-]{8,}\d/;
export const IMAGE_URL = /\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]\S*)?$/i;
/** "By Jane Doe", "Автор: Иван Петров": the label before a byline's name. */
export const AUTHOR_LABEL = /^(?:[Bb]y|[Aa]uthors?:?|Авторы?:?|Текст:)\s+(?=\p{Lu})/u;
const ELLIPSIS = /\.\.\.|…/;
const TIME_ZONE = /\b(?:moscow time|msk|gmt|utc|cet|cest|bst|edt|est|pdt|pst)\b|мск|по московскому времени/i;
const DATE_LABELS =
  /\b(?:date|published|posted|updated|modified|on|at|am|pm)\b|(?<!\p{L})(?:дата|опубликовано|обновлено|изменено|публикации|в)(?!\p{L})/giu;
const WEEKDAYS =
  /^(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?$|^(?:пн|вт|ср|чт|пт|сб|вс|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)$/;

/** A line that holds only a date and/or time, perhaps with a label or the page URL ("date 2022-02-16 https://…"). */
function isDateLine(text: string): boolean {
  const dates = findDates(text);
  let rest = text;
  for (const date of [...dates].reverse()) rest = `${rest.slice(0, date.start)} ${rest.slice(date.end)}`;
  const times = rest.match(TIME)?.length ?? 0;
  if (dates.length + times === 0) return false;
  rest = rest.replace(TIME, ' ').replace(URL_PATTERN, ' ').replace(TIME_ZONE, ' ').replace(DATE_LABELS, ' ');
  return rest
    .split(/\s+/)
    .every((word) => !/\p{L}/u.test(word) || WEEKDAYS.test(word.toLowerCase().replace(/[,.]$/, '')));
}

/** A personal name on its own: two to four capitalised words, perhaps ending in "." or "," ("Oleg Kravtsov."). */
export function isNameLine(text: string): boolean {
  const tokens = text.replace(/[.,;:]$/, '').split(/\s+/);
  return (
    tokens.length >= 2 &&
    tokens.length <= 4 &&
    tokens.every((t) => /^\p{Lu}\.$/u.test(t) || /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u.test(t))
  );
}

const OPENING_WORDS = 5;

/** The lines seen so far, indexed so that the repetition rules stay linear in the document's length. */
export class EarlierLines {
  private readonly texts = new Set<string>();
  private readonly byOpening = new Map<string, string[][]>();

  add(line: LineFeatures): void {
    this.texts.add(line.text);
    if (line.words.length < OPENING_WORDS) return;
    const key = line.words.slice(0, OPENING_WORDS).join(' ');
    const group = this.byOpening.get(key);
    if (group) group.push(line.words);
    else this.byOpening.set(key, [line.words]);
  }

  has(text: string): boolean {
    return this.texts.has(text);
  }

  /** The most leading words `words` shares with an earlier line (0 when fewer than five). */
  sharedOpening(words: readonly string[]): number {
    const candidates = this.byOpening.get(words.slice(0, OPENING_WORDS).join(' ')) ?? [];
    let best = 0;
    for (const other of candidates) {
      let shared = 0;
      while (shared < words.length && other[shared] === words[shared]) shared++;
      best = Math.max(best, shared);
    }
    return best;
  }
}

export type LineRule = (line: LineFeatures, earlier: EarlierLines) => boolean;

/**
 * Lines that describe the document: who, when, where. They are tried before the boilerplate rules,
 * so that a dated header with the page URL is metadata, not a link line.
 */
export const METADATA_RULES: Readonly<Record<string, LineRule>> = {
  dateOrUrlHeader: ({ text, words }) => words.length <= 20 && isDateLine(text),
  // "Updated 2 hours ago", "5 минут назад".
  relativeTime: ({ text, words }) =>
    words.length <= 5 &&
    /\b\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago\b|\d+\s+(?:минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день)\s+назад/i.test(
      text,
    ),
  // "РИА Новости, 12.03.2023": a source or place with a full date, no sentence around them.
  datedSource: ({ text, words }) =>
    words.length <= 6 && !words.some((w) => STOP_WORDS.has(w)) && findDates(text).some((date) => date.iso),
  views: ({ text }) =>
    /^(?:views?|hits|reads|просмотр(?:ов|ы)?|прочтени[йя])\s*[:-]?\s*[\d\s]+$|^[\d\s]+(?:views?|просмотр\p{L}*)$/iu.test(
      text,
    ),
  timeZoneOrPlace: ({ text, words }) => words.length <= 4 && TIME_ZONE.test(text),
  authorLabel: ({ text, words }) => words.length <= 6 && AUTHOR_LABEL.test(text),
  credits: ({ text }) => /^(?:(?:additional )?reporting|writing|editing|edited|compiled) by\s+\p{Lu}/iu.test(text),
  // A page description truncated by the site and stamped with date and source ("… 16.02.2022, Sputnik International").
  stampedSummary: ({ text }) => {
    const last = ELLIPSIS.test(text) ? findDates(text).at(-1) : undefined;
    if (!last || !ELLIPSIS.test(text.slice(0, last.start))) return false;
    return /^\s*(?:,\s*\p{Lu}[\p{L}\s.'’-]{0,40})?$/u.test(text.slice(last.end));
  },
};

const COMMENT = /comment|комментар/i;
const MODERATION =
  /\b(?:readers?|your|site|administration|moderat\w*|rules|prohibited|forbidden|delete|block|ban|accounts?|spam|publish\w*|publication|links)\b|читател|уважаем|ваш|сайт|администрац|модерац|правил|запрещ|удал|блокир|аккаунт|спам|публикац|ссылк/gi;

// Phrases that open a page widget: subscription, sharing, tags, related links, navigation, comment
// forms, copyright, advertising. Tested against the line after any bullet or emoji.
const WIDGET_OPENINGS: readonly RegExp[] = [
  /^(?:subscribe|sign up|follow us|join us|like us|share(?: this| on|$)|download (?:our|the) app)/i,
  /^(?:подписывайтесь|подпишитесь|подписаться|присоединяйтесь|поделиться|скачайте)/i,
  /^(?:tags?|topics?|categories|keywords|теги|метки|темы|рубрики|ключевые слова)(?:\s*:|$)/i,
  /^(?:read (?:also|more)|see also|related(?: articles| news| stories| coverage| content)?|more on this topic|читайте (?:также|ещё|еще|нас)|смотрите также|(?:ещё |еще )?по теме|материалы по теме|другие новости|новости партн[её]ров)(?:\s*[:.]|$)/i,
  /^(?:skip to (?:main )?content|skip navigation|перейти к (?:основному )?(?:контенту|содержанию|содержимому))/i,
  /^(?:be the first to comment|leave a (?:reply|comment)|post a comment|add a comment|no comments|comments?(?:\s*\(\d+\))?$|оставить комментарий|написать комментарий|комментари(?:и|ев)?(?:\s*\(\d+\))?$)/i,
  /^(?:©|\(c\)\s|copyright\b)/i,
  /^(?:advertisement|sponsored(?: content)?|реклама|на правах рекламы)$/i,
  /^(?:home|menu|search|log ?in|sign in|register|back to top|latest news|news feed|most read|live|главная|меню|поиск|войти|вход|регистрация|наверх|лента новостей|прямой эфир|последние новости|самое читаемое|популярное)$/i,
];

// Phrases specific enough to mark a widget wherever they appear in a line.
const WIDGET_PHRASES: readonly RegExp[] = [
  /ctrl\s*\+\s*enter/i,
  /\bif you (?:find|found|notice) (?:an? )?(?:error|mistake|typo)|нашли ошибку|заметили ошибку/i,
  /\bsubscribe to (?:our|the)\b|\bfollow us on\b|подписывайтесь на|подпишитесь на/i,
  /\bwe use cookies\b|\bcookie (?:policy|settings)\b|файлы? cookie|использует cookie/i,
  /\ball rights reserved\b|все права защищены|\bunauthori[sz]ed use\b/i,
  /\b(?:update|upgrade) your browser\b|обновите (?:ваш )?браузер|ошибка воспроизведения|enable javascript|включите javascript/i,
];

/** Lines that belong to the page, not to the article. */
export const BOILERPLATE_RULES: Readonly<Record<string, LineRule>> = {
  // Captions and thumbnails carry their image URL; a line that is mostly a URL is a link, not prose.
  captionOrUrl: ({ text }) => {
    const urls = text.match(URL_PATTERN) ?? [];
    if (urls.length === 0) return false;
    return urls.some((url) => IMAGE_URL.test(url)) || lineFeatures(text.replace(URL_PATTERN, ' ')).words.length <= 4;
  },
  photoCredit: ({ text }) => /^(?:photo|image|illustration|фото|иллюстрация|кадр)\s*[:©/]/i.test(text),
  // XPath, template and JSON leftovers of the scraper ("/html/head/meta[@name='og:title']", "en_EN").
  markupDebris: ({ symbolShare }) => symbolShare >= 0.2,
  // Counters, calendar rows, prices, image sizes ("0", "6789101112", "EUR ЦБ: 89,06", "1920 1080 true").
  numeric: ({ digitShare }) => digitShare >= 0.5,
  calendarHeader: ({ text }) => {
    const tokens = text.split(/\s+/);
    return tokens.length >= 3 && tokens.filter((t) => WEEKDAYS.test(t.toLowerCase())).length / tokens.length >= 0.6;
  },
  // News tickers end every headline with its time ("… Политика, 24 янв, 23:55").
  tickerItem: ({ text }) => {
    const time = [...text.matchAll(TIME)].at(-1);
    return time !== undefined && time.index + time[0].length === text.length && !isDateLine(text);
  },
  widget: ({ text, words }) => {
    if (words.length > 60) return false;
    const opening = text.replace(/^[^\p{L}\p{N}©(]+/u, '');
    return WIDGET_OPENINGS.some((re) => re.test(opening)) || WIDGET_PHRASES.some((re) => re.test(text));
  },
  // Comment rules speak of comments together with the site's moderation vocabulary.
  commentPolicy: ({ text }) => {
    if (!COMMENT.test(text)) return false;
    const terms = new Set(Array.from(text.matchAll(MODERATION), (m) => m[0].toLowerCase()));
    return terms.size >= 2;
  },
  // "Byelorussia, Zen, NATO, Policy, Russia": short items, no function words, no sentence end.
  tagList: ({ text, words }) => {
    // The cheap tests first: most lines are prose, which ends a sentence and has function words.
    if (/[.!?]$/.test(text) || words.some((w) => STOP_WORDS.has(w))) return false;
    const items = text.split(/[,;|]/).map((item) => item.trim());
    return (
      items.filter(Boolean).length >= 3 &&
      items.every((item) => item === '' || (/\p{L}/u.test(item) && (item.match(TOKEN)?.length ?? 0) <= 3))
    );
  },
  // "Today Belarus has difficult relations…, but to help Minsk..." repeats the start of an earlier paragraph.
  repeatedTeaser: ({ text, words }, earlier) => {
    if (!/(?:\.\.\.|…)$/.test(text)) return false;
    const shared = earlier.sharedOpening(words);
    return shared >= OPENING_WORDS && shared >= words.length / 2;
  },
  // The publisher's contact or signature line ("Sputnik International feedback@… +7495…"): it is
  // about the site, not the document, and sites print it in every footer block, so as metadata it
  // would split the footer's folds. The site's name is still read from it (text-metadata.ts).
  publisherContact: ({ text, words }) => words.length <= 20 && (EMAIL_PATTERN.test(text) || PHONE.test(text)),
  // Scrapers keep og:title next to the headline, and footers repeat; a second copy adds no text.
  repeatedLine: ({ text, words }, earlier) => words.length >= 4 && earlier.has(text),
};
