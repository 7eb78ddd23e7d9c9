// A child process speaking the eval protocol (JSON Lines on stdin/stdout), with write backpressure and
// response matching by id. Used by differential.mjs.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export class OracleProcess {
  /**
   * @param {string[]} command program and arguments
   * @param {(response: object, line: string) => void} onResponse called for every parsed response line
   * @param {(problem: string) => void} onProblem called for protocol-level failures (bad JSON, death, ...)
   * @param {number} idleSeconds how long the oracle may make no progress while we wait on it
   */
  constructor(command, onResponse, onProblem, idleSeconds) {
    this.command = command;
    this.idleSeconds = idleSeconds;
    this.onProblem = onProblem;
    this.exited = false;
    this.exitCode = undefined;
    this.lastActivity = Date.now();
    this.child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
    this.exitPromise = new Promise((resolve) => {
      this.child.on('error', (e) => {
        onProblem(`cannot run oracle "${command.join(' ')}": ${e.message}`);
        this.exited = true;
        resolve();
      });
      this.child.on('close', (code, signal) => {
        this.exited = true;
        this.exitCode = code;
        this.exitSignal = signal;
        resolve();
      });
    });
    this.child.stdin.on('error', (e) => {
      if (!this.stdinBroken) onProblem(`oracle stdin: ${e.code ?? e.message} (did the oracle exit early?)`);
      this.stdinBroken = true;
    });
    const lines = createInterface({ input: this.child.stdout, crlfDelay: Infinity });
    lines.on('line', (line) => {
      this.lastActivity = Date.now();
      if (line.trim() === '') return;
      let response;
      try {
        response = JSON.parse(line);
      } catch {
        onProblem(`oracle wrote a line that is not JSON: ${line.slice(0, 200)}`);
        return;
      }
      onResponse(response, line);
    });
  }

  /** Writes one request line; resolves when the pipe can take more (backpressure) or the oracle is gone. */
  async send(request) {
    if (this.exited || this.stdinBroken) return false;
    if (this.child.stdin.write(JSON.stringify(request) + '\n')) return true;
    await this.#blocked(new Promise((resolve) => {
      const done = () => {
        this.child.stdin.off('drain', done);
        this.child.stdin.off('close', done);
        resolve();
      };
      this.child.stdin.once('drain', done);
      this.child.stdin.once('close', done);
      this.exitPromise.then(done);
    }));
    return !(this.exited || this.stdinBroken);
  }

  /** Closes stdin and waits for the oracle to exit. */
  async finish() {
    if (!this.stdinBroken) this.child.stdin.end();
    await this.#blocked(this.exitPromise);
  }

  /**
   * Waits for `promise` while watching the oracle: if it neither reads nor writes for `idleSeconds`, it is
   * stuck, so it is killed (which settles every wait).
   */
  async #blocked(promise) {
    const since = Date.now();
    const watchdog = setInterval(() => {
      if (!this.exited && Date.now() - Math.max(since, this.lastActivity) > this.idleSeconds * 1000) {
        this.onProblem(`oracle made no progress for ${this.idleSeconds} s: killed`);
        this.child.kill('SIGKILL');
        clearInterval(watchdog);
      }
    }, 250);
    try {
      await promise;
    } finally {
      clearInterval(watchdog);
    }
  }
}
