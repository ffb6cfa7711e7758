import type { App, IpcMainInvokeEvent, Session } from 'electron';
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/content-security-policy';

/**
 * No navigation, no new windows, no webviews: the window only ever shows the app. A middle-,
 * ctrl- or shift-click on a link asks for a new window, so the deny below refuses those too.
 */
export function lockDownContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/**
 * Every response carries the app's Content-Security-Policy as a header, besides the built page's
 * meta tag; any other header passes as it came.
 */
export function sendContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, ...CONTENT_SECURITY_POLICY_HEADER } });
  });
}

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** A sender is trusted when it is the main window's top frame showing the app's own page. */
export function trustedSender(getWindowContentsId: () => number | undefined, appUrl: string) {
  return (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return (
      event.sender.id === getWindowContentsId() &&
      frame !== null &&
      frame.parent === null &&
      stripHash(frame.url) === stripHash(appUrl)
    );
  };
}

const stripHash = (url: string) => url.split('#')[0];
