import { defineMessages } from '../../i18n/language';
import { plural } from '../../i18n/plural';

export const useReaderMessages = defineMessages(
  {
    reader: 'Reader',
    documentText: 'Document text',
    characters: (n: string) => `${n} characters`,
    encoding: 'Encoding',
    claims: (n: number) => (n === 1 ? '1 claim' : `${n} claims`),
    status: 'Status',
    documentStatus: 'Document status',
    showBoilerplate: (n: number) => `Show boilerplate (${n} ${n === 1 ? 'part' : 'parts'})`,
    foldBoilerplate: 'Fold boilerplate',
    foldedLine: (n: number) => `⋯ boilerplate folded (${n} ${n === 1 ? 'line' : 'lines'}), click to show`,
    openedLine: (n: number) => `⋯ boilerplate (${n} ${n === 1 ? 'line' : 'lines'}), click to fold`,
  },
  {
    reader: 'Текст',
    documentText: 'Текст документа',
    characters: (n: string) => `символов: ${n}`,
    encoding: 'Кодировка',
    claims: (n: number) => `${n} ${plural(n, 'утверждение', 'утверждения', 'утверждений')}`,
    status: 'Статус',
    documentStatus: 'Статус документа',
    showBoilerplate: (n: number) => `Показать служебный текст (${n} ${plural(n, 'часть', 'части', 'частей')})`,
    foldBoilerplate: 'Свернуть служебный текст',
    foldedLine: (n: number) =>
      `⋯ служебный текст свёрнут (${n} ${plural(n, 'строка', 'строки', 'строк')}), нажмите, чтобы показать`,
    openedLine: (n: number) =>
      `⋯ служебный текст (${n} ${plural(n, 'строка', 'строки', 'строк')}), нажмите, чтобы свернуть`,
  },
);
