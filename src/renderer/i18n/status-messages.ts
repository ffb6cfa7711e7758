import type { DocumentStatus } from '../db/document-states';
import { defineMessages } from './language';

/** The names of the document statuses, for the corpus list's filter and the reader's status choice. */
export const useStatusLabels = defineMessages<Record<DocumentStatus, string>>(
  { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' },
  { 'not-started': 'Не начат', 'in-progress': 'В работе', done: 'Готов' },
);
