export { CodebookButton } from './CodebookButton';
export { LayerChoice } from './LayerChoice';
export { LayerList } from './LayerList';
export { TagList } from './TagList';
