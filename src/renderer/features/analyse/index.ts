export { AnalyseView } from './AnalyseView';
