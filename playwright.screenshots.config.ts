import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run screenshots`: the README's pictures, taken from the real app. Not part of npm test. */
export default defineConfig({
  ...base,
  projects: [{ ...base.projects?.[0], name: 'screenshots', testDir: 'e2e/screenshots' }],
  webServer: base.webServer,
});
