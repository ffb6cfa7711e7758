export { DocumentList } from './DocumentList';
export { OpenCorpusButton } from './OpenCorpusButton';
export { useCorpusListing } from './use-corpus';
