import { BUILT_IN_CODEBOOKS } from '../codebooks/built-in';
import type { Codebook, Tag } from '../model/codebook';
import { DEFAULT_ATTRIBUTES } from '../model/codebook';
import type { XmlElement, XmlNode } from './xml';
import { childNamed, childrenNamed } from './xml';

/**
 * What REFI-QDA's two formats share: GUIDs, and the code system. Codes nest; a code with
 * `isCodable="false"` is a group. The app's groups become such codes, its tags codable codes
 * inside them, and a tag's parent the code it is nested in.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID is 128 bits, as a GUID is: a claim's GUID is its id, so a file re-imported finds its claims again. */
export function ulidToGuid(ulid: string): string {
  let value = 0n;
  for (const char of ulid) value = (value << 5n) | BigInt(CROCKFORD.indexOf(char));
  return formatGuid(value.toString(16).padStart(32, '0'));
}

export function guidToUlid(guid: string): string | undefined {
  const hex = guid.replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return undefined;
  let value = BigInt(`0x${hex}`);
  let ulid = '';
  for (let i = 0; i < 26; i++) {
    ulid = (CROCKFORD[Number(value & 31n)] as string) + ulid;
    value >>= 5n;
  }
  return ulid;
}

const formatGuid = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`.toUpperCase();

/**
 * A GUID that is always the same for the same key (a tag, a document, an annotator), so that
 * exporting the same work twice gives files that differ only where the work does. Four 32-bit
 * FNV-1a lanes with different offsets, each finished with a murmur mix: not cryptographic, and
 * it need not be: the keys are the analyst's own.
 */
export function stableGuid(key: string): string {
  const lanes = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    for (let l = 0; l < 4; l++) lanes[l] = Math.imul((lanes[l] as number) ^ code, 0x01000193 + 2 * l);
  }
  const hex = lanes.map((h, l) => (mix(h + l) >>> 0).toString(16).padStart(8, '0')).join('');
  return formatGuid(hex);
}

function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

export const codeGuid = (codebookId: string, tagId: string) => stableGuid(`code\u0000${codebookId}\u0000${tagId}`);

/** The names and colours of tags from codebooks other than the one exported, as claims carry them. */
export type OtherTags = ReadonlyMap<string, { label: string; colour: string }>;

/** The codebook as codes: each group a code that cannot be coded, holding its tags and their children. */
export function codesOf(codebook: Codebook, used: Iterable<string> = [], other: OtherTags = new Map()): XmlNode[] {
  const code = (tag: Tag): XmlNode => ({
    name: 'Code',
    attributes: { guid: codeGuid(codebook.id, tag.id), name: tag.label, isCodable: 'true', color: tag.colour },
    children: [
      ...(tag.description ? [{ name: 'Description', text: tag.description }] : []),
      ...codebook.tags.filter((t) => t.parent === tag.id).map(code),
    ],
  });
  const known = new Set(codebook.tags.map((t) => t.id));
  const groups = codebook.groups.map(
    (group): XmlNode => ({
      name: 'Code',
      attributes: {
        guid: stableGuid(`group\u0000${codebook.id}\u0000${group.id}`),
        name: group.label,
        isCodable: 'false',
      },
      children: codebook.tags.filter((t) => t.group === group.id && t.parent === undefined).map(code),
    }),
  );
  // Tags of other codebooks that claims carry still need a code each, or their codings would point nowhere.
  const others = [...new Set(used)]
    .filter((id) => !known.has(id))
    .sort()
    .map(
      (id): XmlNode => ({
        name: 'Code',
        attributes: {
          guid: codeGuid(codebook.id, id),
          name: other.get(id)?.label ?? id,
          isCodable: 'true',
          color: other.get(id)?.colour,
        },
      }),
    );
  return [...groups.filter((g) => (g.children ?? []).length > 0), ...others];
}

/** What a file's codes make: a codebook, and each code's tag label by GUID (codings name codes by GUID). */
export interface ReadCodes {
  codebook: Codebook;
  labels: Map<string, string>;
}

/** Keys in the order tags get them; the codes after the 36th are chosen from the tag menu. */
const HOTKEYS = '1234567890abcdefghijklmnopqrstuvwxyz';
const FALLBACK_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
const UNGROUPED = 'codes';

const slug = (name: string) =>
  name
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '') || 'code';

/** A file's code system as a codebook named `name`. */
export function readCodes(codes: XmlElement | undefined, name: string): ReadCodes {
  const shipped = shippedTagIds(codes);
  const tags: Tag[] = [];
  const groups: Codebook['groups'] = [];
  const labels = new Map<string, string>();
  const ids = new Set<string>();
  const unique = (base: string) => {
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  const visit = (element: XmlElement, group: string, parent: string | undefined) => {
    const guid = element.attributes.guid ?? '';
    const label = (element.attributes.name ?? '').trim() || guid;
    const codable = element.attributes.isCodable !== 'false' && element.attributes.isCodable !== '0';
    if (!codable) {
      const id = unique(slug(label));
      groups.push({ id, label });
      for (const child of childrenNamed(element, 'Code')) visit(child, id, undefined);
      return;
    }
    const shippedId = shipped.get(guid.toUpperCase());
    labels.set(guid.toUpperCase(), shippedId ?? label);
    const hotkey = HOTKEYS[tags.length];
    const colour = /^#[0-9a-f]{6}$/i.test(element.attributes.color ?? '')
      ? (element.attributes.color as string)
      : (expandShortColour(element.attributes.color) ??
        (FALLBACK_COLOURS[tags.length % FALLBACK_COLOURS.length] as string));
    const tag: Tag = {
      id: unique(shippedId ?? slug(label)),
      label,
      colour,
      ...(hotkey === undefined ? {} : { hotkey }),
      description: childNamed(element, 'Description')?.text.trim() ?? '',
      group,
      ...(parent === undefined ? {} : { parent }),
    };
    tags.push(tag);
    for (const child of childrenNamed(element, 'Code')) visit(child, group, tag.id);
  };
  for (const code of childrenNamed(codes, 'Code')) visit(code, UNGROUPED, undefined);
  if (tags.some((t) => t.group === UNGROUPED)) groups.unshift({ id: UNGROUPED, label: 'Codes' });
  const codebook: Codebook = {
    id: `refi-${slug(name)}`,
    version: 1,
    name,
    groups,
    tags,
    attributes: DEFAULT_ATTRIBUTES,
  };
  return { codebook, labels };
}

/**
 * A code system the app wrote from one of its shipped codebooks keeps that codebook's tag ids:
 * every codable code's GUID is the one codeGuid gives one of its tags.
 */
function shippedTagIds(codes: XmlElement | undefined): ReadonlyMap<string, string> {
  const guids: string[] = [];
  const collect = (element: XmlElement) => {
    if (element.attributes.isCodable !== 'false' && element.attributes.isCodable !== '0') {
      guids.push((element.attributes.guid ?? '').toUpperCase());
    }
    for (const child of childrenNamed(element, 'Code')) collect(child);
  };
  for (const code of childrenNamed(codes, 'Code')) collect(code);
  for (const codebook of BUILT_IN_CODEBOOKS) {
    const ids = new Map(codebook.tags.map((t) => [codeGuid(codebook.id, t.id), t.id]));
    if (guids.length > 0 && guids.every((guid) => ids.has(guid))) return ids;
  }
  return new Map();
}

function expandShortColour(colour: string | undefined): string | undefined {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(colour ?? '');
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : undefined;
}
