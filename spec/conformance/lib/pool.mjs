// Runs case chunks on TwinRunners in worker threads (one EVM per thread), results in submission order.
// With jobs = 1 everything runs in the calling thread. One EVM must never run two messages at once (they would
// share its journal), so each runner executes its chunks strictly one after another.
import { Worker } from 'node:worker_threads';
import { TwinRunner } from './runner.mjs';

export class RunnerPool {
  /** @private use RunnerPool.create() */
  constructor(jobs, local, workers) {
    this.jobs = jobs;
    this.local = local;
    this.workers = workers;
    this.next = 0;
    this.waiting = new Map();
    this.seq = 0;
    this.localTail = Promise.resolve();
  }

  static async create(jobs) {
    if (jobs <= 1) return new RunnerPool(1, await TwinRunner.create(), []);
    const workers = Array.from({ length: jobs }, () => new Worker(new URL('./pool-worker.mjs', import.meta.url)));
    const pool = new RunnerPool(jobs, null, workers);
    for (const w of workers) {
      w.on('message', ({ seq, results, error }) => {
        const p = pool.waiting.get(seq);
        pool.waiting.delete(seq);
        if (error) p.reject(new Error(`EVM worker: ${error}`));
        else p.resolve(results);
      });
      w.on('error', (e) => {
        for (const p of pool.waiting.values()) p.reject(e);
        pool.waiting.clear();
      });
    }
    return pool;
  }

  /** Starts running one chunk of cases of one op; resolves to the eval-form results in case order. */
  run(op, cases) {
    if (this.local) {
      const result = this.localTail.then(() => this.local.run(op, cases));
      this.localTail = result.catch(() => {});
      return result;
    }
    const seq = this.seq++;
    const worker = this.workers[this.next];
    this.next = (this.next + 1) % this.workers.length;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      worker.postMessage({ seq, op, cases });
    });
  }

  async close() {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
