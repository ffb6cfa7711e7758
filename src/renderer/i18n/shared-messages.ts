import { useCallback } from 'react';
import { NO_PAIRABLE_SETS, NO_SET_VARIATION, ONE_DOCUMENT } from '../../shared/agreement/multi-label';
import { MANY_CODERS_CAVEAT } from '../../shared/agreement/report';
import { type Language, useLanguage } from './language';

type Rule = [pattern: RegExp, russian: (...parts: string[]) => string];

/** A string as JSON.stringify writes it, quotes included: the data a message quotes. */
const QUOTED = String.raw`("(?:[^"\\]|\\.)*")`;
/** A pattern matching a whole message, written raw; `${QUOTED}` in it matches a quoted string. */
const whole = (strings: TemplateStringsArray, ...parts: string[]) =>
  new RegExp(`^${String.raw(strings, ...parts)}$`, 's');
/** A quoted string in Russian quotation marks; its escapes stay as they are. */
const q = (quoted: string) => `«${quoted.slice(1, -1)}»`;
/** Messages joined with '; ' (zod issues of one value), each in Russian. */
const each = (text: string) => text.split('; ').map(toRussian).join('; ');

/** zod's names of the types a value was expected to be, or was. */
const ZOD_TYPES: Record<string, string> = {
  string: 'текст',
  number: 'число',
  int: 'целое число',
  boolean: 'true или false',
  object: 'объект',
  array: 'список',
  null: 'null',
  undefined: 'отсутствие значения',
  NaN: 'NaN',
  nan: 'NaN',
  Infinity: 'бесконечность',
  '-Infinity': 'минус бесконечность',
  date: 'дата',
  bigint: 'большое целое число',
  map: 'словарь',
  set: 'множество',
  file: 'файл',
  function: 'функция',
  symbol: 'символ',
};
const zodType = (name: string) => ZOD_TYPES[name] ?? name;

/** What zod counts in a string, a list, a map or a file. */
const ZOD_UNITS: Record<string, string> = {
  characters: 'символов',
  items: 'элементов',
  entries: 'записей',
  bytes: 'байт',
};
/** zod's bounds: '>=', '<', 'exactly ' and so on. */
const ZOD_BOUNDS: Record<string, string> = {
  '>=': 'не меньше',
  '>': 'больше',
  '<=': 'не больше',
  '<': 'меньше',
  'exactly ': 'ровно',
};
/** zod's names of string formats, as `Invalid <name>` gives them. */
const ZOD_FORMATS: Record<string, string> = {
  'ISO datetime': 'ожидаются дата и время ISO 8601, например 2026-11-22T10:00:00Z',
  'ISO date': 'ожидается дата ISO 8601',
  'ISO time': 'ожидается время ISO 8601',
  'ISO duration': 'ожидается длительность ISO 8601',
  'email address': 'ожидается адрес электронной почты',
  URL: 'ожидается URL',
  UUID: 'ожидается UUID',
  ULID: 'ожидается ULID',
  lowercase: 'ожидаются строчные буквы',
  uppercase: 'ожидаются прописные буквы',
};
const ZOD_CONTAINERS: Record<string, string> = { record: 'объекте', map: 'словаре', set: 'множестве' };

/** The syntax errors of JSON.parse (V8), before ' in JSON at position N'. */
const JSON_SYNTAX: Record<string, string> = {
  "Expected property name or '}'": "ожидалось имя свойства или '}'",
  'Expected double-quoted property name': 'ожидалось имя свойства в двойных кавычках',
  "Expected ':' after property name": "ожидалось ':' после имени свойства",
  "Expected ',' or '}' after property value": "ожидалось ',' или '}' после значения свойства",
  "Expected ',' or ']' after array element": "ожидалось ',' или ']' после элемента массива",
  'Unterminated string': 'кавычки не закрыты',
  'Bad control character in string literal': 'недопустимый управляющий символ внутри кавычек',
  'Bad escaped character': 'недопустимый символ после \\',
  'Bad Unicode escape': 'неверная запись \\u',
  'Unexpected non-whitespace character after JSON': 'лишние символы после конца JSON',
  'Exponent part is missing a number': 'у показателя степени нет цифр',
  'No number after minus sign': 'после минуса нет числа',
  'Unterminated fractional number': 'у дробного числа нет цифр после точки',
  'Unexpected number': 'неожиданное число',
  'Unexpected string': 'неожиданная строка в кавычках',
};

/** A claim attribute, as the codebook editor names it. */
const ATTRIBUTES: Record<string, string> = { stance: 'Позиция', confidence: 'Уверенность' };
const attribute = (key: string) => `«${ATTRIBUTES[key] ?? key}»`;

const SIZES: Record<string, string> = { MB: 'МБ', kB: 'КБ' };
const size = (text: string) => text.replace(/ (MB|kB)$/, (_, unit: string) => ` ${SIZES[unit]}`);

/** Why Framing Workbench does not take an item another tool made, shared by several formats. */
const NO_DOCUMENT_LABELS = 'в приложении пока нет меток уровня документа';
const NO_RELATIONS = 'приложение пока не хранит связи между утверждениями';
const ASTRAL = 'эмодзи или другого символа вне базовой плоскости Юникода';

/**
 * The Russian of the reasons and problems src/shared words in English (it is platform- and
 * language-free, and the CLI speaks English). They are worded at display, not where they arise:
 * an orphan's reason is stored with it, and reads in the language of whoever opens it. The first
 * rule that matches a whole message words it; a message made of a prefix and another message
 * words that other message by the rules again. Ids, file names, paths and quoted data stay as they are.
 */
