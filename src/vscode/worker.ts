/**
 * Worker-thread entry (bundled to dist/worker.js): runs the engines off the extension
 * host thread and answers the requests of src/vscode/protocol.ts.
 */
import { parentPort } from 'node:worker_threads';
import { EngineService } from './engineService';
import { registerLexiconFile } from '../node/lexiconFile';
import { transferables, type EngineRequest, type EngineResponse } from './protocol';

registerLexiconFile(); // read lazily, on the first lexicon query, in this worker thread
const service = new EngineService();
const port = parentPort;
if (port) {
  port.on('message', (req: EngineRequest) => {
    let res: EngineResponse;
    try {
      res = { id: req.id, ok: true, result: service.handle(req) };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      res = { id: req.id, ok: false, error: { name: err.name, message: err.message, stack: err.stack } };
    }
    try {
      port.postMessage(res, res.ok ? transferables(res.result) : []);
    } catch (e) {
      port.postMessage({ id: req.id, ok: false, error: { name: 'Error', message: String(e) } });
    }
  });
}
