import type { z } from 'zod';
import { type AttributeValue, Codebook, type CodebookAttributes, type Tag } from '../model/codebook';
import { fail, ok, type Result } from '../result';

export type CodebookChange =
  | { kind: 'rename-codebook'; name: string }
  | { kind: 'add-group'; label: string }
  | { kind: 'rename-group'; groupId: string; label: string }
  | { kind: 'remove-group'; groupId: string }
  | { kind: 'add-tag'; tag: Omit<Tag, 'id'> }
  | { kind: 'update-tag'; tagId: string; patch: Partial<Omit<Tag, 'id'>> }
  | { kind: 'remove-tag'; tagId: string }
  | { kind: 'set-attribute-values'; attribute: keyof CodebookAttributes; values: AttributeValue[] };

const HOTKEYS = [...'1234567890abcdefghijklmnopqrstuvwxyz'];

const CYRILLIC: Record<string, string> = Object.fromEntries(
  [
    ...'а-a б-b в-v г-g д-d е-e ё-e ж-zh з-z и-i й-i к-k л-l м-m н-n о-o п-p р-r с-s т-t у-u ф-f х-kh ц-ts ч-ch ш-sh щ-shch ъ- ы-y ь- э-e ю-yu я-ya'.split(
      ' ',
    ),
  ].map((pair) => pair.split('-') as [string, string]),
);

/** An id for a new tag or group from its label: Latin, lowercase, dashed, and not already taken. */
export function slugify(label: string, taken: ReadonlySet<string>): string {
  const base =
    [...label.toLowerCase()]
      .map((c) => CYRILLIC[c] ?? c)
      .join('')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'tag';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The first key no tag has yet, digits first. */
export function nextFreeHotkey(codebook: Codebook): string | undefined {
  const used = new Set(codebook.tags.map((t) => t.hotkey));
  return HOTKEYS.find((key) => !used.has(key));
}

/** Everything wrong with a codebook, in words an editor of it understands; empty when it is sound. */
export function codebookProblems(codebook: Codebook): string[] {
  const problems: string[] = [];
  const byKey = new Map<string, Tag>();
  const ids = new Set<string>();
  const groups = new Set(codebook.groups.map((g) => g.id));
  if (groups.size !== codebook.groups.length) problems.push('Two groups have the same id.');
  for (const tag of codebook.tags) {
    if (ids.has(tag.id)) problems.push(`Two tags have the id "${tag.id}".`);
    ids.add(tag.id);
    const clash = tag.hotkey === undefined ? undefined : byKey.get(tag.hotkey);
    if (clash) problems.push(`The key "${tag.hotkey}" is already used by "${clash.label}".`);
    else if (tag.hotkey !== undefined) byKey.set(tag.hotkey, tag);
    if (!groups.has(tag.group)) problems.push(`"${tag.label}" is in a group that does not exist ("${tag.group}").`);
  }
  const parents = new Map(codebook.tags.map((t) => [t.id, t.parent]));
  for (const tag of codebook.tags) {
    if (tag.parent === undefined) continue;
    if (!ids.has(tag.parent)) {
      problems.push(`"${tag.label}" names a parent that does not exist ("${tag.parent}").`);
      continue;
    }
    const seen = new Set([tag.id]);
    for (let up = parents.get(tag.id); up !== undefined; up = parents.get(up)) {
      if (seen.has(up)) {
        problems.push(`"${tag.label}" would be its own ancestor.`);
        break;
      }
      seen.add(up);
    }
  }
  for (const [attribute, values] of Object.entries(codebook.attributes)) {
    if (values.length === 0) problems.push(`${attribute} needs at least one value.`);
    if (new Set(values.map((v) => v.id)).size !== values.length) problems.push(`Two ${attribute} values share an id.`);
  }
  return problems;
}

/** The refusal when another tag than `tagId` has `key` already: it names that other tag. */
function hotkeyClash(codebook: Codebook, key: string | undefined, tagId: string | undefined): string | undefined {
  if (!key) return undefined;
  const other = codebook.tags.find((t) => t.hotkey === key && t.id !== tagId);
  return other && `The key "${key}" is already used by "${other.label}".`;
}

/** A schema refusal in words: which tag, group or value, which of its fields, and what is wrong. */
function describeIssue(before: Codebook, after: Codebook, issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'The codebook is not valid.';
  const [list, index, field] = issue.path;
  // Named as the editor last saw it: a label being emptied is still called by its old one.
  const labelIn = (codebook: Codebook) =>
    typeof index !== 'number'
      ? undefined
      : list === 'tags'
        ? codebook.tags[index]?.label
        : list === 'groups'
          ? codebook.groups[index]?.label
          : undefined;
  const label = labelIn(before) || labelIn(after);
  const subject = label ? `"${label}"` : `the new ${list === 'groups' ? 'group' : 'tag'}`;
  if ((list === 'tags' || list === 'groups') && typeof field === 'string') {
    return `The ${field} of ${subject} ${issue.message}.`;
  }
  if (list === 'attributes' && typeof index === 'string') return `A ${index} value ${issue.message}.`;
  const where = issue.path.join('.');
  return where ? `The ${where} ${issue.message}.` : `The codebook ${issue.message}.`;
}

function applyChange(codebook: Codebook, change: CodebookChange): Result<Codebook, string> {
  switch (change.kind) {
    case 'rename-codebook':
      return ok({ ...codebook, name: change.name });
    case 'add-group': {
      const id = slugify(change.label, new Set(codebook.groups.map((g) => g.id)));
      return ok({ ...codebook, groups: [...codebook.groups, { id, label: change.label }] });
    }
    case 'rename-group':
      return ok({
        ...codebook,
        groups: codebook.groups.map((g) => (g.id === change.groupId ? { ...g, label: change.label } : g)),
      });
    case 'remove-group': {
      const used = codebook.tags.filter((t) => t.group === change.groupId).length;
      if (used > 0) return fail(`The group still has ${used} tag(s): move or remove them first.`);
      return ok({ ...codebook, groups: codebook.groups.filter((g) => g.id !== change.groupId) });
    }
    case 'add-tag': {
      const clash = hotkeyClash(codebook, change.tag.hotkey, undefined);
      if (clash) return fail(clash);
      const id = slugify(change.tag.label, new Set(codebook.tags.map((t) => t.id)));
      return ok({ ...codebook, tags: [...codebook.tags, { ...change.tag, id }] });
    }
    case 'update-tag': {
      if (!codebook.tags.some((t) => t.id === change.tagId)) return fail(`No tag "${change.tagId}" in this codebook.`);
      const clash =
        change.patch.hotkey === undefined ? undefined : hotkeyClash(codebook, change.patch.hotkey, change.tagId);
      if (clash) return fail(clash);
      const tags = codebook.tags.map((t) => {
        if (t.id !== change.tagId) return t;
        // An empty key in the patch takes the tag's key away.
        const { parent, hotkey, ...rest } = { ...t, ...change.patch };
        if (hotkey) Object.assign(rest, { hotkey });
        return parent === undefined ? rest : { ...rest, parent };
      });
      return ok({ ...codebook, tags });
    }
    case 'remove-tag': {
      const child = codebook.tags.find((t) => t.parent === change.tagId);
      if (child) return fail(`"${child.label}" has this tag as its parent: change that first.`);
      return ok({ ...codebook, tags: codebook.tags.filter((t) => t.id !== change.tagId) });
    }
    case 'set-attribute-values':
      return ok({ ...codebook, attributes: { ...codebook.attributes, [change.attribute]: change.values } });
  }
}

/**
 * One edit of a codebook, checked: the result is the next version, or the reason it was refused
 * (a clashing key, a missing group, a cycle of parents…) with the codebook as it was.
 */
export function editCodebook(codebook: Codebook, change: CodebookChange): Result<Codebook, string> {
  const applied = applyChange(codebook, change);
  if (!applied.ok) return applied;
  const problems = codebookProblems(applied.value);
  if (problems.length > 0) return fail(problems[0] as string);
  const parsed = Codebook.safeParse({ ...applied.value, version: codebook.version + 1 });
  if (!parsed.success) return fail(describeIssue(codebook, applied.value, parsed.error.issues[0]));
  return ok(parsed.data);
}

/** Tags group by group, each parent followed by its children, with how deep each one sits. */
export function tagsInTreeOrder(codebook: Codebook): { tag: Tag; depth: number }[] {
  const ids = new Set(codebook.tags.map((t) => t.id));
  const children = new Map<string | undefined, Tag[]>();
  for (const tag of codebook.tags) {
    const parent = tag.parent !== undefined && ids.has(tag.parent) ? tag.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), tag]);
  }
  const ordered: { tag: Tag; depth: number }[] = [];
  const visit = (tag: Tag, depth: number) => {
    if (ordered.some((o) => o.tag.id === tag.id)) return;
    ordered.push({ tag, depth });
    for (const child of children.get(tag.id) ?? []) visit(child, depth + 1);
  };
  for (const group of codebook.groups) {
    for (const tag of children.get(undefined) ?? []) if (tag.group === group.id) visit(tag, 0);
  }
  for (const tag of codebook.tags) visit(tag, 0);
  return ordered;
}