/** The agreement report's reasons and caveats (report.ts, multi-label.ts, nominal.ts), word for word. */
const AGREEMENT_NOTES: Record<string, string> = {
  [ONE_DOCUMENT]:
    'только один документ: случайное согласие оценивается по нему одному, поэтому κ и α не больше 0, когда аннотаторы расходятся, и равны 0/0, когда они согласны; пока они ничего не говорят',
  [NO_PAIRABLE_SETS]: 'ни у одного документа нет наборов меток от двух или более аннотаторов',
  [NO_SET_VARIATION]: 'все сопоставимые наборы меток одинаковы: разброса нет, α = 0/0',
  'no document labels were given': 'метки документов не заданы',
  'no item was labelled by both coders': 'ни один документ не размечен обоими аннотаторами',
  'both coders used one and the same label throughout: κ is 0/0':
    'оба аннотатора везде ставили одно и то же значение: κ = 0/0',
  'Fleiss’ kappa needs at least two coders': 'для κ Флейса нужны хотя бы два аннотатора',
  'every item needs the same number of ratings': 'у каждого документа должно быть одинаковое число оценок',
  'Fleiss’ kappa needs at least two ratings per item': 'для κ Флейса нужны хотя бы две оценки на документ',
  'no items': 'нет документов',
  'every rating is the same label: κ is 0/0': 'все оценки одинаковы: κ = 0/0',
  'no item has labels from two or more coders': 'ни у одного документа нет меток от двух или более аннотаторов',
  'every pairable label is the same: no variation, α is 0/0':
    'все сопоставимые значения одинаковы: разброса нет, α = 0/0',
  [MANY_CODERS_CAVEAT]:
    'α_u вычисляется по Криппендорфу (1995, 2004); Криппендорф и соавторы (2016) пересмотрели её, потому что при числе аннотаторов больше двух она ведёт себя неверно, а у некоторых документов здесь их больше',
};

/** The agreement report's notes that carry counts. */
const AGREEMENT_RULES: readonly Rule[] = [
  [
    /^used the (\d+) of (\d+) items that all (\d+) coders labelled$/,
    (used, total, coders) => `учтены документы, размеченные всеми аннотаторами (${coders}): ${used} из ${total}`,
  ],
  [
    /^no item was labelled by all (\d+) coders$/,
    (coders) => `ни один документ не размечен всеми аннотаторами (${coders})`,
  ],
  [
    /^(\d+) document label\(s\) hold more than one tag: /,
    (n) =>
      `наборов меток документов, где больше одной метки: ${n}. κ Коэна, κ Флейса и номинальная α считают каждый набор одной категорией, так что {a, b} и {b, c} расходятся так же полностью, как {a} и {c}; α с расстоянием MASI и показатели по меткам засчитывают общие метки`,
  ],
  [
    /^(\d+) document label\(s\) were given two different values by one annotator and count as missing$/,
    (n) => `меток документов, которым один аннотатор дал два разных значения (они считаются пропущенными): ${n}`,
  ],
  [
    /^(\d+) claim\(s\) end beyond their document's given length; α_u clips them to it$/,
    (n) => `утверждений, которые выходят за заданную длину документа (α_u обрезает их по ней): ${n}`,
  ],
  [
    /^(\d+) document\(s\) have no length given, so no α_u$/,
    (n) => `документов без заданной длины, поэтому без α_u: ${n}`,
  ],
];

