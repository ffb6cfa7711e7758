export { AnnotateView } from './AnnotateView';
export { type ClaimFilter, ClaimFilters, matchesFilter, NO_FILTER } from './ClaimFilters';
export { ClaimSummary } from './ClaimSummary';
export { useAnnotateMessages } from './messages';
