import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../model/document';
import { type Line, splitLines } from '../text/lines';
import { segmentText } from './segment';

type Kind = Segment['kind'];

const EN = [
  'The ministers met in Minsk on Tuesday to discuss the joint exercises that are planned for the autumn, and they agreed that the two armies would share more of their training grounds than they have done in the past.',
  'According to the officials, the plan is a response to what they describe as a growing military presence near the border, although they did not say how many troops would take part in the drills this year.',
  'Analysts in Warsaw said that the announcement was mostly aimed at a domestic audience and that it was too early to tell whether the new plans would change the balance of forces in the region at all.',
];
const RU = [
  'Министры обороны встретились в Минске, чтобы обсудить учения, которые пройдут осенью. Они договорились, что армии будут чаще использовать общие полигоны, но не сказали, когда это начнется и сколько это будет стоить.',
  'По словам чиновников, это ответ на то, что они называют ростом военного присутствия у границы. При этом они не уточнили, сколько военных будет участвовать в учениях и где именно они пройдут в этом году.',
  'Эксперты считают, что заявление было рассчитано прежде всего на внутреннюю аудиторию и что пока еще рано говорить о том, изменят ли эти планы баланс сил в регионе, как об этом говорят сейчас в Москве.',
];
const EN_TITLE = 'Belarus and Russia agree on joint drills near the border';
const RU_TITLE = 'Россия и Белоруссия договорились о совместных учениях';

const isBlank = (text: string, line: Line) => text.slice(line.start, line.end).trim() === '';

function kindOfLine(segments: readonly Segment[], line: Line): Kind | undefined {
  return segments.find((s) => s.start <= line.start && line.end <= s.end)?.kind;
}

/** The kind of the first non-blank line whose trimmed text is `lineText`. */
function kindOf(text: string, lineText: string): Kind | undefined {
  const line = splitLines(text).find((l) => text.slice(l.start, l.end).trim() === lineText);
  if (!line) throw new Error(`no line "${lineText}"`);
  return kindOfLine(segmentText(text), line);
}

/** Everything the range convention promises, as a list of broken promises (empty when all hold). */
function coverageProblems(text: string, segments: readonly Segment[]): string[] {
  const problems: string[] = [];
  const lines = splitLines(text);
  const starts = new Set(lines.map((l) => l.start));
  const ends = new Set(lines.map((l) => l.end));
  segments.forEach((s, i) => {
    if (s.start < 0 || s.end > text.length || s.start >= s.end) problems.push(`bad bounds ${s.start}-${s.end}`);
    if (!starts.has(s.start) || !ends.has(s.end)) problems.push(`range ${s.start}-${s.end} cuts a line`);
    const before = segments[i - 1];
    if (before && before.end > s.start) problems.push(`range ${s.start} overlaps or is out of order`);
    if (before && before.kind === s.kind) problems.push(`ranges of one kind not merged at ${s.start}`);
  });
  for (const line of lines) {
    const covering = segments.filter((s) => s.start <= line.start && line.end <= s.end && s.start < s.end).length;
    if (!isBlank(text, line) && covering !== 1) problems.push(`line at ${line.start} covered ${covering} times`);
    const edge = segments.some((s) => s.start === line.start || s.end === line.end);
    if (isBlank(text, line) && edge && line.start !== line.end) problems.push(`range ends on blank line ${line.start}`);
  }
  return problems;
}

