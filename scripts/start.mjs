// `npm start`: the Electron app, or one clear line pointing to the browser host where Electron
// has no binary (its download is skipped or blocked on some machines).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

if (!electronBinary()) {
  console.error(
    'Electron is not installed on this machine (no binary in node_modules/electron); run `npm run serve` to use Framing Workbench in Chromium instead.',
  );
  process.exit(1);
}

const result = spawnSync('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
