import { defineMessages } from '../../i18n/language';
import { count, plural } from '../../i18n/plural';

export const useSuggestionMessages = defineMessages(
  {
    suggestions: 'Suggestions',
    on: 'Suggest what I tagged elsewhere',
    inDocument: (n: number) => `${n.toLocaleString('en')} in this document`,
    list: 'Suggestions in this document',
    none: 'Nothing to suggest here. Text you tag is suggested wherever else it occurs.',
    underCursor: 'Under the cursor',
    score: (percent: number) => `${percent} % of its claims have this tag`,
    fromGazetteer: 'from the gazetteer',
    accept: 'Accept',
    reject: 'Reject',
    acceptAll: (n: number) => `Accept all ${n.toLocaleString('en')} (each with its surest tag)`,
    keys: '] / [ next / previous, = accept, - reject',
    go: (quote: string) => `Go to “${quote}”`,
    gazetteer: 'Gazetteer',
    gazetteerSize: (n: number) =>
      n === 0 ? 'None imported.' : `${n.toLocaleString('en')} ${n === 1 ? 'entry' : 'entries'} imported.`,
    gazetteerHelp:
      'A .tsv of text, a tab and a tag on each line (as INCEpTION writes it), or a plain list of one tag’s texts.',
    listTag: 'Tag of a plain list',
    noListTag: '(the file names the tags)',
    importGazetteer: 'Import…',
    gazetteerFile: 'Gazetteer file to import',
    exportGazetteer: 'Export what was learned',
    removeGazetteer: 'Remove the gazetteer',
    imported: (n: number, file: string) =>
      `${n.toLocaleString('en')} ${n === 1 ? 'entry' : 'entries'} imported from ${file}.`,
    notImported: (file: string, problems: string) => `${file} was not imported: ${problems}`,
    exported: (location: string) => `Saved to ${location}`,
    failed: (reason: string) => `Could not save: ${reason}`,
  },
  {
    suggestions: 'Подсказки',
    on: 'Подсказывать то, что я уже отметил в других местах',
    inDocument: (n: number) => `В этом документе: ${n.toLocaleString('ru')}`,
    list: 'Подсказки в этом документе',
    none: 'Здесь подсказать нечего. Отмеченный вами текст подсказывается везде, где он встречается.',
    underCursor: 'Под курсором',
    score: (percent: number) => `эту метку несут ${percent} % его утверждений`,
    fromGazetteer: 'из словаря',
    accept: 'Принять',
    reject: 'Отклонить',
    acceptAll: (n: number) => `Принять все: ${n.toLocaleString('ru')} (каждую с самой вероятной меткой)`,
    keys: '] / [ следующая / предыдущая, = принять, - отклонить',
    go: (quote: string) => `Перейти к «${quote}»`,
    gazetteer: 'Словарь',
    gazetteerSize: (n: number) =>
      n === 0 ? 'Не импортирован.' : `Импортировано: ${count(n, 'запись', 'записи', 'записей')}.`,
    gazetteerHelp:
      'Файл .tsv: в каждой строке текст, табуляция и метка (как пишет INCEpTION), или простой список текстов одной метки.',
    listTag: 'Метка простого списка',
    noListTag: '(метки указаны в файле)',
    importGazetteer: 'Импорт…',
    gazetteerFile: 'Файл словаря для импорта',
    exportGazetteer: 'Экспорт выученного',
    removeGazetteer: 'Удалить словарь',
    imported: (n: number, file: string) =>
      `Из ${file} ${plural(n, 'импортирована', 'импортированы', 'импортировано')} ${count(n, 'запись', 'записи', 'записей')}.`,
    notImported: (file: string, problems: string) => `${file} не импортирован: ${problems}`,
    exported: (location: string) => `Сохранено: ${location}`,
    failed: (reason: string) => `Не удалось сохранить: ${reason}`,
  },
);
