// Worker-thread entry: converts the jobs the pool sends and posts the outputs (or the error) back.
import { parentPort, resourceLimits } from 'node:worker_threads';
import { type ConvertJob, runConvertJob } from './convert-job.js';
import { setWorkerHeapLimit } from './heap.js';
import { serializeError } from './remote-error.js';

setWorkerHeapLimit(resourceLimits.maxOldGenerationSizeMb);
const port = parentPort;
const encoder = new TextEncoder();
if (port) {
  port.on('message', async (message: { id: number; job: ConvertJob }) => {
    try {
      const result = await runConvertJob(message.job);
      // Text is encoded to UTF-8 here, off the main thread, into fresh buffers that are transferred (not
      // copied). Binary outputs are copied: a Uint8Array may be a view on Node's shared buffer pool.
      const outputs = result.outputs.map((o) => ({
        ...o,
        data: typeof o.data === 'string' ? encoder.encode(o.data) : o.data,
      }));
      const transfer = outputs.flatMap((o, i) =>
        typeof result.outputs[i]!.data === 'string' ? [(o.data as Uint8Array).buffer as ArrayBuffer] : [],
      );
      port.postMessage({ id: message.id, ok: true, result: { ...result, outputs } }, transfer);
    } catch (error) {
      port.postMessage({ id: message.id, ok: false, error: serializeError(error) });
    }
  });
}
