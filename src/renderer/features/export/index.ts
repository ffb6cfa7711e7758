export { buildExport, type ExportChoice, exportFromDatabase } from './build-export';
export { ExportButton } from './ExportButton';
