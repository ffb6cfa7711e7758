export { findSuggestions, type PlacedClaim, type Suggestion, suggestionKey } from './find-suggestions';
export { PhraseBook, PhraseForms, type PhraseTag, type SuggestionSource, type TaggedText } from './phrase-book';
