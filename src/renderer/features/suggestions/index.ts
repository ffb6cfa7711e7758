export { SuggestionsPanel } from './SuggestionsPanel';
export { type DocumentSuggestions, useSuggestions } from './use-suggestions';
