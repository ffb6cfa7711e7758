export { ImportControls } from './ImportControls';
export { readFiles } from './read-files';
