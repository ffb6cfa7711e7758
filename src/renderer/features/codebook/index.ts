export { CodebookButton } from './CodebookButton';
export { LayerList } from './LayerList';
export { TagList } from './TagList';
