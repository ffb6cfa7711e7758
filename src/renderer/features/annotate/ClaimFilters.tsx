import { useMemo } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import type { Codebook } from '../../../shared/model/codebook';
import { compareForDisplay } from '../../../shared/text/compare';
import { useTagBook } from '../../session/SessionContext';
import { useAnnotateMessages } from './messages';

export interface ClaimFilter {
  tag: string;
  speaker: string;
  annotator: string;
}

export const NO_FILTER: ClaimFilter = { tag: '', speaker: '', annotator: '' };

/** An empty field matches every claim; `speaker` "-" matches claims with no speaker. */
export function matchesFilter(claim: Annotation, filter: ClaimFilter): boolean {
  if (filter.tag && !claim.tags.includes(filter.tag)) return false;
  if (filter.annotator && claim.annotator !== filter.annotator) return false;
  if (filter.speaker === '-') return !claim.attributes.speaker;
  return !filter.speaker || claim.attributes.speaker === filter.speaker;
}

const distinct = (values: Iterable<string | undefined>) =>
  [...new Set([...values].filter((v): v is string => Boolean(v)))].sort(compareForDisplay);

interface Props {
  claims: readonly Annotation[];
  codebook: Codebook;
  filter: ClaimFilter;
  onChange(filter: ClaimFilter): void;
  /** The corpus view also filters by annotator. */
  byAnnotator?: boolean;
}

/** Narrow a list of claims by tag, speaker and (optionally) annotator, from the values the claims have. */
export function ClaimFilters({ claims, codebook, filter, onChange, byAnnotator = false }: Props) {
  const m = useAnnotateMessages();
  const speakers = useMemo(() => distinct(claims.map((c) => c.attributes.speaker)), [claims]);
  const annotators = useMemo(() => distinct(claims.map((c) => c.annotator)), [claims]);
  const tagBook = useTagBook();
  const tags = useMemo(() => {
    const used = new Set(claims.flatMap((c) => c.tags));
    const known = codebook.tags.filter((t) => used.has(t.id)).map((t) => ({ id: t.id, label: t.label }));
    // Tags of claims made with another codebook, named as that codebook names them.
    const unknown = [...used]
      .filter((id) => !codebook.tags.some((t) => t.id === id))
      .map((id) => ({ id, label: tagBook.anyTag(id).label }));
    return [...known, ...unknown];
  }, [claims, codebook, tagBook]);
  return (
    <div className="claim-filters">
      <label>
        {m.tag}
        <select value={filter.tag} onChange={(event) => onChange({ ...filter, tag: event.target.value })}>
          <option value="">{m.anyTag}</option>
          {tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {m.speaker}
        <select value={filter.speaker} onChange={(event) => onChange({ ...filter, speaker: event.target.value })}>
          <option value="">{m.anySpeaker}</option>
          <option value="-">{m.noSpeaker}</option>
          {speakers.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {byAnnotator && (
        <label>
          {m.annotator}
          <select value={filter.annotator} onChange={(event) => onChange({ ...filter, annotator: event.target.value })}>
            <option value="">{m.anyone}</option>
            {annotators.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
