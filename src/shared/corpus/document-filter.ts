import type { Tag } from '../model/codebook';
import type { DocumentSummary } from '../model/document';
import { domainOf } from './outlets';

/** The document list's filters; an empty string means "any". */
export interface DocumentFilter {
  language: string;
  /** A source as `documentSource` gives it. */
  source: string;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  from: string;
  to: string;
  /**
   * When a date range is set, whether documents without a date stay listed. A range says nothing
   * about them, so they stay unless the analyst says otherwise.
   */
  includeUndated: boolean;
  /** '*' with claims, '-' without claims, or a tag id: claims with that tag or any tag under it. */
  tag: string;
}

export const NO_DOCUMENT_FILTER: DocumentFilter = {
  language: '',
  source: '',
  from: '',
  to: '',
  includeUndated: true,
  tag: '',
};

/** A document's live claims and the tags they use. */
export interface DocumentClaimSummary {
  count: number;
  tags: ReadonlySet<string>;
}

/**
 * Where a document comes from, for listing and filtering: the source the file or the page names,
 * else the domain of its URL ("example.com"). Undefined when neither is known.
 */
export function documentSource(doc: Pick<DocumentSummary, 'source' | 'url'>): string | undefined {
  return doc.source || domainOf(doc.url);
}

/** `id` and every tag under it, at any depth (a cycle in a hand-edited codebook ends the walk). */
export function tagWithDescendants(tags: readonly Pick<Tag, 'id' | 'parent'>[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const tag of tags) {
    if (tag.parent === undefined) continue;
    const siblings = children.get(tag.parent);
    if (siblings) siblings.push(tag.id);
    else children.set(tag.parent, [tag.id]);
  }
  const found = new Set([id]);
  const queue = [id];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const child of children.get(next) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      queue.push(child);
    }
  }
  return found;
}

/** Tags in tree order (each parent followed by its children) with their depth, for a menu. */
export function tagTree<T extends Pick<Tag, 'id' | 'parent'>>(tags: readonly T[]): { tag: T; depth: number }[] {
  const ids = new Set(tags.map((tag) => tag.id));
  const isRoot = (tag: T) => tag.parent === undefined || !ids.has(tag.parent) || tag.parent === tag.id;
  const out: { tag: T; depth: number }[] = [];
  const placed = new Set<string>();
  const visit = (tag: T, depth: number) => {
    if (placed.has(tag.id)) return;
    placed.add(tag.id);
    out.push({ tag, depth });
    for (const child of tags) if (child.parent === tag.id && !isRoot(child)) visit(child, depth + 1);
  };
  for (const tag of tags) if (isRoot(tag)) visit(tag, 0);
  // Tags caught in a parent cycle have no root: list them at the top level rather than lose them.
  for (const tag of tags) visit(tag, 0);
  return out;
}

export interface FilteredDocuments<D> {
  shown: D[];
  /**
   * With a date range set: the documents without a date that pass every other filter (listed or
   * not, as `includeUndated` says). 0 without a range.
   */
  undated: number;
}

/**
 * The documents that pass `filter`, in their given order. `accept` adds a test of the caller's
 * (the analyst's status, say); `tags` is the codebook's tags, for the hierarchy.
 */
export function filterDocuments<D extends DocumentSummary>(
  documents: readonly D[],
  filter: DocumentFilter,
  options: {
    claimsOf(id: string): DocumentClaimSummary | undefined;
    tags: readonly Pick<Tag, 'id' | 'parent'>[];
    accept?(doc: D): boolean;
  },
): FilteredDocuments<D> {
  const wanted =
    filter.tag && filter.tag !== '*' && filter.tag !== '-' ? tagWithDescendants(options.tags, filter.tag) : undefined;
  const ranged = Boolean(filter.from || filter.to);
  const shown: D[] = [];
  let undated = 0;
  for (const doc of documents) {
    if (filter.language && doc.language !== filter.language) continue;
    if (filter.source && documentSource(doc) !== filter.source) continue;
    if (!hasTags(options.claimsOf(doc.id), filter.tag, wanted)) continue;
    if (options.accept && !options.accept(doc)) continue;
    if (ranged && !doc.date) {
      undated++;
      if (!filter.includeUndated) continue;
    } else if (doc.date && ((filter.from && doc.date < filter.from) || (filter.to && doc.date > filter.to))) continue;
    shown.push(doc);
  }
  return { shown, undated };
}

function hasTags(claims: DocumentClaimSummary | undefined, tag: string, wanted: ReadonlySet<string> | undefined) {
  const count = claims?.count ?? 0;
  if (tag === '*') return count > 0;
  if (tag === '-') return count === 0;
  if (!wanted || !claims) return !wanted;
  for (const id of claims.tags) if (wanted.has(id)) return true;
  return false;
}
