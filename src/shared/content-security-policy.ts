/**
 * The renderer's Content-Security-Policy: only the app's own scripts and styles, no eval, no
 * inline script, no remote content. The host's API is same-origin (browser host) or IPC.
 *
 * Written once, as one literal in the response-header shape Electron's session takes: that is the
 * only form Electronegativity's CSP check reads (it follows no constants), so `npm run security`
 * grades this very policy. The Electron window gets it as a header (src/main/security.ts) and, in
 * the built page, as a meta tag (electron.vite.config.ts); the browser host sends it as a header.
 */
type PolicyHeader = { readonly 'Content-Security-Policy': [policy: string] };

const ELECTRON_RESPONSE = Object.freeze({
  responseHeaders: Object.freeze<PolicyHeader>({
    'Content-Security-Policy': [
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'",
    ],
  }),
});

/** The header Electron's session adds to every response (src/main/security.ts). */
export const CONTENT_SECURITY_POLICY_HEADER: PolicyHeader = ELECTRON_RESPONSE.responseHeaders;

export const CONTENT_SECURITY_POLICY: string = CONTENT_SECURITY_POLICY_HEADER['Content-Security-Policy'][0];
