/**
 * Worker-thread entry (bundled to dist/worker.js): runs the engines off the extension
 * host thread and answers the requests of src/vscode/protocol.ts.
 */
import { parentPort } from 'node:worker_threads';
import { EngineService } from './engineService';
import { extractSource } from '../extract/index';
import { transferables, type EngineRequest, type EngineResponse } from './protocol';

// PDF and Word files are read here, in the worker (pdf.js and mammoth), never on the extension host.
const service = new EngineService(extractSource);
const port = parentPort;
/** Requests run one after another (an upsert that extracts a PDF is asynchronous). */
let queue: Promise<void> = Promise.resolve();
if (port) {
  port.on('message', (req: EngineRequest) => {
    queue = queue.then(() => answer(req));
  });
}

async function answer(req: EngineRequest): Promise<void> {
  if (!port) return;
  let res: EngineResponse;
    try {
      res = { id: req.id, ok: true, result: await service.handle(req) };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const code = (err as { code?: unknown }).code;
      res = { id: req.id, ok: false, error: { name: err.name, message: err.message, stack: err.stack, ...(typeof code === 'string' ? { code } : {}) } };
    }
    try {
      port.postMessage(res, res.ok ? transferables(res.result) : []);
    } catch (e) {
      port.postMessage({ id: req.id, ok: false, error: { name: 'Error', message: String(e) } });
    }
}
