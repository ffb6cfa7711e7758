import { existsSync } from 'node:fs';

/** Debian's Chromium where installed (Playwright cannot download its own browser everywhere). */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Chromium to launch: Debian's when present, Playwright's own otherwise. */
export const chromiumPath = existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;

/**
 * The flags every Chromium of the tests runs with: no sandbox (tests run as root in CI), no GPU,
 * and none of the background connections this machine's closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
