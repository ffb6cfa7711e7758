import type { FeedbackOutcome } from '../../../shared/review/feedback';
import { defineMessages } from '../../i18n/language';
import { count } from '../../i18n/plural';

/** "1 claim", "2 claims", with the number in English form. */
const en = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export const useFeedbackMessages = defineMessages(
  {
    feedback: 'Feedback from gold',
    annotator: 'Annotator',
    noGold: 'There is no gold yet: settle disagreements to build it, and each annotator’s feedback will show here.',
    noAnnotators: 'No annotator has claims to compare with gold.',
    noGoldHere: 'There are no gold claims yet on the documents this annotator worked on.',
    summary: (claims: number, gold: number, documents: number) =>
      `${en(claims, 'claim', 'claims')} and ${en(gold, 'gold claim', 'gold claims')} on ${en(documents, 'document', 'documents')}`,
    undecided: (n: number) =>
      `${en(n, 'claim waits', 'claims wait')} for a decision in Review, and ${n === 1 ? 'is' : 'are'} left out until settled.`,
    goldElsewhere: (n: number) =>
      `${en(n, 'gold claim is', 'gold claims are')} on documents this annotator has no claims in, and left out.`,
    notOneToOne:
      'Gold merged some of these claims into one, or split one into several: such a claim is listed once for each gold claim.',
    outcomes: 'What gold did',
    outcome: {
      kept: 'kept',
      moved: 'moved',
      retagged: 're-tagged',
      rejected: 'rejected',
      missed: 'missed',
    } satisfies Record<FeedbackOutcome, string>,
    outcomeHint: {
      kept: 'Gold has the claim with the same span and tags',
      moved: 'Gold has the claim with the same tags on a different span',
      retagged: 'Gold has the claim with different tags',
      rejected: 'No gold claim overlaps the claim',
      missed: 'A gold claim that overlaps none of this annotator’s claims',
    } satisfies Record<FeedbackOutcome, string>,
    scores: 'Span F1 against gold',
    changes: 'What changed',
    noChanges: 'Gold kept every claim as it was.',
    added: 'added',
    removed: 'removed',
    merged: 'gold merged it with another claim',
    split: 'gold split this claim',
  },
  {
    feedback: 'Разбор по эталону',
    annotator: 'Аннотатор',
    noGold: 'Эталона пока нет: разрешите расхождения, и здесь появится разбор для каждого аннотатора.',
    noAnnotators: 'Нет аннотаторов, чьи утверждения можно сравнить с эталоном.',
    noGoldHere: 'В документах, которые размечал этот аннотатор, эталонных утверждений пока нет.',
    summary: (claims: number, gold: number, documents: number) =>
      `${count(claims, 'утверждение', 'утверждения', 'утверждений')} и ${count(
        gold,
        'эталонное утверждение',
        'эталонных утверждения',
        'эталонных утверждений',
      )}; ${count(documents, 'документ', 'документа', 'документов')}`,
    undecided: (n: number) =>
      `Ждут решения в проверке и пока не учтены: ${count(n, 'утверждение', 'утверждения', 'утверждений')}.`,
    goldElsewhere: (n: number) =>
      `Не учтены эталонные утверждения (${n.toLocaleString('ru')}) в документах, где у этого аннотатора нет утверждений.`,
    notOneToOne:
      'Эталон объединил некоторые из этих утверждений или разделил одно на несколько: такое утверждение указано для каждого эталонного.',
    outcomes: 'Что сделал эталон',
    outcome: {
      kept: 'сохранено',
      moved: 'границы изменены',
      retagged: 'метки изменены',
      rejected: 'отклонено',
      missed: 'пропущено',
    },
    outcomeHint: {
      kept: 'В эталоне то же утверждение с теми же границами и метками',
      moved: 'В эталоне утверждение с теми же метками, но другими границами',
      retagged: 'В эталоне утверждение с другими метками',
      rejected: 'Ни одно эталонное утверждение не пересекается с этим',
      missed: 'Эталонное утверждение, не пересекающееся ни с одним утверждением аннотатора',
    },
    scores: 'F1 фрагментов по эталону',
    changes: 'Что изменилось',
    noChanges: 'Эталон сохранил все утверждения без изменений.',
    added: 'добавлено',
    removed: 'убрано',
    merged: 'эталон объединил его с другим утверждением',
    split: 'эталон разделил это утверждение',
  },
);
