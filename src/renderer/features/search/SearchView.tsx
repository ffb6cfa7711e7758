import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { type DocumentOrder, type HitOrder, orderHits } from '../../../shared/concordance';
import { documentSource, filterDocuments } from '../../../shared/corpus/document-filter';
import type { ConcordanceHit } from '../../../shared/host-api';
import { type Annotation, isLive } from '../../../shared/model/annotation';
import { allClaims } from '../../db/claim-queries';
import { statusesOf, useDocumentStates } from '../../db/document-states';
import type { TextRange } from '../../editor/selection-offsets';
import { WithNames } from '../../i18n/WithNames';
import { TagChip } from '../../lib/TagChip';
import { useClaimCounts, useCodebook, useSession, useTagBook } from '../../session/SessionContext';
import { DocumentFilterControls, type DocumentFilters, NO_DOCUMENT_FILTERS } from '../corpus';
import { CodeHits } from './CodeHits';
import { useSearchMessages } from './messages';
import { useConcordance } from './use-concordance';

/** What the analyst searched for: kept by the window, so that going to a hit and back keeps it. */
export interface SearchQuery {
  query: string;
  regex: boolean;
  /** Which documents to search, as the document list filters them. */
  filter: DocumentFilters;
  order: HitOrder;
  /** Leave out hits in titles, metadata and boilerplate. */
  bodyOnly: boolean;
}

export const NO_SEARCH: SearchQuery = {
  query: '',
  regex: false,
  filter: NO_DOCUMENT_FILTERS,
  order: 'document',
  bodyOnly: false,
};

const ORDERS: readonly HitOrder[] = ['document', 'date', 'source', 'left', 'right'];

interface Props {
  search: SearchQuery;
  onSearch(search: SearchQuery): void;
  /** Opens the document in Annotate with the range selected, ready for a tag's key. */
  onOpen(documentId: string, range: TextRange): void;
}

