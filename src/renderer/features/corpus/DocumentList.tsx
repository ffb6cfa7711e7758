import { Fragment, memo, useEffect, useMemo, useRef, useState } from 'react';
import { type DocumentClaimSummary, documentSource, filterDocuments } from '../../../shared/corpus/document-filter';
import { markWords, wordPattern } from '../../../shared/corpus/search-words';
import type { SearchHit, SearchPart } from '../../../shared/host-api';
import type { CorpusListing } from '../../../shared/model/document';
import type { DocumentStatus } from '../../db/document-states';
import type { MissingDocument } from '../../db/missing-documents';
import { useOrphanCounts } from '../../db/orphans';
import { useLanguageName } from '../../i18n/language-names';
import { useRows } from '../../lib/use-rows';
import { VirtualRows } from '../../lib/VirtualRows';
import { useCodebook, useSession } from '../../session/SessionContext';
import { DocumentFilterControls, type DocumentFilters, NO_DOCUMENT_FILTERS } from './DocumentFilterControls';
import { useCorpusMessages } from './messages';
import { useSearch } from './use-corpus';

interface Props {
  listing: CorpusListing;
  /** Live claims per document, and the tags they use. */
  claims: ReadonlyMap<string, DocumentClaimSummary>;
  tagLabels: ReadonlyMap<string, string>;
  /** Each document's status as the analyst set it or as its claims imply. */
  statusOf(id: string): DocumentStatus;
  /** Documents the corpus's claims point to that are not in the folder. */
  missing: readonly MissingDocument[];
  openId: string | undefined;
  onOpen(id: string): void;
  /** Told the search's hits as they change (none while nothing is searched), for the reader to mark. */
  onHits?(hits: readonly SearchHit[] | undefined): void;
}

/** The shared filters (shared/corpus/document-filter.ts) with the analyst's status, and the search. */
interface Filters extends DocumentFilters {
  query: string;
  /** Match words spelt differently too, not only when nothing matches exactly. */
  approximate: boolean;
}

const NO_FILTERS: Filters = { ...NO_DOCUMENT_FILTERS, query: '', approximate: false };

