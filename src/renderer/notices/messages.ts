import { defineMessages } from '../i18n/language';

export const useNoticeMessages = defineMessages(
  { notices: 'Notifications', dismiss: 'Dismiss' },
  { notices: 'Уведомления', dismiss: 'Закрыть' },
);
