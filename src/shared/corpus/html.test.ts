import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractHtml } from './html';

const NEWS_PAGE = `<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <title>Россия и Белоруссия договорились согласовывать взаимодействие с НАТО — Новости</title>
  <meta property="og:title" content="Россия и Белоруссия договорились согласовывать взаимодействие с НАТО">
  <meta property="og:url" content="https://example.ru/news/2021/11/nato?utm=og">
  <meta property="og:site_name" content="Пример &amp; Ко">
  <meta property="og:description" content="Лавров и Макей обсудили НАТО.">
  <meta property="article:published_time" content="2021-11-23T14:05:00+03:00">
  <meta name="author" content="Иван Петров">
  <link rel="canonical" href="https://example.ru/news/2021/11/nato">
  <style>body { font: 16px serif } p::before { content: "<p>hidden</p>" }</style>
  <script>window.dataLayer = []; document.write("<p>alert(1)</p>");</script>
</head>
<body>
  <a class="skip" href="#main">Перейти к основному контенту</a>
  <header>
    <nav>
      <ul class="menu">
        <li><a href="/">Главная</a></li>
        <li><a href="/politics">Политика</a></li>
        <li><a href="javascript:alert(1)">Экономика</a></li>
      </ul>
    </nav>
  </header>
  <main id="main">
    <article>
      <h1>Россия и Белоруссия договорились согласовывать
          взаимодействие с&nbsp;НАТО</h1>
      <p class="byline">Иван Петров, <time datetime="2021-11-23">23 ноября 2021</time></p>
      <p>Россия и Белоруссия будут координировать действия при выстраивании отношений с НАТО.
         Об этом заявил глава МИД России <b>Сергей Лавров</b>, передает «Интерфакс».</p>
      <img src=x onerror="alert(1)">
      <blockquote><p>Действия НАТО &laquo;дестабилизируют&raquo; ситуацию &mdash; заявил министр.</p></blockquote>
      <figure>
        <img src="lavrov.jpg" alt="Сергей Лавров">
        <figcaption>Сергей Лавров. Фото:&nbsp;ТАСС</figcaption>
      </figure>
      <p>Tom &amp; Jerry &lt;3 &amp;lt;escaped&amp;gt; &#8212; &#x41;BC &copy; 2021</p>
      <script>alert("inline")</script>
      <div class="share" aria-hidden="true">Поделиться</div>
    </article>
    <aside>
      <h2>Читайте также</h2>
      <ul>
        <li><a href="/a">Лукашенко и Путин обсудили интеграцию</a></li>
        <li><a href="/b">Учения ОДКБ начнутся в октябре</a></li>
      </ul>
    </aside>
  </main>
  <footer><p>© 2021 Пример. Все права защищены.</p></footer>
  <div id="cookies" class="cookie-banner">
    Мы используем cookies. <button onclick="accept()">Принять</button>
  </div>
  <div hidden><p>Подписка на рассылку</p></div>
  <noscript><img src="pixel.gif"><p>Включите JavaScript</p></noscript>
  <template><p>Шаблон</p></template>
  <svg viewBox="0 0 10 10"><title>иконка</title><text>SVG text</text></svg>
  <iframe src="https://ads.example"><p>реклама</p></iframe>
</body>
</html>`;

describe('extractHtml: a news page', () => {
  const page = extractHtml(NEWS_PAGE);

  it('keeps the visible text, blocks separated by blank lines, list items by newlines', () => {
    expect(page.text).toBe(
      [
        'Перейти к основному контенту',
        '',
        'Главная\nПолитика\nЭкономика',
        '',
        'Россия и Белоруссия договорились согласовывать взаимодействие с\u00a0НАТО',
        '',
        'Иван Петров, 23 ноября 2021',
        '',
        'Россия и Белоруссия будут координировать действия при выстраивании отношений с НАТО. Об этом заявил ' +
          'глава МИД России Сергей Лавров, передает «Интерфакс».',
        '',
        'Действия НАТО «дестабилизируют» ситуацию — заявил министр.',
        '',
        'Сергей Лавров. Фото:\u00a0ТАСС',
        '',
        'Tom & Jerry <3 &lt;escaped&gt; — ABC © 2021',
        '',
        'Читайте также',
        '',
        'Лукашенко и Путин обсудили интеграцию\nУчения ОДКБ начнутся в октябре',
        '',
        '© 2021 Пример. Все права защищены.',
        '',
        'Мы используем cookies. Принять',
      ].join('\n'),
    );
  });

  it('never lets code, attribute values or hidden content into the text', () => {
    for (const absent of ['<script', 'alert(', 'dataLayer', 'font:', 'onerror', 'javascript:', 'lavrov.jpg']) {
      expect(page.text).not.toContain(absent);
    }
    for (const hidden of ['Поделиться', 'Подписка', 'Включите JavaScript', 'Шаблон', 'иконка', 'SVG text', 'реклама']) {
      expect(page.text).not.toContain(hidden);
    }
  });

  it('reads the metadata', () => {
    expect(page).toMatchObject({
      title: 'Россия и Белоруссия договорились согласовывать взаимодействие с НАТО',
      url: 'https://example.ru/news/2021/11/nato',
      date: '2021-11-23',
      author: 'Иван Петров',
      site: 'Пример & Ко',
      description: 'Лавров и Макей обсудили НАТО.',
      language: 'ru',
    });
  });
});

