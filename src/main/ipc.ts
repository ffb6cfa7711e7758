import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatchHostCall, type HostHandlers, type HostReply } from '../shared/host-api';
import { HOST_METHODS, hostChannel } from '../shared/host-channels';
import { fail } from '../shared/result';

/**
 * One IPC channel per contract call, on an allow-list. A call is answered only when it comes
 * from the app's own window and top frame at the app's own URL; its arguments are validated
 * before any handler runs.
 */
export function registerHostIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: HostHandlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
) {
  for (const method of HOST_METHODS) {
    ipcMain.handle(hostChannel(method), (event, ...args): Promise<HostReply> | HostReply => {
      if (!isTrustedSender(event)) return fail(`Refused ${method}: the request did not come from the app's window.`);
      return dispatchHostCall(handlers, method, args);
    });
  }
}
