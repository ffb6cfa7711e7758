export { DocumentFilterControls, type DocumentFilters, NO_DOCUMENT_FILTERS } from './DocumentFilterControls';
export { DocumentList } from './DocumentList';
export { OpenCorpusButton } from './OpenCorpusButton';
export { useCorpusListing } from './use-corpus';
