import { useCallback } from 'react';
import { type Language, useLanguage } from './language';

type Rule = [pattern: RegExp, russian: (...parts: string[]) => string];

/**
 * The Russian of the reasons and problems src/shared words in English (it is platform- and
 * language-free, and the CLI speaks English). They are worded at display, not where they arise:
 * an orphan's reason is stored with it, and reads in the language of whoever opens it.
 */
const RULES: readonly Rule[] = [
  [/^the document changed and (.+)$/s, (rest) => `документ изменился, и ${toRussian(rest)}`],
  [/^the position is not in this text$/, () => 'этой позиции в тексте нет'],
  [/^no position and no quote$/, () => 'нет ни позиции, ни цитаты'],
  [/^the quote is not in this text$/, () => 'этой цитаты в тексте нет'],
  [/^the quote is not in this text, even approximately$/, () => 'этой цитаты в тексте нет, даже приблизительно'],
  [
    /^the approximate search gave up (.+): the time allowed for it ran out$/,
    (progress) => `приблизительный поиск остановлен ${toRussian(progress)}: отведённое на него время истекло`,
  ],
  [
    /^the approximate search gave up (.+): the work allowed per claim was used up$/,
    (progress) => `приблизительный поиск остановлен ${toRussian(progress)}: объём работы на одно утверждение исчерпан`,
  ],
  [/^after ([\d,]+) of ([\d,]+) characters$/, (done, all) => `после ${done} из ${all} символов`],
  [/^after scoring ([\d,]+) of ([\d,]+) places$/, (done, all) => `после оценки ${done} из ${all} мест`],
  [/^no document "(.+)" in this corpus$/s, (id) => `в этом корпусе нет документа «${id}»`],
  [/^a claim without any tag cannot be imported$/, () => 'утверждение без меток импортировать нельзя'],
  [
    /^the id (\S+) is already used by another claim of this file \((.+)\); this one was not imported$/s,
    (id, other) => `идентификатор ${id} уже занят другим утверждением этого файла (${other}); это не импортировано`,
  ],
  [
    /^the claim with id (\S+) in the database \(by (.+), changed (\S+)\) differs and is not older; it was kept and this one not imported$/s,
    (id, who, when) =>
      `утверждение ${id} в базе (автор ${who}, изменено ${when}) отличается и не старее: оно сохранено, а это не импортировано`,
  ],
  [/^not a format Framing Workbench can import$/, () => 'Framing Workbench не умеет импортировать этот формат'],
  [
    /^the import was cancelled: nothing of this file was stored$/,
    () => 'импорт отменён: из этого файла ничего не сохранено',
  ],
  [
    /^(\d+) deletion\(s\) recorded in the file were not applied: merging deletions comes with team review$/,
    (n) => `удаления из файла не применены (${n}): их слияние появится вместе с командной проверкой`,
  ],
  [/^document label for "(.+)": not in this corpus$/s, (id) => `метка документа «${id}»: его нет в этом корпусе`],
  [
    /^(.+)'s document label for "(.+)" differs from the one in the database, which was kept$/s,
    (who, id) => `метка документа «${id}» от ${who} отличается от метки в базе; сохранена метка из базы`,
  ],
];

function toRussian(text: string): string {
  for (const [pattern, russian] of RULES) {
    const match = pattern.exec(text);
    if (match) return russian(...match.slice(1));
  }
  return text;
}

/** A reason or problem from src/shared, in the given interface language. */
export const sharedText = (text: string, language: Language): string => (language === 'ru' ? toRussian(text) : text);

/** sharedText in the interface's language now. */
export function useSharedText(): (text: string) => string {
  const language = useLanguage();
  return useCallback((text: string) => sharedText(text, language), [language]);
}
