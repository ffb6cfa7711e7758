export { findSuggestions, type PlacedClaim, type Suggestion, suggestionKey } from './find-suggestions';
export { PhraseBook, type PhraseTag, type SuggestionSource, type TaggedText } from './phrase-book';
