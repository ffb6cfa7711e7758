export { CorpusClaims } from './CorpusClaims';