const RULES: readonly Rule[] = [
  ...AGREEMENT_RULES,
  // anchoring/anchor.ts and import/reanchor.ts: why a claim could not be placed.
  [/^the document changed and (.+)$/s, (rest) => `документ изменился, и ${toRussian(rest)}`],
  [/^the position is not in this text$/, () => 'этой позиции в тексте нет'],
  [/^no position and no quote$/, () => 'нет ни позиции, ни цитаты'],
  [/^the quote is not in this text$/, () => 'этой цитаты в тексте нет'],
  [/^the quote is not in this text, even approximately$/, () => 'этой цитаты в тексте нет, даже приблизительно'],
  [
    /^the approximate search gave up (.+): the time allowed for it ran out$/,
    (progress) => `приблизительный поиск остановлен ${toRussian(progress)}: отведённое на него время истекло`,
  ],
  [
    /^the approximate search gave up (.+): the work allowed per claim was used up$/,
    (progress) => `приблизительный поиск остановлен ${toRussian(progress)}: объём работы на одно утверждение исчерпан`,
  ],
  [/^after ([\d,]+) of ([\d,]+) characters$/, (done, all) => `после ${done} из ${all} символов`],
  [/^after scoring ([\d,]+) of ([\d,]+) places$/, (done, all) => `после оценки ${done} из ${all} мест`],

  // import/plan-import.ts and import/run-import.ts: what an import did not store, and why.
  [/^no document "(.+)" in this corpus$/s, (id) => `в этом корпусе нет документа «${id}»`],
  [/^a claim without any tag cannot be imported$/, () => 'утверждение без меток импортировать нельзя'],
  [
    /^the id (\S+) is already used by another claim of this file \((.+)\); this one was not imported$/s,
    (id, other) => `идентификатор ${id} уже занят другим утверждением этого файла (${other}); это не импортировано`,
  ],
  [
    /^the claim with id (\S+) in the database \(by (.+), changed (\S+)\) differs and is not older; it was kept and this one not imported$/s,
    (id, who, when) =>
      `утверждение ${id} в базе (автор ${who}, изменено ${when}) отличается и не старее: оно сохранено, а это не импортировано`,
  ],
  [/^not a format Framing Workbench can import$/, () => 'Framing Workbench не умеет импортировать этот формат'],
  [
    /^the import was cancelled: nothing of this file was stored$/,
    () => 'импорт отменён: из этого файла ничего не сохранено',
  ],
  [
    /^(\d+) deletion\(s\) recorded in the file were not applied: merging deletions comes with team review$/,
    (n) => `удаления из файла не применены (${n}): их слияние появится вместе с командной проверкой`,
  ],
  [/^document label for "(.+)": not in this corpus$/s, (id) => `метка документа «${id}»: его нет в этом корпусе`],
  [
    /^(.+)'s document label for "(.+)" differs from the one in the database, which was kept$/s,
    (who, id) => `метка документа «${id}» от ${who} отличается от метки в базе; сохранена метка из базы`,
  ],

  // formats/zip-entries.ts: why a zip is refused whole (the reason, then "; nothing of it was read").
  [/^(.+); nothing of it was read$/s, (reason) => `${toRussian(reason)}; из него ничего не прочитано`],
  [/^(.+) \(or a damaged one\)$/s, (reason) => `${toRussian(reason)} (или повреждённый архив)`],
  [/^not a zip archive$/, () => 'это не zip-архив'],
  [/^its zip64 directory is damaged$/, () => 'его каталог zip64 повреждён'],
  [
    /^it holds ([\d,]+) entries, more than the ([\d,]+) a zip may hold$/,
    (n, most) => `в нём записей: ${n}, а в zip-архиве их может быть не больше ${most}`,
  ],
  [/^the zip is damaged: (.+)$/s, (why) => `zip-архив повреждён: ${toRussian(why)}`],
  [/^its list of files is damaged$/, () => 'его список файлов повреждён'],
  [/^its list of files is inconsistent$/, () => 'его список файлов противоречив'],
  [
    /^(.+) does not unzip to the content it declares$/s,
    (name) => `${name} распаковывается не в то содержимое, что в нём заявлено`,
  ],
  [
    /^it is encrypted; unzip it with its password and import the files$/,
    () => 'он зашифрован: распакуйте его с паролем и импортируйте файлы',
  ],
  [
    /^(.+) is compressed with method (\d+); only stored and deflated files can be read$/s,
    (name, method) => `${name} сжат методом ${method}; читаются только файлы без сжатия или сжатые методом deflate`,
  ],
  [whole`the name ${QUOTED} points outside the zip`, (name) => `имя ${q(name)} указывает за пределы архива`],
  [
    /^its files would take (.+) unzipped, more than the (.+) an import may hold$/,
    (total, most) => `распакованные файлы заняли бы ${size(total)}, а импорт вмещает не больше ${size(most)}`,
  ],
  [/^it holds (.+) twice$/s, (name) => `в нём дважды есть ${name}`],
  [
    /^its files take more than the (.+) an import may hold$/,
    (most) => `его файлы занимают больше ${size(most)}, которые вмещает импорт`,
  ],
  // fflate's errors, which follow "the zip is damaged: ".
  [/^unexpected EOF$/, () => 'данные неожиданно кончаются'],
  [/^invalid block type$/, () => 'неверный тип блока'],
  [/^invalid length\/literal$/, () => 'неверная длина или литерал'],
  [/^invalid distance$/, () => 'неверное расстояние'],
  [/^invalid zip data$/, () => 'неверные данные zip'],
  [/^invalid UTF-8 data$/, () => 'неверные данные UTF-8'],
  [/^unknown compression type (\d+)$/, (type) => `неизвестный тип сжатия ${type}`],

  // formats/issues.ts: a file that is no JSON, with JSON.parse's (V8's) reason.
  [/^not valid JSON: (.+)$/s, (why) => `неверный JSON: ${toRussian(why)}`],
  [
    /^(.+) in JSON at position (\d+)(?: \(line (\d+) column (\d+)\))?$/,
    (what, at, line, column) =>
      `${JSON_SYNTAX[what] ?? what}, позиция ${at}${line ? ` (строка ${line}, столбец ${column})` : ''}`,
  ],
  [/^Unexpected token '(.+)', (.+) is not valid JSON$/s, (token, start) => `неожиданный символ '${token}': ${start}`],
  [/^Unexpected end of JSON input$/, () => 'JSON обрывается на середине'],
  // formats/codebook-json.ts: where the JSON error is, and what else is wrong with a codebook file.
  [
    /^(.+) \(line (\d+), column (\d+)\)$/s,
    (message, line, column) => `${toRussian(message)} (строка ${line}, столбец ${column})`,
  ],
  [
    /^this is not a codebook file \(its format is (.+)\)$/s,
    (format) => `это не файл кодовой книги (его формат — ${format})`,
  ],
  [
    /^made by a newer Framing Workbench \(codebook format (.+)\); update the app to read it$/,
    (version) =>
      `файл сделан более новой версией Framing Workbench (формат кодовой книги ${version}); чтобы прочитать его, обновите приложение`,
  ],
  // codebooks/edit.ts (codebookProblems): what makes a codebook unsound.
  [/^Two groups have the same id\.$/, () => 'У двух групп одинаковый идентификатор.'],
  [/^Two tags have the id "(.*)"\.$/s, (id) => `У двух меток идентификатор «${id}».`],
  [/^The key "(.*)" is already used by "(.*)"\.$/s, (key, tag) => `Клавиша «${key}» уже занята меткой «${tag}».`],
  [
    /^"(.*)" is in a group that does not exist \("(.*)"\)\.$/s,
    (tag, group) => `Метка «${tag}» входит в несуществующую группу («${group}»).`,
  ],
  [
    /^"(.*)" names a parent that does not exist \("(.*)"\)\.$/s,
    (tag, parent) => `У метки «${tag}» указан несуществующий родитель («${parent}»).`,
  ],
  [/^"(.*)" would be its own ancestor\.$/s, (tag) => `Метка «${tag}» оказалась бы собственным предком.`],
  [/^(\w+) needs at least one value\.$/, (key) => `У атрибута ${attribute(key)} должно быть хотя бы одно значение.`],
  [/^Two (\w+) values share an id\.$/, (key) => `У двух значений атрибута ${attribute(key)} одинаковый идентификатор.`],

  // formats/common.ts: offsets, spans and the builder every format collects into.
  [/^must be a number$/, () => 'должно быть числом'],
  [/^must be a whole number$/, () => 'должно быть целым числом'],
  [/^must not be negative$/, () => 'не может быть отрицательным'],
  [/^must be text$/, () => 'должно быть текстом'],
  [
    /^must be a SHA-256 digest in lowercase hex$/,
    () => 'должно быть хешем SHA-256: шестнадцатеричные цифры, строчные буквы',
  ],
  [/^must be an object$/, () => 'должно быть объектом'],
  [/^the span is empty: it starts and ends at (\d+)$/, (at) => `фрагмент пуст: он начинается и кончается на ${at}`],
  [
    /^the span ends at (\d+), before it starts at (\d+)$/,
    (end, start) => `фрагмент кончается на ${end}, раньше своего начала на ${start}`,
  ],
  [
    /^the span ends at (\d+), past the end of the text \((\d+) (UTF-16 code units|code points)\)$/,
    (end, length, unit) =>
      `фрагмент кончается на ${end}, за концом текста (в нём ${unit === 'code points' ? 'кодовых точек' : 'кодовых единиц UTF-16'}: ${length})`,
  ],
  [
    /^the span cuts an emoji or other astral character in half$/,
    () => 'фрагмент разрезает пополам эмодзи или другой символ вне базовой плоскости Юникода',
  ],
  [
    /^the quote starts with the second half of an emoji or other astral character: it cuts one in half$/,
    () => `цитата начинается со второй половины ${ASTRAL}: она разрезает его пополам`,
  ],
  [
    /^the quote ends with the first half of an emoji or other astral character: it cuts one in half$/,
    () => `цитата кончается первой половиной ${ASTRAL}: она разрезает его пополам`,
  ],
  [whole`document id ${QUOTED}: (.+)`, (id, why) => `идентификатор документа ${q(id)}: ${each(why)}`],
  [
    whole`document ${QUOTED} appears twice with different texts`,
    (id) => `документ ${q(id)} встречается дважды с разными текстами`,
  ],
  [
    /^more than ([\d,]+) claims: this is too many to import at once; split the file$/,
    (n) => `больше ${n} утверждений: это слишком много для одного импорта; разделите файл`,
  ],
  [/^(\d+) more problems not listed$/, (n) => `и ещё ошибок, не показанных здесь: ${n}`],

  // model/*.ts: what the app's own records require (labelled JSON, codebooks, document ids).
  [/^must be a relative path inside the corpus$/, () => 'должно быть относительным путём внутри корпуса'],
  [/^a span must end after it starts$/, () => 'фрагмент должен кончаться после своего начала'],
  [/^the quote must be as long as the span$/, () => 'цитата должна быть той же длины, что и фрагмент'],
  [/^must not be empty$/, () => 'не может быть пустым'],
  [/^must be a colour written like (#\w+)$/, (example) => `должно быть цветом в записи вида ${example}`],
  [/^must be one digit or lowercase letter$/, () => 'должно быть одной цифрой или строчной латинской буквой'],
  [
    /^must be lowercase letters, digits and dashes$/,
    () => 'должно состоять из строчных латинских букв, цифр и дефисов',
  ],

  // formats/native.ts: the app's own labelled JSON.
  [/^expected exactly one labelled JSON file$/, () => 'нужен ровно один файл labelled JSON'],

  // formats/w3c.ts: W3C Web Annotation JSON-LD.
  [/^must be a name or a list of names$/, () => 'должно быть именем или списком имён'],
  [
    /^must be an xsd:dateTime with a time zone, such as (\S+)$/,
    (example) => `должно быть значением «xsd:dateTime» с часовым поясом, например ${example}`,
  ],
  [
    /^must be an agent \(an IRI, or an object with a name\) or a list of agents$/,
    () => 'должно быть агентом (IRI или объектом с именем) или списком агентов',
  ],
  [
    /^an Annotation must have an id: the IRI that identifies it$/,
    () => 'у Annotation должен быть «id»: обозначающий её IRI',
  ],
  [/^an Annotation id must not be empty$/, () => '«id» у Annotation не может быть пустым'],
  [/^an Annotation must have the type "Annotation"$/, () => 'у Annotation должен быть тип "Annotation"'],
  [
    /^a TextualBody must have exactly one value, a string$/,
    () => 'у TextualBody должно быть ровно одно значение «value», и это текст',
  ],
  [/^is missing$/, () => 'отсутствует'],
  [/^must be a whole number of characters$/, () => 'должно быть целым числом символов'],
  [/^ends before it starts$/, () => 'кончается раньше своего начала'],
  [
    /^a TextQuoteSelector must have exact: the quoted text$/,
    () => 'у TextQuoteSelector должно быть поле «exact»: цитируемый текст',
  ],
  [
    /^nested more than (\d+) levels deep, far deeper than W3C annotations need$/,
    (levels) => `вложенность больше ${levels} уровней — намного глубже, чем нужно аннотациям W3C`,
  ],
  [
    /^not W3C Web Annotation JSON-LD: "@context" must include "(.+)"$/,
    (context) => `это не JSON-LD W3C Web Annotation: "@context" должен включать "${context}"`,
  ],
  [
    /^must be "Annotation", "AnnotationPage" or "AnnotationCollection"$/,
    () => 'должно быть "Annotation", "AnnotationPage" или "AnnotationCollection"',
  ],
  [
    /^the collection says it holds (\d+) annotations but has no first page$/,
    (n) => `по словам коллекции, в ней аннотаций: ${n}, но первой страницы в ней нет`,
  ],
  [
    /^the first page is only linked, not embedded: export the collection with its annotations$/,
    () => 'на первую страницу есть только ссылка, сама она не вложена: экспортируйте коллекцию вместе с аннотациями',
  ],
  [/^must be an AnnotationPage$/, () => 'должно быть AnnotationPage'],
  [
    /^an AnnotationPage must list its annotations in an "items" array$/,
    () => 'AnnotationPage должна перечислять свои аннотации в массиве "items"',
  ],
  [
    /^the collection continues on a page that is not in this file; only this page was read$/,
    () => 'коллекция продолжается на странице, которой нет в этом файле; прочитана только эта страница',
  ],
  [/^more than ([\d,]+) annotations: split the export$/, (n) => `больше ${n} аннотаций: разделите экспорт`],
  [/^must be an Annotation object$/, () => 'должно быть объектом Annotation'],
  [
    /^an Annotation must have "@context" including "(.+)"$/,
    (context) => `у Annotation должен быть "@context", включающий "${context}"`,
  ],
  [
    /^has no tag: no TextualBody with purpose "tagging" or "classifying"$/,
    () => 'нет метки: нет TextualBody с назначением "tagging" или "classifying"',
  ],
  [
    /^an Annotation must have a target: the text it annotates$/,
    () => 'у Annotation должна быть цель («target»): текст, который она аннотирует',
  ],
  [
    /^has (\d+) targets; a claim is one span of one document$/,
    (n) => `целей («target») у неё ${n}, а утверждение — это один фрагмент одного документа`,
  ],
  [
    /^annotates a whole resource \(its target is an IRI\), not a span of text$/,
    () => 'аннотирует ресурс целиком (её цель — IRI), а не фрагмент текста',
  ],
  [/^a target must be an IRI or an object$/, () => 'цель («target») должна быть IRI или объектом'],
  [
    /^annotates a whole resource \(its target has no source\), not a span of text$/,
    () => 'аннотирует ресурс целиком (у её цели нет «source»), а не фрагмент текста',
  ],
  [
    /^a target must have a source: the IRI of the annotated document$/,
    () => 'у цели («target») должен быть источник («source»): IRI аннотируемого документа',
  ],
  [
    /^must be the IRI of the annotated document, or an object with it as "id"$/,
    () => 'должно быть IRI аннотируемого документа или объектом, где он записан в "id"',
  ],
  [
    /^the document id in this IRI is not valid percent-encoding$/,
    () => 'идентификатор документа в этом IRI записан неверной процентной кодировкой',
  ],
  [
    /^its selectors \((.+)\) do not locate plain text; a TextQuoteSelector or TextPositionSelector is needed$/s,
    (selectors) =>
      `её селекторы (${selectors.replaceAll('a selector without a type', 'селектор без типа')}) не указывают место в простом тексте; нужен TextQuoteSelector или TextPositionSelector`,
  ],
  [
    /^annotates a whole document: its target has no selector$/,
    () => 'аннотирует документ целиком: у её цели нет селектора',
  ],
  [
    /^spans (\d+) characters but the quote has (\d+) code points \(positions must count Unicode code points\): placed by its quote instead$/,
    (span, quote) =>
      `длина по позициям — ${span}, а кодовых точек в цитате — ${quote} (позиции должны считать кодовые точки Юникода): размещено по цитате`,
  ],
  [/^selects no text$/, () => 'не выделяет никакого текста'],
  [/^an empty tag was left out$/, () => 'пустая метка пропущена'],
  [
    /^"(.*)" is not a claim attribute \(speaker, stance, confidence or note\)$/s,
    (key) => `«${key}» — не атрибут утверждения (speaker, stance, confidence или note)`,
  ],
  [/^a second (\w+); the first was kept$/, (key) => `второе значение «${key}»; оставлено первое`],
  [
    /^(\w+) "(.*)" was left out: (.+)$/s,
    (key, value, why) => `значение «${value}» для «${key}» пропущено: ${toRussian(why)}`,
  ],
  [/^not a \.jsonld or \.json file, so not read$/, () => 'не файл .jsonld или .json, поэтому не прочитан'],
  [/^no \.jsonld or \.json file to read$/, () => 'нет файла .jsonld или .json для чтения'],

  // formats/brat.ts: brat standoff, line by line.
  [
    /^not a brat annotation: expected an id such as T1, a tab, then the rest$/,
    () => 'не аннотация brat: ожидался идентификатор вроде T1, затем табуляция, затем остальное',
  ],
  [/^the id (\S+) is used twice$/, (id) => `идентификатор ${id} встречается дважды`],
  [whole`the offset ${QUOTED} is not a whole number`, (offset) => `смещение ${q(offset)} — не целое число`],
  [/^the offset (-\d+) is negative$/, (offset) => `смещение ${offset} отрицательно`],
  [/^a text-bound annotation needs "TYPE START END"$/, () => 'аннотации к тексту нужна запись вида "TYPE START END"'],
  [whole`${QUOTED} is not an offset pair "START END"`, (pair) => `${q(pair)} — не пара смещений "START END"`],
  [
    /^the fragment (\d+) (\d+) ends before it starts$/,
    (start, end) => `часть ${start} ${end} кончается раньше своего начала`,
  ],
  [
    /^the offset (\d+) is past the end of (.+) \((\d+) characters\)$/s,
    (offset, file, length) => `смещение ${offset} — за концом ${file} (в нём символов: ${length})`,
  ],
  [/^the fragments overlap$/, () => 'части фрагмента перекрываются'],
  [
    whole`the text ${QUOTED} does not match (.+), which has ${QUOTED} there`,
    (given, file, expected) => `текст ${q(given)} не совпадает с ${file}, где на этом месте ${q(expected)}`,
  ],
  [
    /^an attribute needs "NAME TARGET" and maybe a value$/,
    () => 'атрибуту нужна запись вида "NAME TARGET" и, возможно, значение',
  ],
  [whole`the attribute ${QUOTED} has no place in the app`, (name) => `атрибуту ${q(name)} нет места в приложении`],
  [/^(Stance|Confidence) has no value$/, (name) => `у «${name}» нет значения`],
  [
    whole`(Stance|Confidence) ${QUOTED} matches none of its values \((.*)\) by id or label`,
    (name, value, ids) =>
      `«${name}»: значение ${q(value)} не совпадает ни с одним из значений (${ids}) ни по идентификатору, ни по названию`,
  ],
  [
    /^a note needs "TYPE TARGET", a tab, then its text$/,
    () => 'примечанию нужна запись вида "TYPE TARGET", затем табуляция, затем его текст',
  ],
  [
    whole`a ${QUOTED} comment: only (\S+) are read`,
    (type, read) => `комментарий ${q(type)}: читаются только «${read}»`,
  ],
  [/^an event: the app keeps claims, not events$/, () => 'событие: приложение хранит утверждения, а не события'],
  [
    /^a relation between annotations: the app has no links between claims$/,
    () => 'связь между аннотациями: в приложении нет связей между утверждениями',
  ],
  [
    /^an equivalence between annotations: the app has no links between claims$/,
    () => 'эквивалентность аннотаций: в приложении нет связей между утверждениями',
  ],
  [
    /^a normalization \(a link to an outside database\): the app does not keep these$/,
    () => 'нормализация (ссылка на внешнюю базу данных): приложение такое не хранит',
  ],
  [/^an event needs "TYPE:TRIGGER" first$/, () => 'событию нужна сначала запись вида "TYPE:TRIGGER"'],
  [
    whole`${QUOTED} is no kind of brat annotation \((.+)\)`,
    (id, kinds) => `${q(id)} — не вид аннотации brat (${kinds.replace(' or ', ' или ')})`,
  ],
  [/^the trigger of event (\S+): events are not imported$/, (id) => `триггер события ${id}: события не импортируются`],
  [
    /^discontinuous span (.+): Framing Workbench claims are one range$/s,
    (offsets) => `разрывный фрагмент ${offsets}: утверждение Framing Workbench — один непрерывный отрезок`,
  ],
  [/^an empty span: there is nothing to tag$/, () => 'пустой фрагмент: размечать нечего'],
  [/^it belongs to (\S+), which is not imported$/, (id) => `относится к ${id}, который не импортирован`],
  [/^it refers to (\S+), which is not in (.+)$/s, (id, file) => `ссылается на ${id}, которого нет в ${file}`],
  [
    /^more than ([\d,]+) annotation lines: too many to import at once$/,
    (n) => `больше ${n} строк аннотаций: слишком много для одного импорта`,
  ],
  [/^no (.+) beside it, so no claims to read$/s, (ann) => `рядом нет ${ann}, поэтому утверждений к нему нет`],
  [/^not a brat file \(\.ann, \.txt or \.conf\)$/, () => 'не файл brat (.ann, .txt или .conf)'],
  [
    /^(.+) is missing: the offsets cannot be checked without the text$/s,
    (txt) => `нет файла ${txt}: без текста смещения не проверить`,
  ],
  [/^as a document id, the name (.+)$/s, (why) => `имя не годится как идентификатор документа: ${toRussian(why)}`],
  [/^and (\d+) more problems$/, (n) => `и ещё ошибок: ${n}`],

  // formats/doccano.ts: doccano JSONL.
  [/^must be the label name$/, () => 'должно быть названием метки'],
  [/^must be \[start, end, "label"\]$/, () => 'должно быть [start, end, "label"]'],
  [/^must be a list$/, () => 'должно быть списком'],
  [/^must be a number or a string$/, () => 'должно быть числом или текстом'],
  [/^must be the document text$/, () => 'должно быть текстом документа'],
  [
    /^must be a list of category names or an object of categories$/,
    () => 'должно быть списком названий категорий или объектом категорий',
  ],
  [/^each line must be a JSON object$/, () => 'каждая строка должна быть объектом JSON'],
  [/^an empty category name was left out$/, () => 'пустое название категории пропущено'],
  [
    whole`category ${QUOTED}: its value must be true, false or a score`,
    (name) => `категория ${q(name)}: значение должно быть true, false или числом-оценкой`,
  ],
  [
    whole`document categories no annotator is recorded for were credited to ${QUOTED}, whom the file is named after, as doccano names each member's export`,
    (name) =>
      `категории документов, для которых аннотатор не записан, отнесены к ${q(name)} по имени файла: так doccano называет выгрузку каждого участника`,
  ],
  [
    whole`relation(?: ${QUOTED})?: the app does not keep relations between claims yet`,
    (type) => `связь${type ? ` ${q(type)}` : ''}: ${NO_RELATIONS}`,
  ],
  [
    /^must be \[start, end, "label"\], an entity object or a category name$/,
    () => 'должно быть [start, end, "label"], объектом сущности или названием категории',
  ],
  [/^no \.jsonl file to read$/, () => 'нет файла .jsonl для чтения'],

  // formats/common.ts: how a claim was made, as a file says it, when the app cannot keep that.
  [
    /^how the claim was made was left out(?: \((\w+)\))?: (.+)$/s,
    (field, why) =>
      `сведения о том, как сделано утверждение, пропущены${field ? ` (${field})` : ''}: ${toRussian(why)}`,
  ],

  // formats/labelstudio.ts: Label Studio JSON.
  [
    /^region meta that is not notes and attributes was left out$/,
    () => 'метаданные области, не похожие на заметки и атрибуты, пропущены',
  ],
  [/^the region's attributes were left out: (.+)$/s, (why) => `атрибуты области пропущены: ${toRussian(why)}`],
  [/^must be a task object with data$/, () => 'должно быть объектом задачи с полем «data»'],
  [/^must be an ISO time or Unix seconds$/, () => 'должно быть временем ISO 8601 или числом секунд Unix'],
  [
    /^must be a user id, a name or a user object$/,
    () => 'должно быть идентификатором пользователя, именем или объектом пользователя',
  ],
  [/^must be a list of results$/, () => 'должно быть списком результатов'],
  [/^must be true or false$/, () => 'должно быть true или false'],
  [/^must be an annotation object$/, () => 'должно быть объектом аннотации'],
  [/^must be a string or a number$/, () => 'должно быть текстом или числом'],
  [/^must name the result type$/, () => 'должно называть тип результата'],
  [/^must be a result object$/, () => 'должно быть объектом результата'],
  [/^must be the quoted text$/, () => 'должно быть цитируемым текстом'],
  [/^must be a label name$/, () => 'должно быть названием метки'],
  [/^must be a list of label names$/, () => 'должно быть списком названий меток'],
  [/^must name at least one label$/, () => 'должно называть хотя бы одну метку'],
  [/^must be an object with start, end and labels$/, () => 'должно быть объектом с полями «start», «end» и «labels»'],
  [/^must be a choice$/, () => 'должно быть вариантом выбора'],
  [/^must be a list of choices$/, () => 'должно быть списком вариантов выбора'],
  [/^must be an object with choices$/, () => 'должно быть объектом с полем «choices»'],
  [
    /^a choice for a region \(perRegion\), not for the whole text: the app keeps choices as document framing$/,
    () => 'выбор для области (perRegion), а не для всего текста: приложение хранит выбор только как фрейм документа',
  ],
  [
    /^a classification of the whole text by nobody \(no completed_by\): document framing is an annotator's$/,
    () => 'классификация всего текста без автора (нет completed_by): фрейм документа всегда чей-то',
  ],
  [
    /^free text \(textarea\): the app has no free-text answers yet$/,
    () => 'свободный текст (textarea): в приложении пока нет ответов свободным текстом',
  ],
  [
    /^a rating of the whole text: the app has no document-level ratings yet$/,
    () => 'оценка всего текста: в приложении пока нет оценок уровня документа',
  ],
  [
    /^a relation between regions: the app does not keep relations between claims yet$/,
    () => `связь между областями: ${NO_RELATIONS}`,
  ],
  [
    /^a taxonomy choice for the whole text: the app has no document-level labels yet$/,
    () => `выбор из таксономии для всего текста: ${NO_DOCUMENT_LABELS}`,
  ],
  [
    /^a "(.*)" result: not a span of text the app can take$/s,
    (type) => `результат типа «${type}»: это не фрагмент текста, который приложение может принять`,
  ],
  [
    whole`the quote ${QUOTED} does not match the task text at (\d+)–(\d+), which reads ${QUOTED}`,
    (quote, start, end, found) =>
      `цитата ${q(quote)} не совпадает с текстом задачи на ${start}–${end}, где написано ${q(found)}`,
  ],
  // REFI-QDA (formats/qdpx.ts, qdc.ts, refi-codes.ts, refi-offsets.ts, xml.ts).
  [
    /^positions read as (.+): (\d+) sources?, (\d+) of (\d+) selections checked against the text they quote$/s,
    (convention, sources, checked, selections) =>
      `позиции прочитаны так: ${conventionInRussian(convention)}; источников: ${sources}, сверено с цитируемым текстом ${checked} из ${selections} выделений`,
  ],
  [
    /^its quote “(.*)” is not the text at (\S+)–(\S+) as this file counts positions \((.+)\)$/s,
    (quote, start, end, convention) =>
      `его цитата «${quote}» не совпадает с текстом в позициях ${start}–${end} при счёте этого файла (${conventionInRussian(convention)})`,
  ],
  [
    /^positions (\S+)–(\S+) are not a span of its text \((\d+) characters\)$/,
    (start, end, length) => `позиции ${start}–${end} не являются фрагментом его текста (символов: ${length})`,
  ],
  [
    /^its quote holds a character a file cannot carry \(half of an emoji, say\): place it by hand$/,
    () => 'в его цитате есть символ, который файл не может передать (например, половина эмодзи): разместите вручную',
  ],
  [
    /^<(\w+)> \("(.*)"\): only text sources can be annotated here$/s,
    (kind, name) => `<${kind}> («${name}»): размечать здесь можно только текстовые источники`,
  ],
  [
    /^the text of "(.*)" is not in the project \((.*)\): its (\d+) selections were not imported$/s,
    (name, path, n) => `текста «${name}» нет в проекте (${path}): его выделения (${n}) не импортированы`,
  ],
  [
    /^the selection "(.*)" has no code: it is not a claim$/s,
    (name) => `у выделения «${name}» нет кода: это не утверждение`,
  ],
  [/^names a code the code book lacks \((.*)\)$/, (guid) => `ссылается на код, которого нет в кодовой книге (${guid})`],
  [
    /^declares a document type or entities; refused unread, as such a file can read other files$/,
    () => 'объявляет тип документа или сущности; отклонён без чтения, так как такой файл может читать другие файлы',
  ],
  [
    /^not a REFI-QDA (project|codebook): its root element is <(.+)>$/,
    (kind, root) => `это не ${kind === 'project' ? 'проект' : 'кодовая книга'} REFI-QDA: корневой элемент <${root}>`,
  ],
  [
    /^its namespace is (\S+), not REFI-QDA's (\S+)$/,
    (found, wanted) => `пространство имён ${found}, а не ${wanted} из REFI-QDA`,
  ],
  [
    /^ends before <(.+)> \(line (\d+)\) is closed: the file is cut short$/,
    (name, line) => `кончается, не закрыв <${name}> (строка ${line}): файл обрезан`,
  ],
  [
    /^<\/(.+)> does not close <(.+)> \(line (\d+)\)$/,
    (close, open, line) => `</${close}> не закрывает <${open}> (строка ${line})`,
  ],
  [/^no project\.qde: not a REFI-QDA project$/, () => 'нет project.qde: это не проект REFI-QDA'],
  [/^holds no code that can be coded$/, () => 'в нём нет ни одного кода, которым можно кодировать'],
  [
    /^a cancelled \(skipped\) annotation: the annotator gave no answer$/,
    () => 'отменённая (пропущенная) аннотация: аннотатор не дал ответа',
  ],
  [
    /^the task has no text: expected it in data\.text \(or as the only text field of data\)$/,
    () => 'у задачи нет текста: он ожидался в «data.text» (или в единственном текстовом поле «data»)',
  ],
  [
    /^a model's prediction(?: \((.+)\))?, not an annotator's: accept it in Label Studio to import it$/s,
    (model) =>
      `предсказание модели${model ? ` (${model})` : ''}, а не ответ аннотатора: чтобы импортировать его, примите его в Label Studio`,
  ],
  [/^no \.json file to read$/, () => 'нет файла .json для чтения'],

  // zod's own messages (zod 4, English locale), for the checks a schema gives no words of its own.
  [/^Invalid input: expected int, received number$/, () => 'неверное значение: ожидается целое число'],
  [
    /^Invalid input: expected (\S+), received undefined$/,
    (expected) => `значение отсутствует, а ожидается ${zodType(expected)}`,
  ],
  [
    /^Invalid input: expected (\S+), received (\S+)$/,
    (expected, received) => `неверное значение: ожидается ${zodType(expected)}, а не ${zodType(received)}`,
  ],
  [/^Invalid input: more than one option matched$/, () => 'неверное значение: подходит больше одного варианта'],
  [/^Invalid input: expected (.+)$/s, (value) => `неверное значение: ожидается ${value}`],
  [/^Invalid option: expected one of (.+)$/s, (values) => `неверное значение: допустимо одно из ${values}`],
  [/^Invalid input$/, () => 'неверное значение'],
  [
    /^Invalid discriminator value\. Expected (.+)$/s,
    (options) => `неверное значение признака варианта: ожидается ${options.replaceAll(' | ', ' или ')}`,
  ],
  [/^Too small: expected string to have >=1 characters$/, () => 'не может быть пустым'],
  [/^Too small: expected array to have >=1 items$/, () => 'список не может быть пустым'],
  [
    /^Too (small|big): expected \S+ to have (>=|>|<=|<|exactly )(\S+) (\w+)$/,
    (which, bound, limit, unit) =>
      `слишком ${which === 'small' ? 'мало' : 'много'} ${ZOD_UNITS[unit] ?? unit}: их должно быть ${ZOD_BOUNDS[bound]} ${limit}`,
  ],
  [
    /^Too (small|big): expected \S+ to be (>=|>|<=|<|exactly )(\S+)$/,
    (which, bound, limit) =>
      `значение слишком ${which === 'small' ? 'мало' : 'велико'}: оно должно быть ${ZOD_BOUNDS[bound]} ${limit}`,
  ],
  [
    /^Invalid string: must match pattern (.+)$/s,
    (pattern) => `неверный текст: он должен соответствовать шаблону ${pattern}`,
  ],
  [/^Invalid string: must start with "(.*)"$/s, (prefix) => `неверный текст: он должен начинаться с «${prefix}»`],
  [/^Invalid string: must end with "(.*)"$/s, (suffix) => `неверный текст: он должен кончаться на «${suffix}»`],
  [/^Invalid string: must include "(.*)"$/s, (part) => `неверный текст: он должен содержать «${part}»`],
  [/^Invalid number: must be a multiple of (\S+)$/, (n) => `неверное число: оно должно быть кратно ${n}`],
  [/^Unrecognized key: (.+)$/s, (key) => `неизвестное поле: ${key}`],
  [/^Unrecognized keys: (.+)$/s, (keys) => `неизвестные поля: ${keys}`],
  [/^Invalid key in (\w+)$/, (where) => `неверный ключ в ${ZOD_CONTAINERS[where] ?? where}`],
  [/^Invalid value in (\w+)$/, (where) => `неверное значение в ${ZOD_CONTAINERS[where] ?? where}`],
  [/^Invalid (.+)$/s, (format) => `неверный формат: ${ZOD_FORMATS[format] ?? format}`],
  // formats/gazetteer.ts: where a problem is, and what it is.
  [/^line (\d+)$/, (n) => `строка ${n}`],
  [/^file$/, () => 'файл'],
  [
    /^has (\d+) lines; a gazetteer may have (\d+)$/,
    (n, most) => `в нём строк: ${n}; в словаре их может быть не больше ${most}`,
  ],
  [/^has more than two columns$/, () => 'в ней больше двух столбцов'],
  [/^has no text before the tab$/, () => 'перед табуляцией нет текста'],
  [/^has a text longer than (\d+) characters$/, (n) => `текст в ней длиннее ${n} символов`],
  [/^has a tab but no tag after it$/, () => 'после табуляции нет метки'],
  [/^holds no entries$/, () => 'в нём нет ни одной записи'],
  [/^has no tag, while other lines have one$/, () => 'в ней нет метки, хотя в других строках она есть'],
  [/^has no tag; choose the tag of the list$/, () => 'в ней нет метки; выберите метку простого списка'],
  [/^names the tag "(.*)", which the codebook lacks$/s, (tag) => `в ней метка «${tag}», которой нет в кодовой книге`],
];

/** refi-offsets.ts's describeConvention, in Russian. */
function conventionInRussian(convention: string): string {
  const unit = convention.startsWith('UTF-16')
    ? 'в кодовых единицах UTF-16 (как считает NVivo)'
    : 'в символах Юникода, как считает стандарт';
  const lines = convention.includes('as one character')
    ? 'перевод строки CRLF как один символ (как считает ATLAS.ti)'
    : 'перевод строки CRLF как два символа';
  return `${unit}, ${lines}`;
}

function toRussian(text: string): string {
  const known = AGREEMENT_NOTES[text];
  if (known) return known;
  for (const [pattern, russian] of RULES) {
    const match = pattern.exec(text);
    if (match) return russian(...match.slice(1));
  }
  return text;
}

/** A reason or problem from src/shared, in the given interface language. */
export const sharedText = (text: string, language: Language): string => (language === 'ru' ? toRussian(text) : text);

/** sharedText in the interface's language now. */
export function useSharedText(): (text: string) => string {
  const language = useLanguage();
  return useCallback((text: string) => sharedText(text, language), [language]);
}
