import { contextBridge, ipcRenderer } from 'electron';
import { HOST_GLOBAL, HOST_METHODS, hostChannel } from '../shared/host-channels';

/** One function per contract call; the renderer never sees ipcRenderer itself. */
const host = Object.fromEntries(
  HOST_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(hostChannel(method), ...args)]),
);

contextBridge.exposeInMainWorld(HOST_GLOBAL, host);
