export { AutoBackup } from './AutoBackup';
export { BackupsButton } from './BackupsButton';
export { keepStorage } from './StorageInfo';