/** Every document of the corpus, searchable and filterable; only the rows in view are drawn. */
export const DocumentList = memo(function DocumentList({
  listing,
  claims,
  tagLabels,
  statusOf,
  missing,
  openId,
  onOpen,
  onHits,
}: Props) {
  const m = useCorpusMessages();
  const languageName = useLanguageName();
  const codebook = useCodebook();
  const notPlaced = useOrphanCounts(useSession());
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const results = useSearch(filters.query, filters.approximate);
  const hits = results?.hits;
  useEffect(() => onHits?.(hits), [hits, onHits]);
  const scroller = useRef<HTMLDivElement>(null);

  const { shown, undated } = useMemo(() => {
    const byId = new Map(listing.documents.map((d) => [d.id, d]));
    const base = hits ? hits.flatMap((hit) => byId.get(hit.id) ?? []) : listing.documents;
    return filterDocuments(base, filters, {
      claimsOf: (id) => claims.get(id),
      tags: codebook.tags,
      accept: (d) => !filters.status || statusOf(d.id) === filters.status,
    });
  }, [listing, hits, filters, claims, statusOf, codebook]);

  const hitOf = useMemo(() => new Map(hits?.map((hit) => [hit.id, hit])), [hits]);
  // Asked or not, the analyst is told when no hit matches exactly.
  const onlyApproximate =
    !filters.approximate && hits !== undefined && hits.length > 0 && hits.every((h) => h.approximate);

  const rows = useRows({ count: shown.length, scroller, estimate: 76 });
  const set = (change: Partial<Filters>) => setFilters({ ...filters, ...change });
  const filtered = shown.length !== listing.documents.length;

  return (
    <nav className="document-list" aria-label={m.documents}>
      <h2 className="panel-title" title={listing.root}>
        <span translate="no">{listing.name}</span>{' '}
        <span className="muted">
          · {filtered ? m.shownOf(shown.length, listing.documents.length) : m.documentCount(listing.documents.length)}
        </span>
      </h2>
      <div className="document-filters">
        <input
          type="search"
          placeholder={m.searchHint}
          aria-label={m.search}
          value={filters.query}
          onChange={(event) => set({ query: event.target.value })}
        />
        <label className="small search-approximate" title={m.approximateHint}>
          <input
            type="checkbox"
            checked={filters.approximate}
            onChange={(event) => set({ approximate: event.target.checked })}
          />
          {m.approximate}
        </label>
        {onlyApproximate && (
          <p className="muted small search-notice" role="status">
            {m.approximateOnly}
          </p>
        )}
        {results && results.total > results.hits.length && (
          <p className="muted small search-notice" role="status">
            {m.bestOf(results.hits.length, results.total)}
          </p>
        )}
        <DocumentFilterControls
          listing={listing}
          tagLabels={tagLabels}
          filter={filters}
          undated={undated}
          onChange={set}
        />
      </div>
      <div className="document-scroll" ref={scroller}>
        <VirtualRows rows={rows} items={shown} keyOf={(doc) => doc.id} ordered={false}>
          {(doc) => {
            const count = claims.get(doc.id)?.count ?? 0;
            const hit = hitOf.get(doc.id);
            return (
              <button
                type="button"
                className="document-item"
                aria-current={doc.id === openId ? 'true' : undefined}
                onClick={() => onOpen(doc.id)}
                title={doc.id}
              >
                <span className="document-title" translate="no">
                  {hit ? <TitleMarks title={doc.title} hit={hit} /> : doc.title}
                </span>
                {hit && (
                  <span className="document-snippet" translate="no">
                    <Marked parts={hit.snippet} />
                  </span>
                )}
                <span className="document-meta">
                  <span className="language" title={languageName(doc.language)} translate="no">
                    {doc.language}
                  </span>
                  {doc.date ? <span>{doc.date}</span> : <span className="muted">{m.undated}</span>}
                  <span className="document-id" translate="no">
                    {documentSource(doc) ?? m.noSource}
                  </span>
                  {count > 0 && <span className="claim-count">{m.claims(count)}</span>}
                  {statusOf(doc.id) === 'done' && <span className="status-done">{m.done}</span>}
                  {(notPlaced?.get(doc.id) ?? 0) > 0 && (
                    <span className="badge warn">{m.notPlaced(notPlaced?.get(doc.id) ?? 0)}</span>
                  )}
                  {hit?.approximate && filters.approximate && <span className="approximate">{m.approximateHit}</span>}
                </span>
              </button>
            );
          }}
        </VirtualRows>
        {shown.length === 0 && <p className="muted small">{m.noMatch}</p>}
      </div>
      {missing.length > 0 && (
        <details className="missing-documents" open>
          <summary>{m.missing(missing.length)}</summary>
          <ul>
            {missing.map((doc) => (
              <li key={doc.id}>
                <button
                  type="button"
                  className="document-item"
                  aria-current={doc.id === openId ? 'true' : undefined}
                  onClick={() => onOpen(doc.id)}
                >
                  <span className="document-title">{doc.id}</span>
                  <span className="document-meta">
                    {doc.claims > 0 && <span className="claim-count">{m.claims(doc.claims)}</span>}
                    {doc.notPlaced > 0 && <span>{m.notPlaced(doc.notPlaced)}</span>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {listing.skipped.length > 0 && (
        <details className="skipped">
          <summary>{m.skipped(listing.skipped.length)}</summary>
          <ul>
            {listing.skipped.map((file) => (
              <li key={file.path}>
                {file.path}: {file.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </nav>
  );
});

/** Text with the searched words in <mark>: React elements over the text, never markup from it. */
function Marked({ parts }: { parts: readonly SearchPart[] }) {
  return parts.map((part, i) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move, so their places are their keys
    part.mark ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>,
  );
}

const TitleMarks = ({ title, hit }: { title: string; hit: SearchHit }) => (
  <Marked parts={markWords(title, wordPattern(hit.terms))} />
);
