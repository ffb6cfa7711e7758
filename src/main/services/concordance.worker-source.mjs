// Starts concordance.worker.ts from its TypeScript source, where the host runs from source (the
// CLI, the browser host, tests); the Electron build runs the bundled worker instead.
import { register } from 'tsx/esm/api';

register();
await import('./concordance.worker.ts');
