import type { App, IpcMainInvokeEvent, Session } from 'electron';

/** No navigation, no new windows, no webviews, no permissions: the window only ever shows the app. */
export function lockDownContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
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
