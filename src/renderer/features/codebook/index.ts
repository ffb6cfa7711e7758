export { CodebookButton } from './CodebookButton';
export { TagList } from './TagList';
