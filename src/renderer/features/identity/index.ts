export { AnnotatorDialog } from './AnnotatorDialog';
