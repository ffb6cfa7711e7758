/**
 * How a shared task's names (PTC's and SemEval-2023's techniques, SemEval-2023's frames) and the
 * app's tag ids translate, each way. A plain value, so the analyst can edit it (a JSON file the CLI
 * reads, a table in the import dialog) and pass it to the formats' factories.
 *
 * The two directions are kept apart because they are not inverse: the tasks merged rare classes
 * ("Whataboutism,Straw_Men,Red_Herring"), so a tag always has a name to be written under, but such
 * a name cannot say which tag it was. Importing, a name the map does not list is skipped and
 * reported, never guessed; exporting, a tag the map does not list is written under its own id, so
 * no claim is lost (the tasks' scorers then refuse the unknown name, which the analyst sees).
 */
import { z } from 'zod';

/** A technique or frame name as the tasks' tab-separated files can hold it: one field, one line. */
const TaskName = z
  .string()
  .min(1)
  .refine((name) => !/[\t\n\v\f\r\x85\u2028\u2029]/.test(name), { message: 'must not hold a tab or a line break' });

export const TagMap = z.object({
  /** A name in the task's files → the tag id its claims get. */
  toTag: z.record(TaskName, z.string().min(1)),
  /** A tag id → the name written for it; several tags may share a name (a class the task merged). */
  toName: z.record(z.string().min(1), TaskName),
});
export type TagMap = Readonly<{
  toTag: Readonly<Record<string, string>>;
  toName: Readonly<Record<string, string>>;
}>;

/** A map whose names and tags correspond one to one, plus names written for further tags. */
function oneToOne(pairs: Record<string, string>, alsoWritten: Record<string, string> = {}): TagMap {
  const toName = Object.fromEntries(Object.entries(pairs).map(([name, tag]) => [tag, name]));
  return { toTag: pairs, toName: { ...toName, ...alsoWritten } };
}

/**
 * SemEval-2020 Task 11's 14 techniques (propaganda-techniques-names-semeval2020task11.txt) and
 * the one-to-one names of the PTC's original 18, against the persuasion-techniques codebook
 * (SemEval-2023's 23). Black-and-White_Fallacy is the 2023 False dilemma and
 * Thought-terminating_Cliches its Conversation killer (the 2023 annotation guidelines renamed
 * them). Reductio_ad_hitlerum is read as Guilt by association, of which the 2023 guidelines make
 * it a case. The merged names are written, never read: each stands for any of its tags.
 */
export const PTC_TECHNIQUES: TagMap = {
  toTag: {
    Appeal_to_Authority: 'appeal-to-authority',
    'Appeal_to_fear-prejudice': 'appeal-to-fear',
    'Black-and-White_Fallacy': 'false-dilemma',
    Causal_Oversimplification: 'causal-oversimplification',
    Doubt: 'doubt',
    'Exaggeration,Minimisation': 'exaggeration-minimisation',
    'Flag-Waving': 'flag-waving',
    Loaded_Language: 'loaded-language',
    'Name_Calling,Labeling': 'name-calling',
    Repetition: 'repetition',
    Slogans: 'slogans',
    'Thought-terminating_Cliches': 'conversation-killer',
    Bandwagon: 'appeal-to-popularity',
    Reductio_ad_hitlerum: 'guilt-by-association',
    Whataboutism: 'whataboutism',
    Straw_Men: 'strawman',
    Red_Herring: 'red-herring',
    'Obfuscation,Intentional_Vagueness,Confusion': 'obfuscation',
  },
  toName: {
    'appeal-to-authority': 'Appeal_to_Authority',
    'appeal-to-fear': 'Appeal_to_fear-prejudice',
    'false-dilemma': 'Black-and-White_Fallacy',
    'causal-oversimplification': 'Causal_Oversimplification',
    doubt: 'Doubt',
    'exaggeration-minimisation': 'Exaggeration,Minimisation',
    'flag-waving': 'Flag-Waving',
    'loaded-language': 'Loaded_Language',
    'name-calling': 'Name_Calling,Labeling',
    repetition: 'Repetition',
    slogans: 'Slogans',
    'conversation-killer': 'Thought-terminating_Cliches',
    // The 2020 task's merged classes, so that its scorer knows the names written.
    'appeal-to-popularity': 'Bandwagon,Reductio_ad_hitlerum',
    'guilt-by-association': 'Bandwagon,Reductio_ad_hitlerum',
    whataboutism: 'Whataboutism,Straw_Men,Red_Herring',
    strawman: 'Whataboutism,Straw_Men,Red_Herring',
    'red-herring': 'Whataboutism,Straw_Men,Red_Herring',
    obfuscation: 'Obfuscation,Intentional_Vagueness,Confusion',
  },
};

