import { defineMessages } from '../../i18n/language';
import { count, plural } from '../../i18n/plural';

export const useAgreementMessages = defineMessages(
  {
    coefficient: 'Coefficient',
    value: 'Value',
    documentsTitle: 'Documents the figure rests on',
    masiAlpha: 'Krippendorff’s α (MASI)',
    masiAlphaTitle: 'Krippendorff’s α over the tag sets with MASI distance: sets that share tags agree in part',
    setAsCategory: 'Each annotator’s tag set counts as one category',
    byTag: 'By tag',
    byTagTitle: 'Each tag as yes or no for every document and annotator',
    cohenKappa: 'Cohen’s κ',
    fleissKappa: 'Fleiss’ κ',
    alpha: 'α',
    alphaTitle: 'Krippendorff’s α (nominal)',
    whyUndefined: 'Why a figure is undefined',
    countMachine: 'Count claims made by search or suggestion',
    countMachineTitle:
      'Claims coded from search hits or accepted as suggestions agree because a query or a suggestion placed them; leave them out to compare what annotators marked by hand',
    machineLeftOut: (n: number) =>
      `${n.toLocaleString('en')} ${n === 1 ? 'claim' : 'claims'} made by search or suggestion left out`,
  },
  {
    coefficient: 'Коэффициент',
    value: 'Значение',
    documentsTitle: 'Число документов, на которых основан показатель',
    masiAlpha: 'α Криппендорфа (MASI)',
    masiAlphaTitle: 'α Криппендорфа по наборам меток с расстоянием MASI: наборы с общими метками согласуются частично',
    setAsCategory: 'Набор меток каждого аннотатора считается одной категорией',
    byTag: 'По меткам',
    byTagTitle: 'Каждая метка как «да» или «нет» для каждого документа и аннотатора',
    cohenKappa: 'κ Коэна',
    fleissKappa: 'κ Флейса',
    alpha: 'α',
    alphaTitle: 'α Криппендорфа (номинальная)',
    whyUndefined: 'Почему показатель не определён',
    countMachine: 'Учитывать утверждения, сделанные поиском или подсказкой',
    countMachineTitle:
      'Утверждения, закодированные из результатов поиска или принятые из подсказок, совпадают потому, что их разметили запрос или подсказка; исключите их, чтобы сравнить то, что аннотаторы отметили вручную',
    machineLeftOut: (n: number) =>
      `${count(n, 'утверждение', 'утверждения', 'утверждений')}, ${plural(n, 'сделанное', 'сделанных', 'сделанных')} поиском или подсказкой, ${plural(n, 'не учтено', 'не учтены', 'не учтены')}`,
  },
);