describe('segmentText on the sample corpus', () => {
  /**
   * An analyst's reading of a sample: ranges by 1-based line numbers ("11-15"), quoting the first 40
   * and the last 40 characters of the range (whitespace trimmed) so that a reader can check them
   * and they cannot drift from the file, with a note on why the range has its kind.
   */
  interface Expected {
    file: string;
    segments: { kind: Kind; lines: string; firstLine: string; lastLine?: string; why: string }[];
  }
  const files = [
    '000_64c780e358e12605.txt',
    '001_cd43f6f3889422fc.txt',
    '002_e6cb186dbdad8141.txt',
    '003_be10a6a8d7d9bc50.txt',
    '004_c2f207795f66fbd6.txt',
  ];
  const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
  const quote = (text: string, line: Line) => Array.from(text.slice(line.start, line.end).trim());

  /** Turns the fixture's line numbers into ranges, checking its quotes against the file. */
  function expectedSegments(text: string, expected: Expected): Segment[] {
    const lines = splitLines(text);
    return expected.segments.map((entry) => {
      const [from = 0, to = from] = entry.lines.split('-').map(Number);
      const first = lines[from - 1] as Line;
      const last = lines[to - 1] as Line;
      expect(quote(text, first).slice(0, 40).join(''), `fixture line ${from}`).toBe(entry.firstLine);
      if (entry.lastLine !== undefined) expect(quote(text, last).slice(-40).join('')).toBe(entry.lastLine);
      return { kind: entry.kind, start: first.start, end: last.end };
    });
  }

  /** Per-character agreement on body versus not body, over the characters that are not whitespace. */
  function bodyAccuracy(text: string, expected: readonly Segment[], actual: readonly Segment[]): number {
    const body = (segments: readonly Segment[]) => {
      const flags = new Uint8Array(text.length);
      for (const s of segments) if (s.kind === 'body') flags.fill(1, s.start, s.end);
      return flags;
    };
    const [want, got] = [body(expected), body(actual)];
    let counted = 0;
    let agreed = 0;
    for (let i = 0; i < text.length; i++) {
      if (/\s/u.test(text[i] as string)) continue;
      counted++;
      if (want[i] === got[i]) agreed++;
    }
    return counted ? agreed / counted : 1;
  }

  for (const file of files) {
    describe(file, () => {
      const text = read(`../../../resources/corpus/${file}`);
      const expected = expectedSegments(text, JSON.parse(read(`./fixtures/${file}.expected.json`)) as Expected);
      const actual = segmentText(text);
      const lines = splitLines(text).filter((line) => !isBlank(text, line));

      it('has a fixture that covers the file the way segmentText must', () => {
        expect(coverageProblems(text, expected)).toEqual([]);
        expect(coverageProblems(text, actual)).toEqual([]);
      });

      it('scores at least 0.95 per-character accuracy on body versus not body', () => {
        const score = bodyAccuracy(text, expected, actual);
        console.log(`${file}: body accuracy ${score.toFixed(4)}`);
        expect(score).toBeGreaterThanOrEqual(0.95);
      });

      it('keeps every article paragraph in the body and every boilerplate line out of it', () => {
        for (const line of lines) {
          const want = kindOfLine(expected, line);
          const got = kindOfLine(actual, line);
          const where = `${file} "${text.slice(line.start, line.end).trim().slice(0, 50)}"`;
          if (want === 'body') expect(got, where).toBe('body');
          if (want === 'boilerplate') expect(got, where).not.toBe('body');
        }
      });

      it("matches the analyst's reading line for line", () => {
        expect(actual).toEqual(expected);
      });
    });
  }
});

describe('segmentText on the Sputnik sample footer', () => {
  const text = readFileSync(new URL('../../../resources/corpus/003_be10a6a8d7d9bc50.txt', import.meta.url), 'utf8');
  const segments = segmentText(text);
  const signature = 'Sputnik International feedback@sputniknews.com';

  it('folds the footer into one run: the thrice-printed signature is boilerplate, not metadata between folds', () => {
    // The reader folds each boilerplate range into one line (editor/SegmentsPlugin.tsx).
    const folds = segments.filter((s) => s.kind === 'boilerplate');
    expect(folds.length).toBeLessThanOrEqual(3);
    const lastBody = segments.findLastIndex((s) => s.kind === 'body');
    expect(segments.slice(lastBody + 1).map((s) => s.kind)).toEqual(['boilerplate']);
    const signatures = splitLines(text).filter((l) => text.slice(l.start, l.end).includes(signature));
    expect(signatures).toHaveLength(3);
    for (const line of signatures) expect(kindOfLine(segments, line)).toBe('boilerplate');
  });
});

