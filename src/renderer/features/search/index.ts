export { NO_SEARCH, type SearchQuery, SearchView } from './SearchView';