/** SemEval-2023 Task 3's 23 techniques (scorers/techniques_subtask3.txt), one to one with the codebook. */
export const SEMEVAL2023_TECHNIQUES: TagMap = oneToOne({
  Appeal_to_Authority: 'appeal-to-authority',
  Appeal_to_Popularity: 'appeal-to-popularity',
  Appeal_to_Values: 'appeal-to-values',
  'Appeal_to_Fear-Prejudice': 'appeal-to-fear',
  Flag_Waving: 'flag-waving',
  Causal_Oversimplification: 'causal-oversimplification',
  'False_Dilemma-No_Choice': 'false-dilemma',
  Consequential_Oversimplification: 'consequential-oversimplification',
  Straw_Man: 'strawman',
  Red_Herring: 'red-herring',
  Whataboutism: 'whataboutism',
  Slogans: 'slogans',
  Appeal_to_Time: 'appeal-to-time',
  Conversation_Killer: 'conversation-killer',
  Loaded_Language: 'loaded-language',
  Repetition: 'repetition',
  'Exaggeration-Minimisation': 'exaggeration-minimisation',
  'Obfuscation-Vagueness-Confusion': 'obfuscation',
  'Name_Calling-Labeling': 'name-calling',
  Doubt: 'doubt',
  Guilt_by_Association: 'guilt-by-association',
  Appeal_to_Hypocrisy: 'appeal-to-hypocrisy',
  Questioning_the_Reputation: 'questioning-reputation',
});

/** SemEval-2023 Task 3's 14 frames of subtask 2 (scorers/frames_subtask2.txt) and the policy-frames codebook. */
export const SEMEVAL2023_FRAMES: TagMap = oneToOne({
  Economic: 'economic',
  Capacity_and_resources: 'capacity-resources',
  Morality: 'morality',
  Fairness_and_equality: 'fairness-equality',
  Legality_Constitutionality_and_jurisprudence: 'legality',
  Policy_prescription_and_evaluation: 'policy-prescription',
  Crime_and_punishment: 'crime-punishment',
  Security_and_defense: 'security-defense',
  Health_and_safety: 'health-safety',
  Quality_of_life: 'quality-of-life',
  Cultural_identity: 'cultural-identity',
  Public_opinion: 'public-opinion',
  Political: 'political',
  External_regulation_and_reputation: 'external-regulation',
});

/** The tag a name imports as, if the map says; own keys only, so "constructor" is no name. */
export const tagOf = (map: TagMap, name: string): string | undefined =>
  Object.hasOwn(map.toTag, name) ? map.toTag[name] : undefined;

/**
 * The name a tag is written under: the map's, else the tag id with what would break a field (a
 * tab, a line break, the comma SemEval-2023 lists names with) turned into `_`.
 */
export const nameOf = (map: TagMap, tag: string): string =>
  Object.hasOwn(map.toName, tag) ? (map.toName[tag] as string) : tag.replace(/[\t\n\v\f\r\x85\u2028\u2029,]/g, '_');

/** Why a name is skipped on import, with the tags it is written for when it is a merged class. */
export function unmappedReason(map: TagMap, kind: 'technique' | 'frame', name: string): string {
  const tags = Object.keys(map.toName).filter((tag) => map.toName[tag] === name);
  const merged = tags.length > 1 ? `; it stands for any of ${tags.join(', ')}` : '';
  return `the ${kind} ${JSON.stringify(name)} is not in the tag map, so it is not imported${merged}: add it to the map to import it`;
}
