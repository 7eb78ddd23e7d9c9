// Worker thread for RunnerPool: its own EVM with the twins deployed.
import { parentPort } from 'node:worker_threads';
import { TwinRunner } from './runner.mjs';

const runner = TwinRunner.create();
// Chunks run one after another: one EVM must not interleave two messages.
let tail = Promise.resolve();
parentPort.on('message', ({ seq, op, cases }) => {
  tail = tail.then(async () => {
    try {
      parentPort.postMessage({ seq, results: await (await runner).run(op, cases) });
    } catch (e) {
      parentPort.postMessage({ seq, error: e.stack ?? e.message });
    }
  });
});