/** Search: every place a query occurs in the corpus, as keyword-in-context lines by document. */
export function SearchView({ search, onSearch, onOpen }: Props) {
  const session = useSession();
  const { listing } = session;
  const m = useSearchMessages();
  const { query, regex, filter, order, bodyOnly } = search;
  const codebook = useCodebook();
  const counts = useClaimCounts();
  const states = useDocumentStates(session);
  const tagLabels = useMemo(() => new Map(codebook.tags.map((t) => [t.id, t.label])), [codebook]);
  // The documents the filters leave, by id; all of them (undefined) while nothing is filtered.
  const { documents, undated } = useMemo(() => {
    if (filter === NO_DOCUMENT_FILTERS) return { documents: undefined, undated: 0 };
    const statusOf = statusesOf(states, counts);
    const { shown, undated } = filterDocuments(listing.documents, filter, {
      claimsOf: (id) => counts?.get(id),
      tags: codebook.tags,
      accept: (d) => !filter.status || statusOf(d.id) === filter.status,
    });
    return { documents: shown.map((d) => d.id), undated };
  }, [filter, listing, states, counts, codebook]);
  const concordance = useConcordance(query, regex, bodyOnly, documents);
  const syntaxId = useId();
  const titles = useMemo(() => new Map(listing.documents.map((d) => [d.id, d.title])), [listing]);
  const results = concordance.status === 'done' && concordance.results.ok ? concordance.results : undefined;
  const places = useMemo(
    () =>
      new Map<string, DocumentOrder>(
        listing.documents.map((d, place) => [d.id, { place, date: d.date, source: documentSource(d) }]),
      ),
    [listing],
  );
  const sections = useMemo(() => orderHits(results?.hits ?? [], order, places), [results, order, places]);
  const claims = useClaimsByDocument();
  // The hits chosen for coding, by document and offset; a new answer starts with none chosen.
  const [choice, setChoice] = useState<{ of: typeof results; keys: ReadonlySet<string> }>({
    of: undefined,
    keys: new Set(),
  });
  const chosen = choice.of === results ? choice.keys : NONE;
  const setChosen = (keys: ReadonlySet<string>) => setChoice({ of: results, keys });
  const chosenHits = useMemo(() => (results?.hits ?? []).filter((hit) => chosen.has(keyOf(hit))), [results, chosen]);
  const choose = (hit: ConcordanceHit, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(keyOf(hit));
    else next.delete(keyOf(hit));
    setChosen(next);
  };

  return (
    <section className="search-view" aria-label={m.concordance}>
      <header className="search-header">
        <h1 className="panel-title">
          <WithNames text={m.title(listing.name)} names={[listing.name]} />
        </h1>
        <div className="search-query">
          <input
            type="search"
            aria-label={m.query}
            aria-describedby={syntaxId}
            placeholder={m.queryHint}
            value={query}
            onChange={(event) => onSearch({ ...search, query: event.target.value })}
            spellCheck={false}
          />
          <label className="small">
            {m.order}{' '}
            <select
              className="code-hits-choice"
              value={order}
              onChange={(event) => onSearch({ ...search, order: event.target.value as HitOrder })}
            >
              {ORDERS.map((each) => (
                <option key={each} value={each}>
                  {m.orders[each]}
                </option>
              ))}
            </select>
          </label>
          <label className="small">
            <input
              type="checkbox"
              checked={regex}
              onChange={(event) => onSearch({ ...search, regex: event.target.checked })}
            />{' '}
            {m.regex}
          </label>
          <label className="small">
            <input
              type="checkbox"
              checked={bodyOnly}
              onChange={(event) => onSearch({ ...search, bodyOnly: event.target.checked })}
            />{' '}
            {m.bodyOnly}
          </label>
        </div>
        <div className="search-filters">
          <DocumentFilterControls
            listing={listing}
            tagLabels={tagLabels}
            filter={filter}
            undated={undated}
            onChange={(change) => onSearch({ ...search, filter: { ...filter, ...change } })}
          />
        </div>
        <p id={syntaxId} className="muted small search-syntax">
          {m.syntax}
        </p>
        <p className="search-summary" role="status">
          {concordance.status === 'searching' && m.searching}
          {results && m.summary(results.total, results.documents, documents?.length ?? listing.documents.length)}
          {results && results.hits.length < results.total && <> · {m.cut(results.hits.length)}</>}
        </p>
        {concordance.status === 'done' && !concordance.results.ok && (
          <p role="alert" className="error">
            {concordance.results.error}
          </p>
        )}
        {concordance.status === 'failed' && (
          <p role="alert" className="error">
            {m.failed(concordance.reason)}
          </p>
        )}
        {results && results.hits.length > 0 && (
          <div className="search-coding">
            <span className="search-choice">
              <button type="button" className="link" onClick={() => setChosen(new Set(results.hits.map(keyOf)))}>
                {m.selectAll}
              </button>
              <button type="button" className="link" onClick={() => setChosen(new Set())}>
                {m.selectNone}
              </button>
              <span className="muted">{m.selected(chosenHits.length, results.hits.length)}</span>
            </span>
            <CodeHits key={`${regex}:${query}`} hits={chosenHits} query={query} regex={regex} claims={claims} />
          </div>
        )}
      </header>
      <div className="search-results">
        {results?.total === 0 && <p className="muted">{m.noHits}</p>}
        {sections.map((section) => {
          const title = (id: string) => titles.get(id) ?? id;
          const list = (
            <ol key={section.document ?? 'all'}>
              {section.hits.map((hit) => (
                <li key={keyOf(hit)} className="kwic-item">
                  <input
                    type="checkbox"
                    aria-label={m.select}
                    checked={chosen.has(keyOf(hit))}
                    onChange={(event) => choose(hit, event.target.checked)}
                  />
                  <button
                    type="button"
                    className="kwic-line"
                    title={m.open(title(hit.document))}
                    onClick={() => onOpen(hit.document, { start: hit.start, end: hit.end })}
                  >
                    <span className="kwic-before" translate="no">
                      <span>{hit.before}</span>
                    </span>
                    <span className="kwic-after" translate="no">
                      <mark className="kwic-hit">{hit.quote}</mark>
                      {hit.after}
                    </span>
                  </button>
                  {section.document === undefined && (
                    <span className="kwic-document muted small" translate="no">
                      {title(hit.document)}
                    </span>
                  )}
                  <CodedAs claims={covering(claims?.get(hit.document), hit)} label={m.coded} />
                </li>
              ))}
            </ol>
          );
          return section.document === undefined ? (
            <section key="all" className="search-document" aria-label={m.orders[order]}>
              {list}
            </section>
          ) : (
            <section key={section.document} className="search-document" aria-label={title(section.document)}>
              <h2>
                <span translate="no">{title(section.document)}</span>{' '}
                <span className="muted">· {m.hitsIn(section.hits.length)}</span>
              </h2>
              {list}
            </section>
          );
        })}
      </div>
    </section>
  );
}

/** The live claims of the corpus by document, kept current as claims are made anywhere. */
function useClaimsByDocument(): Map<string, Annotation[]> | undefined {
  const session = useSession();
  return useLiveQuery(async () => {
    const byDocument = new Map<string, Annotation[]>();
    for (const claim of await allClaims(session)) {
      if (!isLive(claim)) continue;
      const list = byDocument.get(claim.documentId);
      if (list) list.push(claim);
      else byDocument.set(claim.documentId, [claim]);
    }
    return byDocument;
  }, [session]);
}

const NONE: ReadonlySet<string> = new Set();

const keyOf = (hit: ConcordanceHit) => `${hit.document}\u0000${hit.start}`;

const covering = (claims: readonly Annotation[] | undefined, hit: ConcordanceHit) =>
  (claims ?? []).filter((claim) => claim.target.start <= hit.start && claim.target.end >= hit.end);

/** The tags of the claims a hit already lies in. */
function CodedAs({ claims, label }: { claims: readonly Annotation[]; label: string }) {
  const tagBook = useTagBook();
  if (claims.length === 0) return null;
  return (
    <p className="kwic-coded">
      <span className="muted small">{label}</span>{' '}
      {claims.flatMap((claim) =>
        claim.tags.map((id) => (
          <TagChip key={`${claim.id}:${id}`} tag={tagBook.tag(claim, id)} codebookId={claim.codebookId} />
        )),
      )}
    </p>
  );
}