/**
 * The ids of the tags and groups added since `saved`, made again from the labels they have now:
 * a tag added as "New tag" and renamed "Russophobia" is saved as `russophobia`, not `new-tag`.
 * Ids already saved never change (claims name them); parents and groups follow the new ids.
 */
export function settleNewIds(draft: Codebook, saved: Codebook): Codebook {
  const rename = (
    items: readonly { id: string; label: string }[],
    savedIds: ReadonlySet<string>,
  ): Map<string, string> => {
    const taken = new Set(items.filter((item) => savedIds.has(item.id)).map((item) => item.id));
    const renamed = new Map<string, string>();
    for (const item of items) {
      if (savedIds.has(item.id)) continue;
      const id = slugify(item.label, taken);
      taken.add(id);
      renamed.set(item.id, id);
    }
    return renamed;
  };
  const groups = rename(draft.groups, new Set(saved.groups.map((g) => g.id)));
  const tags = rename(draft.tags, new Set(saved.tags.map((t) => t.id)));
  return {
    ...draft,
    groups: draft.groups.map((g) => ({ ...g, id: groups.get(g.id) ?? g.id })),
    tags: draft.tags.map((t) => ({
      ...t,
      id: tags.get(t.id) ?? t.id,
      group: groups.get(t.group) ?? t.group,
      ...(t.parent === undefined ? {} : { parent: tags.get(t.parent) ?? t.parent }),
    })),
  };
}
