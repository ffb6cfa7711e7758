import type { Codebook, Tag } from './codebook';

/** A tag as a claim shows it: from the codebook and version the claim was made with. */
export interface ResolvedTag {
  id: string;
  label: string;
  colour: string;
  description?: string;
  /** The codebook's latest version no longer has this tag: shown with its last label, marked. */
  retired: boolean;
  /** No version of the claim's codebook is here: the label is the bare id until it is imported. */
  missing: boolean;
}

/** The colour of a tag nothing describes. */
const UNKNOWN_COLOUR = '#888888';

/**
 * Every version of every codebook at hand, for resolving a claim's tags through the codebook and
 * version it was made with, whichever codebook the corpus codes with now.
 */
export class TagBook {
  /** Each codebook's versions, newest first. */
  readonly #versions = new Map<string, Codebook[]>();

  constructor(codebooks: readonly Codebook[]) {
    for (const codebook of codebooks) {
      const versions = this.#versions.get(codebook.id) ?? [];
      if (!versions.some((v) => v.version === codebook.version)) versions.push(codebook);
      this.#versions.set(codebook.id, versions);
    }
    for (const versions of this.#versions.values()) versions.sort((a, b) => b.version - a.version);
  }

  /** The latest version of a codebook, if any is here. */
  latest(codebookId: string): Codebook | undefined {
    return this.#versions.get(codebookId)?.[0];
  }

  /**
   * A claim's tag: from the claim's own version; else the newest version before it that has the
   * tag; else any later one (a tag added after the claim's version was imported with it).
   */
  tag(claim: { codebookId: string; codebookVersion: number }, tagId: string): ResolvedTag {
    const versions = this.#versions.get(claim.codebookId);
    if (!versions) return { id: tagId, label: tagId, colour: UNKNOWN_COLOUR, retired: false, missing: true };
    const ordered = [
      ...versions.filter((v) => v.version <= claim.codebookVersion),
      ...versions.filter((v) => v.version > claim.codebookVersion).reverse(),
    ];
    const found = ordered.map((v) => v.tags.find((t) => t.id === tagId)).find((t): t is Tag => t !== undefined);
    const retired = !versions[0]?.tags.some((t) => t.id === tagId);
    if (!found) return { id: tagId, label: tagId, colour: UNKNOWN_COLOUR, retired: true, missing: false };
    return {
      id: tagId,
      label: found.label,
      colour: found.colour,
      description: found.description,
      retired,
      missing: false,
    };
  }

  /** A tag known only by its id (agreement tables, document labels): the newest codebook that has it. */
  anyTag(tagId: string, preferred?: Codebook): ResolvedTag {
    const inPreferred = preferred?.tags.find((t) => t.id === tagId);
    if (inPreferred && preferred)
      return this.tag({ codebookId: preferred.id, codebookVersion: preferred.version }, tagId);
    for (const [codebookId, versions] of this.#versions) {
      const holder = versions.find((v) => v.tags.some((t) => t.id === tagId));
      if (holder) return this.tag({ codebookId, codebookVersion: holder.version }, tagId);
    }
    return { id: tagId, label: tagId, colour: UNKNOWN_COLOUR, retired: false, missing: true };
  }
}
