import type { Kept, OffsetUnit } from '../../../shared/formats/interchange';
import { defineMessages } from '../../i18n/language';

const unitsEn: Record<OffsetUnit, string> = { utf16: 'UTF-16 code units', codepoint: 'code points' };
const unitsRu: Record<OffsetUnit, string> = { utf16: 'кодовых единицах UTF-16', codepoint: 'кодовых точках' };

export const useExportMessages = defineMessages(
  {
    export: 'Export…',
    exporting: 'Exporting…',
    exported: (location: string) => `Exported to ${location}`,
    downloaded: (name: string) => `Exported to your browser's downloads: ${name}`,
    unchecked: (documents: string) =>
      `These documents' files could not be read, so their claims were exported as they were made, unchecked against the files now: ${documents}`,
    failed: (reason: string) => `Export failed: ${reason}`,
    title: 'Export annotations',
    format: 'Format',
    formatOption: (name: string, unit: OffsetUnit) => `${name} — offsets in ${unitsEn[unit]}`,
    scope: 'What to export',
    scopes: {
      corpus: 'Every claim in the corpus',
      documents: 'Claims in the documents chosen below',
      annotator: 'Only the claims of one annotator:',
    },
    documentChoice: 'Documents to export',
    annotatorChoice: 'Annotator',
    includeTexts: "Include the documents' texts (the file stands alone)",
    cancel: 'Cancel',
    allLayers: 'Every layer',
    kept: {
      annotator: 'who made each claim',
      attributes: 'speaker, stance, confidence and note',
      claims: 'the claims themselves (the codebook alone is written)',
      'other-tags':
        'tags outside the task’s technique and frame lists (written under their ids; reading the file skips them)',
      'claim-times': 'when each claim was made and changed',
      codebook: 'the codebook and version of each claim',
      'document-framing': 'document framing',
      origin: 'how each claim was made (coded from a search, accepted as a suggestion)',
    } satisfies Record<Kept, string>,
    leavesOut: (what: readonly string[]) => `This format cannot hold ${what.join('; ')}: left out of the file.`,
    submit: 'Export',
  },
  {
    export: 'Экспорт…',
    exporting: 'Экспортируется…',
    exported: (location: string) => `Сохранено: ${location}`,
    downloaded: (name: string) => `Сохранено в загрузки браузера: ${name}`,
    unchecked: (documents: string) =>
      `Файлы этих документов прочитать не удалось, их утверждения экспортированы как были сделаны, без сверки с нынешними файлами: ${documents}`,
    failed: (reason: string) => `Экспорт не удался: ${reason}`,
    title: 'Экспорт разметки',
    format: 'Формат',
    formatOption: (name: string, unit: OffsetUnit) => `${name} — смещения в ${unitsRu[unit]}`,
    scope: 'Что экспортировать',
    scopes: {
      corpus: 'Все утверждения корпуса',
      documents: 'Утверждения в документах, выбранных ниже',
      annotator: 'Только утверждения одного аннотатора:',
    },
    documentChoice: 'Документы для экспорта',
    annotatorChoice: 'Аннотатор',
    includeTexts: 'Включить тексты документов (файл будет самодостаточным)',
    cancel: 'Отмена',
    allLayers: 'Все слои',
    kept: {
      annotator: 'кто сделал каждое утверждение',
      attributes: 'источник, позицию, уверенность и заметку',
      claims: 'сами утверждения (записывается только кодовая книга)',
      'other-tags':
        'метки вне списков техник и фреймов задачи (записываются под своими идентификаторами; при чтении файла пропускаются)',
      'claim-times': 'когда каждое утверждение сделано и изменено',
      codebook: 'кодовую книгу и версию каждого утверждения',
      'document-framing': 'фрейм документа',
      origin: 'как сделано каждое утверждение (поиск, подсказка)',
    } satisfies Record<Kept, string>,
    leavesOut: (what: readonly string[]) => `Этот формат не может хранить ${what.join('; ')}: в файл это не попадёт.`,
    submit: 'Экспортировать',
  },
);
