export { type ContentPoint, Reader } from './Reader';