describe('segmentText heuristics', () => {
  const article = (before: string[], middle: string[], after: string[], paragraphs = EN) =>
    [...before, '', paragraphs[0], '', ...middle, '', paragraphs[1], '', paragraphs[2], '', ...after].join('\n');

  it('takes the first headline-like line as the title, not a skip link, rubric or counter', () => {
    const ru = article(['Перейти к основному контенту', 'Политика,', '0', '', RU_TITLE], [], [], RU);
    expect(kindOf(ru, 'Перейти к основному контенту')).toBe('boilerplate');
    expect(kindOf(ru, 'Политика,')).toBe('boilerplate');
    expect(kindOf(ru, '0')).toBe('boilerplate');
    expect(kindOf(ru, RU_TITLE)).toBe('title');
    const en = article(['Skip to main content', 'Home News Politics Economy', EN_TITLE], [], []);
    expect(kindOf(en, 'Skip to main content')).toBe('boilerplate');
    expect(kindOf(en, 'Home News Politics Economy')).not.toBe('title');
    expect(kindOf(en, EN_TITLE)).toBe('title');
  });

  it('finds no title when the text opens with a paragraph', () => {
    expect(segmentText(article([], [], [])).some((s) => s.kind === 'title')).toBe(false);
  });

  it('marks the byline, date, time zone and views under the headline as metadata', () => {
    const en = article(
      [EN_TITLE, '', 'Jane Doe.', '10.09.2021 10:19', '  (Moscow time), Moscow', 'Views: 2852'],
      [],
      [],
    );
    for (const line of ['Jane Doe.', '10.09.2021 10:19', '(Moscow time), Moscow', 'Views: 2852']) {
      expect(kindOf(en, line), line).toBe('metadata');
    }
    const ru = article([RU_TITLE, 'Иван Петров', '24 января 2022, 10:15', 'Просмотров: 120'], [], [], RU);
    for (const line of ['Иван Петров', '24 января 2022, 10:15', 'Просмотров: 120']) {
      expect(kindOf(ru, line), line).toBe('metadata');
    }
    expect(kindOf(article([EN_TITLE, 'By Jane Doe'], [], []), 'By Jane Doe')).toBe('metadata');
    expect(kindOf(article([EN_TITLE, 'Jane Doe'], [], []), 'Jane Doe')).toBe('metadata');
    expect(kindOf(article([RU_TITLE, 'Автор: Иван Петров'], [], [], RU), 'Автор: Иван Петров')).toBe('metadata');
  });

  it('takes a name after the article as its signature but a name inside it as a subheading', () => {
    expect(kindOf(article([EN_TITLE], [], ['Zmitser Mitskevich,']), 'Zmitser Mitskevich,')).toBe('metadata');
    expect(kindOf(article([RU_TITLE], ['Анна Смирнова'], [], RU), 'Анна Смирнова')).toBe('body');
  });

  it('marks a URL header as metadata and captions, image URLs and photo credits as boilerplate', () => {
    const text = article(
      [' date 2022-02-16 https://example.com/2022/02/16/drills.html', '', EN_TITLE],
      ['Evgeny Mikhaylov https://img.example.com/a/b/1080390164_100x100.jpg', 'Фото: РИА Новости'],
      [],
    );
    expect(kindOf(text, 'date 2022-02-16 https://example.com/2022/02/16/drills.html')).toBe('metadata');
    expect(kindOf(text, EN_TITLE)).toBe('title');
    expect(kindOf(text, 'Evgeny Mikhaylov https://img.example.com/a/b/1080390164_100x100.jpg')).toBe('boilerplate');
    expect(kindOf(text, 'Фото: РИА Новости')).toBe('boilerplate');
  });

  it('marks tag lists as boilerplate', () => {
    const en = article([EN_TITLE, 'Byelorussia, Zen, NATO, Policy, Russia'], [], ['nato, belarus, russia']);
    expect(kindOf(en, 'Byelorussia, Zen, NATO, Policy, Russia')).toBe('boilerplate');
    expect(kindOf(en, 'nato, belarus, russia')).toBe('boilerplate');
    const ru = article([RU_TITLE], [], ['Теги', 'Белоруссия, НАТО, Политика, Минобороны'], RU);
    expect(kindOf(ru, 'Теги')).toBe('boilerplate');
    expect(kindOf(ru, 'Белоруссия, НАТО, Политика, Минобороны')).toBe('boilerplate');
  });

  it('marks calls to subscribe, share or report an error as boilerplate, even inside the article', () => {
    const en = article(
      [EN_TITLE],
      ['Subscribe to Example News at Telegram, YouTube, TikTok and Viber.'],
      ['If you find an error, please select a piece of text and press Ctrl + Enter.', 'Share on Facebook'],
    );
    expect(kindOf(en, 'Subscribe to Example News at Telegram, YouTube, TikTok and Viber.')).toBe('boilerplate');
    expect(kindOf(en, 'If you find an error, please select a piece of text and press Ctrl + Enter.')).toBe(
      'boilerplate',
    );
    expect(kindOf(en, 'Share on Facebook')).toBe('boilerplate');
    expect(kindOf(en, EN[1] as string)).toBe('body');
    const ru = article(
      [RU_TITLE],
      ['Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать главные новости дня.'],
      ['Нашли ошибку? Выделите её и нажмите Ctrl+Enter.'],
      RU,
    );
    expect(kindOf(ru, 'Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать главные новости дня.')).toBe(
      'boilerplate',
    );
    expect(kindOf(ru, 'Нашли ошибку? Выделите её и нажмите Ctrl+Enter.')).toBe('boilerplate');
  });

  it('marks a teaser that repeats the start of an earlier paragraph as boilerplate', () => {
    const enTeaser = 'The ministers met in Minsk on Tuesday to discuss the joint exercises that...';
    expect(kindOf(article([EN_TITLE], [enTeaser], []), enTeaser)).toBe('boilerplate');
    const ruTeaser = 'Министры обороны встретились в Минске, чтобы обсудить учения…';
    expect(kindOf(article([RU_TITLE], [ruTeaser], [], RU), ruTeaser)).toBe('boilerplate');
  });

  it('marks contact lines (e-mail, phone) and repeated signature lines as boilerplate', () => {
    const contact = 'Example Media feedback@example.com +74950000000';
    const signature = 'By Jane Doe, Example Media';
    const text = article([EN_TITLE, signature], [], [contact, 'Редакция: +7 (495) 123-45-67', contact, signature]);
    expect(kindOf(text, contact)).toBe('boilerplate');
    expect(kindOf(text, 'Редакция: +7 (495) 123-45-67')).toBe('boilerplate');
    // The byline under the headline is metadata; its second copy in the footer adds nothing.
    expect(kindOf(text, signature)).toBe('metadata');
    const last = splitLines(text).at(-1) as Line;
    expect(kindOfLine(segmentText(text), last)).toBe('boilerplate');
    expect(segmentText(text).map((s) => s.kind)).toEqual(['title', 'metadata', 'body', 'boilerplate']);
  });

  it('marks a second copy of the headline as boilerplate', () => {
    const text = article([EN_TITLE, '', EN_TITLE], [], []);
    expect(segmentText(text).map((s) => s.kind)).toEqual(['title', 'boilerplate', 'body']);
  });

  it('marks comment rules and comment forms as boilerplate but not a paragraph that mentions a comment', () => {
    const rules = [
      'Dear Readers, the rules for publishing comments are being tightened.',
      'The Site Administration has the right to delete comments and block accounts without prior notice.',
      'Leave a Reply',
      'Уважаемые читатели! Комментарии, нарушающие правила сайта, будут удалены без предупреждения.',
    ];
    const text = article([EN_TITLE], ['The ministry declined to comment on the report, the agency said.'], rules);
    for (const line of rules) expect(kindOf(text, line), line).toBe('boilerplate');
    expect(kindOf(text, 'The ministry declined to comment on the report, the agency said.')).toBe('body');
  });

  it('marks calendar grids, tickers and exchange-rate widgets as boilerplate', () => {
    const calendar = ['• May 2024', 'Mon Tues Wed Thurs Fri Sat Total', '12345', '6789101112', '13141516171819'];
    const ticker = [
      'Лента новостей',
      'Курс евро на 24 января',
      'EUR ЦБ: 89,06 (+0,27)',
      'Инвестиции, 23 янв, 17:13',
      'Мэр Белгорода сообщил о повреждении объектов инфраструктуры Политика, 24 янв, 23:55',
      'Officials say talks in Abu Dhabi went well World, 22:41',
    ];
    const text = article([RU_TITLE], [], [...calendar, ...ticker], RU);
    for (const line of [...calendar, ...ticker]) expect(kindOf(text, line), line).toBe('boilerplate');
  });

  it('marks related links, cookie notes, player errors, copyright and markup debris as boilerplate', () => {
    const lines = [
      'Читайте также:',
      'Лукашенко рассказал о планах на лето',
      'Read also: Belarus and NATO',
      'We use cookies to improve your experience on our website.',
      'Ошибка воспроизведения видео. Пожалуйста, обновите ваш браузер.',
      '© 2020, GDC. All rights reserved.',
      "/html/head/meta[@name='og:title']/@content",
      '1920 1080 true',
    ];
    const text = article([EN_TITLE], [], lines);
    for (const line of lines) expect(kindOf(text, line), line).toBe('boilerplate');
  });

  it('smooths by context: short lines between paragraphs or under the headline are body, at the edges boilerplate', () => {
    const text = article(['News', EN_TITLE], ['What happens next'], ['Thank you!', 'Now the editors are aware.']);
    expect(kindOf(text, 'News')).toBe('boilerplate');
    expect(kindOf(text, 'What happens next')).toBe('body');
    expect(kindOf(text, 'Thank you!')).toBe('boilerplate');
    expect(kindOf(text, 'Now the editors are aware.')).toBe('boilerplate');
    const lede = 'Minsk is ready to talk.';
    expect(kindOf(article([EN_TITLE, lede], [], []), lede)).toBe('body');
    const prose = 'Minsk has not commented on the plans, and the Kremlin has not said when they will start.';
    expect(kindOf(article([EN_TITLE, prose], [], []), prose)).toBe('body');
  });

  /** Checks a whole page given as [kind, line] pairs, one line each. */
  function expectPage(page: [Kind, string][]) {
    const text = page.map(([, line]) => line).join('\n');
    expect(page.map(([, line]) => [kindOf(text, line), line])).toEqual(page);
  }

  it('reads an agency page in Russian whose paragraphs are all short', () => {
    expectPage([
      ['boilerplate', 'Главная'],
      ['boilerplate', 'Политика'],
      ['boilerplate', 'В мире'],
      ['metadata', 'РИА Новости, 12.03.2023'],
      ['title', 'Лукашенко заявил о готовности Белоруссии разместить ядерное оружие'],
      [
        'body',
        'МИНСК, 12 мар — РИА Новости. Президент Белоруссии заявил, что республика готова разместить на своей территории ядерное оружие, если этого потребует ситуация.',
      ],
      ['body', '"Мы не собираемся ни на кого нападать. Но если нас вынудят, мы будем готовы", — сказал он.'],
      ['body', 'По словам Лукашенко, решение будет принято совместно с Москвой.'],
      [
        'body',
        'Ранее Кремль заявлял, что не видит необходимости в таких шагах, однако обсуждение вопроса продолжается в рамках Союзного государства.',
      ],
      ['boilerplate', 'Читайте также:'],
      ['boilerplate', 'Песков прокомментировал слова Лукашенко о ядерном оружии'],
      ['boilerplate', 'Подпишитесь на РИА Новости в Telegram'],
      ['boilerplate', '© 2023 МИА «Россия сегодня»'],
    ]);
  });

  it('reads a wire-service page in English with credits and related coverage', () => {
    expectPage([
      ['boilerplate', 'Menu'],
      ['boilerplate', 'World'],
      ['title', 'Belarus says NATO drills are a provocation'],
      ['metadata', 'By John Smith, Reuters'],
      ['metadata', 'Published March 12, 2023 at 10:15 AM EST'],
      ['metadata', 'Updated 2 hours ago'],
      [
        'body',
        'MINSK (Reuters) - Belarus on Sunday called NATO exercises near its border a provocation and said it would respond with drills of its own, raising tensions in a region already on edge.',
      ],
      ['body', '"We are forced to react," a spokesman said.'],
      [
        'body',
        'Western officials have dismissed the claims, saying the exercises were planned long in advance and are purely defensive in nature, and that they pose no threat to anyone in the region or beyond it.',
      ],
      ['metadata', 'Reporting by John Smith; Editing by Jane Roe'],
      ['boilerplate', 'Related Coverage'],
      ['boilerplate', 'Poland boosts border security amid Belarus tensions'],
    ]);
  });

  it('keeps a short text without any article paragraph readable', () => {
    const text = 'A note for the team\n\nCall me when you are back.';
    expect(segmentText(text).map((s) => s.kind)).toEqual(['title', 'body']);
  });

  it('keeps CRLF and leading spaces: ranges are whole lines of the text as given', () => {
    const text = article([`  ${EN_TITLE}`, 'Views: 12'], [], []).replaceAll('\n', '\r\n');
    const segments = segmentText(text);
    expect(segments.map((s) => s.kind)).toEqual(['title', 'metadata', 'body']);
    expect(text.slice(segments[0]?.start, segments[0]?.end)).toBe(`  ${EN_TITLE}`);
    const body = text.slice(text.indexOf(EN[0] as string), text.indexOf(EN[2] as string) + (EN[2] as string).length);
    expect(text.slice(segments[2]?.start, segments[2]?.end)).toBe(body);
    expect(body).toContain('\r\n\r\n');
    expect(coverageProblems(text, segments)).toEqual([]);
  });

  it('returns nothing for an empty or blank text', () => {
    expect(segmentText('')).toEqual([]);
    expect(segmentText(' \n\u00a0\r\n\t\r')).toEqual([]);
  });
});

describe('segmentText ranges', () => {
  const pieces = [
    '',
    ' ',
    '\u00a0',
    '\n',
    '\r\n',
    '\r',
    '\n\n',
    'a',
    'Views: 12',
    '10.09.2021 10:19',
    '...',
    '…',
    '😀',
    '🇧🇾',
    'Jane Doe.',
    'https://example.com/x.jpg',
    'Подписывайтесь на нас',
    'Today Belarus has difficult relations with the West',
    ...EN,
    ...RU,
  ];
  const texts = fc.oneof(
    fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join('')),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.array(fc.constantFrom(' ', '\t', '\n', '\r\n', '\r', '\u00a0'), { maxLength: 20 }).map((p) => p.join('')),
  );

  it('are sorted, disjoint, inside the text, made of whole lines and cover every non-blank line', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(coverageProblems(text, segmentText(text))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
