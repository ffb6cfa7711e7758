export { type Notice, NoticesProvider, useNotify } from './NoticesProvider';
