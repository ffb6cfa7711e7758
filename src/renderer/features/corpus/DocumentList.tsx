import type { CorpusListing } from '../../../shared/model/document';
import { languageName } from './language-names';

interface Props {
  listing: CorpusListing;
  claimCounts: ReadonlyMap<string, number>;
  openId: string | undefined;
  onOpen(id: string): void;
}

export function DocumentList({ listing, claimCounts, openId, onOpen }: Props) {
  return (
    <nav className="document-list" aria-label="Documents">
      <h2 className="panel-title">
        {listing.name} <span className="muted">· {listing.documents.length} documents</span>
      </h2>
      <ul>
        {listing.documents.map((doc) => {
          const claims = claimCounts.get(doc.id) ?? 0;
          return (
            <li key={doc.id}>
              <button
                type="button"
                className="document-item"
                aria-current={doc.id === openId ? 'true' : undefined}
                onClick={() => onOpen(doc.id)}
              >
                <span className="document-title">{doc.title}</span>
                <span className="document-meta">
                  <span className="language" title={languageName(doc.language)}>
                    {doc.language}
                  </span>
                  <span>{doc.id}</span>
                  {claims > 0 && <span className="claim-count">{claims === 1 ? '1 claim' : `${claims} claims`}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {listing.skipped.length > 0 && (
        <details className="skipped">
          <summary>{listing.skipped.length} files skipped</summary>
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
}