describe('extractHtml: layout', () => {
  it('collapses inline whitespace, joins inline elements without inventing spaces', () => {
    expect(extractHtml('<p>  Один \n\t два  <span> три </span>четыре<b>пят</b>ь\r\n</p>').text).toBe(
      'Один два три четырепять',
    );
  });

  it('keeps <pre> text as written, minus the newline that follows <pre>', () => {
    const html = '<p>Код:</p><pre>\n  if (a &lt; b) {\r\n\treturn;\n  }\n</pre><p>После   кода</p>';
    expect(extractHtml(html).text).toBe('Код:\n\n  if (a < b) {\r\n\treturn;\n  }\n\nПосле кода');
  });

  it('ends a line at each <br>, so two leave a blank line, and ignores one at the start', () => {
    expect(extractHtml('<br><p>Строка 1<br>Строка 2<br/><br>Строка 3<br></p><p>Дальше</p>').text).toBe(
      'Строка 1\nСтрока 2\n\nСтрока 3\n\nДальше',
    );
  });

  it('puts nested list items on their own lines, without blank lines inside the list', () => {
    const html =
      '<ul><li>Один<ul><li>Один.1</li><li>Один.2<ol><li><p>Глубоко</p></li></ol></li></ul></li>' +
      '<li><div>Два</div></li></ul><p>После</p><dl><dt>Термин</dt><dd>Определение</dd></dl>';
    expect(extractHtml(html).text).toBe('Один\nОдин.1\nОдин.2\nГлубоко\nДва\n\nПосле\n\nТермин\nОпределение');
  });

  it('puts table rows on lines and separates cells with a tab', () => {
    const html = '<table><tr><th>Валюта</th><th>Курс</th></tr><tr><td>USD</td><td></td><td>75,92</td></tr></table>';
    expect(extractHtml(html).text).toBe('Валюта\tКурс\nUSD\t75,92');
  });

  it('keeps a no-break space inside a line but drops spacer paragraphs made of it', () => {
    expect(extractHtml('<p>&nbsp;</p><p>5&nbsp;000&nbsp;&nbsp;рублей</p><p> &nbsp; </p><p>конец</p>').text).toBe(
      '5\u00a0000\u00a0\u00a0рублей\n\nконец',
    );
  });

  it('decodes entities once', () => {
    expect(
      extractHtml('<p>&amp;lt; &lt;b&gt; &quot;q&quot; &#1056;&#x443;&#1089; &laquo;&raquo; &amp;amp;</p>').text,
    ).toBe('&lt; <b> "q" Рус «» &amp;');
  });

  it('skips content hidden by the hidden attribute, aria-hidden or an inline display:none', () => {
    const html =
      '<p>видно</p><div hidden>a</div><p aria-hidden="TRUE">b</p><span style="display: none">c</span>' +
      '<p style="color:red; visibility:hidden">d</p><p aria-hidden="false">тоже видно</p>';
    expect(extractHtml(html).text).toBe('видно\n\nтоже видно');
  });
});

