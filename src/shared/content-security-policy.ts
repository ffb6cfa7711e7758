/**
 * The renderer's Content-Security-Policy: only the app's own scripts and styles, no eval, no
 * inline script, no remote content. The host's API is same-origin (browser host) or IPC.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
