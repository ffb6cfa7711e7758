export { candidateDocuments, type WordIndex } from './candidates';
export { type CodedText, type Coding, type CodingPlan, planCoding } from './code-hits';
export { corpusConcordance, hitsInContext, MAX_LINES } from './corpus-concordance';
export { type Extent, extentOf } from './extent';
export { type ContextLine, findHits, type Hit, inContext } from './hits';
export { type DocumentOrder, type HitOrder, type HitSection, orderHits } from './order';
export { parseQuery, type Query, type QueryWord } from './query';
export { Stems, wordForm } from './stems';
