export { AnnotatorButton } from './AnnotatorButton';
export { AnnotatorDialog } from './AnnotatorDialog';
