// Worker-thread entry: converts the jobs the pool sends and posts the outputs (or the error) back.
import { parentPort } from 'node:worker_threads';
import { type ConvertJob, runConvertJob } from './job.js';
import { serializeError } from './remote-error.js';

const port = parentPort;
if (port) {
  port.on('message', async (message: { id: number; job: ConvertJob }) => {
    try {
      const result = await runConvertJob(message.job);
      // Not transferred: a Uint8Array may be a view on Node's shared buffer pool. Cloning is cheap here.
      port.postMessage({ id: message.id, ok: true, result });
    } catch (error) {
      port.postMessage({ id: message.id, ok: false, error: serializeError(error) });
    }
  });
}
