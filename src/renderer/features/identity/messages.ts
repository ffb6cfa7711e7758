import { defineMessages } from '../../i18n/language';

export const useAnnotatorMessages = defineMessages(
  {
    title: 'Who is annotating?',
    why: 'Your name is stored on this computer and recorded on every claim you make, so that a team can compare work.',
    name: 'Your name',
    empty: 'Please enter a name.',
    failed: (reason: string) => `Could not save your name: ${reason}`,
    start: 'Start annotating',
    changeTitle: 'Your name',
    changeWhy: 'Recorded on the claims you make from now on. Claims you made before keep the name they were made with.',
    save: 'Save',
    cancel: 'Cancel',
    change: (name: string) => `Annotator: ${name} (change)`,
  },
  {
    title: 'Кто размечает?',
    why: 'Имя хранится на этом компьютере и записывается в каждое ваше утверждение, чтобы команда могла сравнивать работу.',
    name: 'Ваше имя',
    empty: 'Введите имя.',
    failed: (reason: string) => `Имя не сохранено: ${reason}`,
    start: 'Начать разметку',
    changeTitle: 'Ваше имя',
    changeWhy:
      'Записывается в утверждения, которые вы сделаете с этого момента. Прежние утверждения сохраняют имя, с которым сделаны.',
    save: 'Сохранить',
    cancel: 'Отмена',
    change: (name: string) => `Аннотатор: ${name} (изменить)`,
  },
);
