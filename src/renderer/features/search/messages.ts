import { defineMessages } from '../../i18n/language';
import { count, plural } from '../../i18n/plural';

export const useSearchMessages = defineMessages(
  {
    concordance: 'Concordance',
    title: (corpus: string) => `Search ${corpus}`,
    query: 'Search every document',
    queryHint: 'санкции, "расширение НАТО", расшир*, Москва OR Кремль',
    regex: 'Regular expression',
    bodyOnly: 'Body only (not titles or boilerplate)',
    syntax:
      'Words find their inflections (санкции: санкций, санкциями; sanction: sanctioned). "Quoted words" only these forms, * any letters, OR either side. Case does not matter.',
    searching: 'Searching…',
    summary: (hits: number, documents: number, of: number) =>
      `${hits.toLocaleString('en')} ${hits === 1 ? 'hit' : 'hits'} in ${documents.toLocaleString('en')} of ${of.toLocaleString('en')} ${of === 1 ? 'document' : 'documents'}`,
    cut: (shown: number) => `Showing the first ${shown.toLocaleString('en')}; narrow the query to see the others.`,
    noHits: 'Nothing in the corpus matches.',
    hitsIn: (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'hit' : 'hits'}`,
    open: (title: string) => `Open in ${title}, with the hit selected`,
    coded: 'Already in a claim:',
    failed: (reason: string) => `The search failed: ${reason}`,
    order: 'List hits',
    orders: {
      document: 'by document',
      date: 'by date of the document',
      source: 'by source',
      left: 'by the words to the left',
      right: 'by the words to the right',
    },
    select: 'Select this hit to code it',
    selectAll: 'Select all',
    selectNone: 'Select none',
    selected: (n: number, of: number) => `${n.toLocaleString('en')} of ${of.toLocaleString('en')} selected`,
    codeHits: 'Code the selected hits',
    code: 'Code',
    extents: { hit: 'the hit', sentence: 'its sentence', paragraph: 'its paragraph' },
    as: 'as',
    previewCoding: (n: number) => `Preview ${n.toLocaleString('en')} ${n === 1 ? 'hit' : 'hits'}…`,
    planning: 'Reading the documents…',
    preview: 'What coding will make',
    willMake: (claims: number, tag: string, covered: number, moved: number) =>
      [
        `${claims.toLocaleString('en')} ${claims === 1 ? 'claim' : 'claims'} tagged ${tag} will be made.`,
        covered > 0 &&
          `${covered.toLocaleString('en')} ${covered === 1 ? 'hit is' : 'hits are'} skipped: a claim with this tag covers ${covered === 1 ? 'it' : 'them'} already, or will for another hit.`,
        moved > 0 &&
          `${moved.toLocaleString('en')} ${moved === 1 ? 'hit is' : 'hits are'} skipped: the text is no longer where it was found (the file changed, or is read with another encoding).`,
      ]
        .filter(Boolean)
        .join(' '),
    andMore: (n: number) => `and ${n.toLocaleString('en')} more`,
    makeClaims: (n: number) => `Make ${n.toLocaleString('en')} ${n === 1 ? 'claim' : 'claims'}`,
    cancel: 'Cancel',
    made: (n: number, tag: string, documents: number) =>
      `Made ${n.toLocaleString('en')} ${n === 1 ? 'claim' : 'claims'} tagged ${tag} in ${documents.toLocaleString('en')} ${documents === 1 ? 'document' : 'documents'}.`,
    tookBack: (n: number) => `Took back ${n.toLocaleString('en')} ${n === 1 ? 'claim' : 'claims'}.`,
    undo: 'Undo',
    redo: 'Redo',
    codingFailed: (reason: string) => `Nothing was coded: ${reason}`,
  },
  {
    concordance: 'Конкорданс',
    title: (corpus: string) => `Поиск по ${corpus}`,
    query: 'Искать во всех документах',
    queryHint: 'санкции, "расширение НАТО", расшир*, Москва OR Кремль',
    regex: 'Регулярное выражение',
    bodyOnly: 'Только текст статьи (без заголовков и служебных строк)',
    syntax:
      'Слова находятся во всех формах (санкции: санкций, санкциями; sanction: sanctioned). "Слова в кавычках" — только в этих формах, * — любые буквы, OR — любое из двух. Регистр не важен.',
    searching: 'Идёт поиск…',
    summary: (hits: number, documents: number, of: number) =>
      `${count(hits, 'вхождение', 'вхождения', 'вхождений')} в ${documents.toLocaleString('ru')} из ${of.toLocaleString('ru')} ${plural(of, 'документа', 'документов', 'документов')}`,
    cut: (shown: number) => `Показаны первые ${shown.toLocaleString('ru')}; уточните запрос, чтобы увидеть остальные.`,
    noHits: 'В корпусе ничего не найдено.',
    hitsIn: (n: number) => count(n, 'вхождение', 'вхождения', 'вхождений'),
    open: (title: string) => `Открыть «${title}» с выделенным вхождением`,
    coded: 'Уже в утверждении:',
    failed: (reason: string) => `Поиск не удался: ${reason}`,
    order: 'Порядок',
    orders: {
      document: 'по документам',
      date: 'по дате документа',
      source: 'по изданиям',
      left: 'по словам слева',
      right: 'по словам справа',
    },
    select: 'Выбрать вхождение для разметки',
    selectAll: 'Выбрать все',
    selectNone: 'Снять выбор',
    selected: (n: number, of: number) => `Выбрано ${n.toLocaleString('ru')} из ${of.toLocaleString('ru')}`,
    codeHits: 'Разметить выбранные вхождения',
    code: 'Разметить',
    extents: { hit: 'само вхождение', sentence: 'его предложение', paragraph: 'его абзац' },
    as: 'как',
    previewCoding: (n: number) => `Просмотреть: ${count(n, 'вхождение', 'вхождения', 'вхождений')}…`,
    planning: 'Чтение документов…',
    preview: 'Что будет размечено',
    willMake: (claims: number, tag: string, covered: number, moved: number) =>
      [
        `Будет создано: ${count(claims, 'утверждение', 'утверждения', 'утверждений')} с меткой «${tag}».`,
        covered > 0 &&
          `Пропущено ${count(covered, 'вхождение', 'вхождения', 'вхождений')}: их уже покрывает утверждение с этой меткой (или покроет — созданное для другого вхождения).`,
        moved > 0 &&
          `Пропущено ${count(moved, 'вхождение', 'вхождения', 'вхождений')}: текст уже не там, где был найден (файл изменился или читается в другой кодировке).`,
      ]
        .filter(Boolean)
        .join(' '),
    andMore: (n: number) => `и ещё ${n.toLocaleString('ru')}`,
    makeClaims: (n: number) => `Создать ${count(n, 'утверждение', 'утверждения', 'утверждений')}`,
    cancel: 'Отмена',
    made: (n: number, tag: string, documents: number) =>
      `Создано ${count(n, 'утверждение', 'утверждения', 'утверждений')} с меткой «${tag}» в ${documents.toLocaleString('ru')} ${plural(documents, 'документе', 'документах', 'документах')}.`,
    tookBack: (n: number) => `Отменено: ${count(n, 'утверждение', 'утверждения', 'утверждений')}.`,
    undo: 'Отменить',
    redo: 'Вернуть',
    codingFailed: (reason: string) => `Ничего не размечено: ${reason}`,
  },
);
