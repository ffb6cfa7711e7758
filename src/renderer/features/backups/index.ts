export { AutoBackup } from './AutoBackup';
export { BackupsButton } from './BackupsButton';
