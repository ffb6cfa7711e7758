import { defineMessages } from '../../i18n/language';

export const useAnnotatorMessages = defineMessages(
  {
    title: 'Who is annotating?',
    why: 'Your name is stored on this computer and recorded on every claim you make, so that a team can compare work.',
    name: 'Your name',
    empty: 'Please enter a name.',
    failed: (reason: string) => `Could not save your name: ${reason}`,
    start: 'Start annotating',
  },
  {
    title: 'Кто размечает?',
    why: 'Имя хранится на этом компьютере и записывается в каждое ваше утверждение, чтобы команда могла сравнивать работу.',
    name: 'Ваше имя',
    empty: 'Введите имя.',
    failed: (reason: string) => `Имя не сохранено: ${reason}`,
    start: 'Начать разметку',
  },
);