describe('extractHtml: bad input', () => {
  it('copes with unclosed tags and stray end tags', () => {
    const html = '</div><div><p>один<p>два</div></div></span><b>жирный<ul><li>три<li>четыре</ul><p>пять';
    expect(extractHtml(html).text).toBe('один\n\nдва\n\nжирный\n\nтри\nчетыре\n\nпять');
  });

  it('keeps an unclosed script or comment out of the text', () => {
    expect(extractHtml('<p>до</p><script>alert(1); </p><p>after').text).toBe('до');
    expect(extractHtml('<p>до</p><!-- <p>комментарий</p>').text).toBe('до');
    expect(extractHtml('<ul><li>до<div hidden class="x').text).toBe('до');
  });

  it('returns an empty text for an empty or invisible document', () => {
    expect(extractHtml('')).toEqual({ text: '' });
    expect(extractHtml(' \n\t ')).toEqual({ text: '' });
    expect(extractHtml('<html><head><script>x()</script></head><body> <br> <p> </p></body></html>')).toEqual({
      text: '',
    });
  });

  it('survives 100,000 nested <div>s, closed or not, without a stack overflow', () => {
    const depth = 100_000;
    expect(extractHtml(`${'<div>'.repeat(depth)}глубоко${'</div>'.repeat(depth)}после`).text).toBe('глубоко\n\nпосле');
    expect(extractHtml(`${'<div><span>'.repeat(depth / 2)}незакрыто`).text).toBe('незакрыто');
  });

  it('reads 20 MB of nested <div>s in linear time', { timeout: 60_000 }, () => {
    expect(extractHtml(`${'<div>'.repeat(4_000_000)}дно`).text).toBe('дно');
  });

  it('keeps hidden content and code out of the text past the depth where the parser restarts', () => {
    const deep = (inner: string) => `${'<div>'.repeat(1000)}${inner}${'</div>'.repeat(1000)}`;
    const hidden = extractHtml(`<p>до</p><div hidden>${deep('секрет')}</div><p>после</p>`).text;
    expect(hidden).toBe('до'); // what follows deep hidden markup cannot be placed outside it
    const code = extractHtml(`<p>до</p>${deep('<script>alert(1)</script><style>p{}</style><p>текст</p>')}после`);
    expect(code.text).toBe('до\n\nтекст\n\nпосле');
  });

  it('reads a 20 MB page in one pass', { timeout: 120_000 }, () => {
    const chunk =
      '<div class="x"><p>Россия &amp; <a href="/x">НАТО</a><script>var a = "<p>";</script> текст</p></div>\n';
    const html = `<html><body>${chunk.repeat(Math.ceil(20e6 / chunk.length))}</body></html>`;
    const { text } = extractHtml(html);
    expect(text.startsWith('Россия & НАТО текст\n\nРоссия & НАТО текст\n\n')).toBe(true);
    expect(text.length).toBe(Math.ceil(20e6 / chunk.length) * 'Россия & НАТО текст\n\n'.length - 2);
  });

  it('never lets script code or event handlers through, whatever the tag soup', () => {
    const fragment = fc.constantFrom(
      '<script>alert(1)</script>',
      '<script type="module">import("x"); alert(2)',
      '<img src=x onerror="alert(3)">',
      '<a href="javascript:alert(4)">ссылка</a>',
      '<svg onload="alert(5)"><script>alert(6)</script></svg>',
      '<style>p{}</style>',
      '<iframe srcdoc="<script>alert(7)</script>">',
      '<noscript><p>alert(8)</p></noscript>',
      '<div>',
      '</div>',
      '<p>',
      '</p>',
      '<pre>',
      '</pre>',
      '<li>',
      '<br>',
      '<!--',
      '-->',
      'текст ',
      '&amp;',
      '&lt;',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (fragments) => {
        const { text } = extractHtml(fragments.join(''));
        expect(text).not.toContain('alert(');
        expect(text).not.toMatch(/<script/i);
        expect(text).toBe(text.trim());
      }),
      { numRuns: 500 },
    );
  });
});

describe('extractHtml: metadata', () => {
  const head = (tags: string) => extractHtml(`<html><head>${tags}</head><body><p>Текст</p></body></html>`);

  it('falls back to <title>, og:url and the meta description, and ignores an svg <title>', () => {
    const page = extractHtml(
      '<html lang="en-GB"><head><meta name="og:url" content="https://example.com/a">' +
        '<meta name="description" content="Short &amp; sweet"></head><body><svg><title>Icon</title></svg>' +
        '<title>\n  Belarus   &amp; NATO\n</title><p>Body</p></body></html>',
    );
    expect(page).toEqual({
      text: 'Body',
      title: 'Belarus & NATO',
      url: 'https://example.com/a',
      description: 'Short & sweet',
      language: 'en-GB',
    });
  });

  it('names a known outlet from the canonical URL when the page has no og:site_name', () => {
    expect(head('<link rel="canonical" href="https://www.rbc.ru/politics/24/01/2022/61ee">').site).toBe('РБК');
    expect(head('<meta property="og:url" content="https://sputniknews.com/20220216/x.html">').site).toBe('Sputnik');
    expect(
      head('<meta property="og:site_name" content="RBC"><meta property="og:url" content="https://rbc.ru/a">').site,
    ).toBe('RBC');
    expect(head('<link rel="canonical" href="https://example.com/a">').site).toBeUndefined();
  });

  it('prefers article:published_time, then a <time> in the article, then any <time>', () => {
    const times = '<header><time datetime="2024-01-01">today</time></header><article><time datetime="2021-09-10">';
    expect(head('<meta property="article:published_time" content="2020-05-06">').date).toBe('2020-05-06');
    expect(extractHtml(`${times}10 Sep</time></article>`).date).toBe('2021-09-10');
    expect(extractHtml('<header><time datetime="2024-01-01">today</time></header>').date).toBe('2024-01-01');
  });

  it.each([
    ['2022-02-16T09:32+0000', '2022-02-16'],
    ['2021-09-10T00:30:00+03:00', '2021-09-10'],
    ['2021-9-1', '2021-09-01'],
    ['10.09.2021 10:19', '2021-09-10'],
    ['Fri, 10 Sep 2021 10:19:00 GMT', '2021-09-10'],
    ['September 10, 2021', '2021-09-10'],
    ['2021-02-31', '2021-02-31'],
    ['2021-09-101', '2021-09-101'],
    ['вчера', 'вчера'],
  ])('normalises the date %s to %s', (value, expected) => {
    expect(head(`<meta property="article:published_time" content="${value}">`).date).toBe(expected);
  });

  it('takes a canonical link among other rel tokens, and the first of repeated values', () => {
    const page = head(
      '<link rel="alternate" href="https://example.com/amp"><link rel="Canonical nofollow" href="https://example.com/c">' +
        '<meta name="author" content="First"><meta name="author" content="Second">',
    );
    expect(page).toMatchObject({ url: 'https://example.com/c', author: 'First' });
  });
});
