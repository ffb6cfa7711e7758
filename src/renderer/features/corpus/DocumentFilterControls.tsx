import { useMemo } from 'react';
import {
  type DocumentFilter,
  documentSource,
  NO_DOCUMENT_FILTER,
  tagTree,
} from '../../../shared/corpus/document-filter';
import type { CorpusListing } from '../../../shared/model/document';
import { compareForDisplay } from '../../../shared/text/compare';
import type { DocumentStatus } from '../../db/document-states';
import { useLanguageName } from '../../i18n/language-names';
import { useStatusLabels } from '../../i18n/status-messages';
import { useCodebook } from '../../session/SessionContext';
import { useCorpusMessages } from './messages';

type StatusFilter = DocumentStatus | '';

/** The document list's filters with the analyst's status: what the list and the Search mode filter by. */
export interface DocumentFilters extends DocumentFilter {
  status: StatusFilter;
}

export const NO_DOCUMENT_FILTERS: DocumentFilters = { ...NO_DOCUMENT_FILTER, status: '' };

interface Props {
  listing: CorpusListing;
  tagLabels: ReadonlyMap<string, string>;
  filter: DocumentFilters;
  /** With a date range set, the documents without a date that pass the other filters. */
  undated: number;
  onChange(change: Partial<DocumentFilters>): void;
}

/** Language, status, tag present, source and dates: the filters of the corpus's documents. */
export function DocumentFilterControls({ listing, tagLabels, filter, undated, onChange }: Props) {
  const m = useCorpusMessages();
  const languageName = useLanguageName();
  const statusLabels = useStatusLabels();
  const codebook = useCodebook();
  const languages = useMemo(() => distinct(listing.documents.map((d) => d.language)), [listing]);
  const sources = useMemo(() => distinct(listing.documents.flatMap((d) => documentSource(d) ?? [])), [listing]);
  const tags = useMemo(() => tagTree(codebook.tags), [codebook]);
  return (
    <>
      <div className="filter-row">
        <select
          aria-label={m.language}
          value={filter.language}
          onChange={(e) => onChange({ language: e.target.value })}
        >
          <option value="">{m.allLanguages}</option>
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
        </select>
        <select
          aria-label={m.status}
          value={filter.status}
          onChange={(e) => onChange({ status: e.target.value as StatusFilter })}
        >
          <option value="">{m.anyStatus}</option>
          {Object.entries(statusLabels).map(([status, label]) => (
            <option key={status} value={status}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-row">
        <select aria-label={m.tagPresent} value={filter.tag} onChange={(e) => onChange({ tag: e.target.value })}>
          <option value="">{m.anyTags}</option>
          <option value="*">{m.withClaims}</option>
          <option value="-">{m.withoutClaims}</option>
          {/* A parent tag also finds the claims of the tags under it; the menu indents them. */}
          {tags.map(({ tag, depth }) => (
            <option key={tag.id} value={tag.id}>
              {'\u00a0\u00a0'.repeat(depth)}
              {m.tagged(tagLabels.get(tag.id) ?? tag.label)}
            </option>
          ))}
        </select>
      </div>
      {(sources.length > 0 || listing.documents.some((d) => d.date)) && (
        <div className="filter-row">
          {sources.length > 0 && (
            <select aria-label={m.source} value={filter.source} onChange={(e) => onChange({ source: e.target.value })}>
              <option value="">{m.allSources}</option>
              {sources.map((source) => (
                <option key={source} value={source}>
                  {source}
                </option>
              ))}
            </select>
          )}
          <input
            type="date"
            aria-label={m.fromDate}
            value={filter.from}
            onChange={(e) => onChange({ from: e.target.value })}
          />
          <input
            type="date"
            aria-label={m.toDate}
            value={filter.to}
            onChange={(e) => onChange({ to: e.target.value })}
          />
        </div>
      )}
      {(filter.from || filter.to) && undated > 0 && (
        <label className="filter-row small">
          <input
            type="checkbox"
            checked={filter.includeUndated}
            onChange={(e) => onChange({ includeUndated: e.target.checked })}
          />
          {m.includeUndated(undated)}
        </label>
      )}
    </>
  );
}

export const distinct = (values: string[]) => [...new Set(values)].sort(compareForDisplay);
