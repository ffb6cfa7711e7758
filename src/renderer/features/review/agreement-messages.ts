import { defineMessages } from '../../i18n/language';

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
  },
);
