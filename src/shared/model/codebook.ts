import { z } from 'zod';

/** One digit or lowercase Latin letter: the keys a tag can be given without clashing with the app's own. */
export const Hotkey = z.string().regex(/^[0-9a-z]$/, { error: 'must be one digit or lowercase letter' });

/** A value id, as claims store it: stable across renames of its label. */
export const ValueId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be lowercase letters, digits and dashes' });

const nonEmpty = z.string().min(1, { error: 'must not be empty' });

export const Tag = z.object({
  id: nonEmpty,
  label: nonEmpty,
  colour: z.string().regex(/^#[0-9a-f]{6}$/i, { error: 'must be a colour written like #1a2b3c' }),
  /** Absent when all 36 keys are taken: a code system from a QDA tool can hold hundreds of codes. */
  hotkey: Hotkey.optional(),
  description: z.string(),
  group: z.string(),
  /** A broader tag this one refines, for a hierarchy. */
  parent: nonEmpty.optional(),
});

export const TagGroup = z.object({
  id: nonEmpty,
  label: nonEmpty,
});

export const AttributeValue = z.object({ id: ValueId, label: nonEmpty });

/** The values a claim's stance and confidence can take under this codebook. */
export const CodebookAttributes = z.object({
  stance: z.array(AttributeValue).min(1),
  confidence: z.array(AttributeValue).min(1),
});

export const DEFAULT_ATTRIBUTES: z.infer<typeof CodebookAttributes> = {
  stance: [
    { id: 'endorsed', label: 'Endorsed' },
    { id: 'reported', label: 'Neutral / reported' },
    { id: 'disputed', label: 'Disputed' },
  ],
  confidence: [
    { id: 'low', label: 'Low' },
    { id: 'medium', label: 'Medium' },
    { id: 'high', label: 'High' },
  ],
};

export const Codebook = z.object({
  id: nonEmpty,
  version: z.number().int().positive(),
  name: nonEmpty,
  description: z.string().optional(),
  groups: z.array(TagGroup),
  tags: z.array(Tag),
  /** Files from before codebooks defined their attribute values get the defaults. */
  attributes: CodebookAttributes.default(DEFAULT_ATTRIBUTES),
});

export type Tag = z.infer<typeof Tag>;
export type TagGroup = z.infer<typeof TagGroup>;
export type AttributeValue = z.infer<typeof AttributeValue>;
export type CodebookAttributes = z.infer<typeof CodebookAttributes>;
export type Codebook = z.infer<typeof Codebook>;

export function tagById(codebook: Codebook, id: string): Tag | undefined {
  return codebook.tags.find((tag) => tag.id === id);
}

export function tagByHotkey(codebook: Codebook, key: string): Tag | undefined {
  return codebook.tags.find((tag) => tag.hotkey === key);
}

/**
 * The codebook's id for a tag as a file wrote it. Other tools write a tag's label ("Threat
 * narrative") or a case variant where the app writes its id ("threat-narrative"); those are
 * mapped to the id, and anything else is kept as written so no claim loses a tag.
 */
export function codebookTagId(codebook: Pick<Codebook, 'tags'>, written: string): string {
  const wanted = written.trim().toLowerCase();
  const tag =
    codebook.tags.find((t) => t.id === written) ??
    codebook.tags.find((t) => t.id.toLowerCase() === wanted || t.label.toLowerCase() === wanted);
  return tag?.id ?? written;
}

/** The label of a stance or confidence value, or the id itself when this codebook does not know it. */
export function attributeLabel(codebook: Codebook, attribute: keyof CodebookAttributes, valueId: string): string {
  return codebook.attributes[attribute].find((v) => v.id === valueId)?.label ?? valueId;
}

/** A codebook with its keys in one fixed order, as files write it: the same codebook always serializes the same. */
export function orderedCodebook(codebook: Codebook): Codebook {
  const values = (list: readonly AttributeValue[]) => list.map((v) => ({ id: v.id, label: v.label }));
  return {
    id: codebook.id,
    version: codebook.version,
    name: codebook.name,
    ...(codebook.description === undefined ? {} : { description: codebook.description }),
    groups: codebook.groups.map((g) => ({ id: g.id, label: g.label })),
    tags: codebook.tags.map((t) => ({
      id: t.id,
      label: t.label,
      colour: t.colour,
      ...(t.hotkey === undefined ? {} : { hotkey: t.hotkey }),
      description: t.description,
      group: t.group,
      ...(t.parent === undefined ? {} : { parent: t.parent }),
    })),
    attributes: { stance: values(codebook.attributes.stance), confidence: values(codebook.attributes.confidence) },
  };
}

/**
 * The tags that hold every typed word in their label, description or key: those whose label
 * holds them all first, then the rest, each in the codebook's order.
 */
export function findTags(tags: readonly Tag[], query: string): Tag[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...tags];
  const holds = (text: string) => words.every((word) => text.toLocaleLowerCase().includes(word));
  const found = tags.filter((tag) => holds(`${tag.label} ${tag.description ?? ''} ${tag.hotkey ?? ''}`));
  return [...found.filter((tag) => holds(tag.label)), ...found.filter((tag) => !holds(tag.label))];
}
