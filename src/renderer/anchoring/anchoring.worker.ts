import { type AnchoringJob, perform } from './jobs';

self.onmessage = (event: MessageEvent<AnchoringJob>) => perform(event.data, (reply) => self.postMessage(reply));
