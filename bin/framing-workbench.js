#!/usr/bin/env node
// The CLI runs from its TypeScript source through tsx, so no build step stands between
// `npm install` and `npx framing-workbench`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/run.ts');
