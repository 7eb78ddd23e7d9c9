import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OP_NAMES } from '../lib/ops.mjs';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mock = ['node', 'test/mock-oracle.mjs'];
const modelOracle = ['node', 'test/model-oracle.mjs'];

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['differential.mjs', ...args], { cwd: pkg, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const m = /^differential: (\d+) cases, (\d+) mismatches$/m.exec(out);
      resolve({ code, out, err, cases: m ? Number(m[1]) : undefined, mismatches: m ? Number(m[2]) : undefined });
    });
  });
}

const small = ['--seed', '0x77', '--cases', '120', '--ops', 'add,mulDiv,wadMul,wDivUp,rpow'];

test('a correct oracle passes: exit 0 and the exact summary line', async () => {
  const r = await run([...small, '--jobs', '2', '--', ...mock]);
  assert.equal(r.code, 0, r.out + r.err);
  assert.equal(r.cases, 600);
  assert.equal(r.mismatches, 0);
  assert.match(r.out, /^differential: seed 0x77, 120 cases per op, 5 ops, 2 EVM thread\(s\)$/m);
  assert.match(r.out, /^replay: node spec\/conformance\/differential.mjs --seed 0x77 --cases 120 --ops add,mulDiv,wadMul,wDivUp,rpow -- node test\/mock-oracle.mjs$/m);
  assert.match(r.out, /^mulDiv +120 +\d+ +\d+ +0 /m);
});

test('an independent oracle (BigInt models) agrees on every op', async () => {
  const r = await run(['--seed', '0x78', '--cases', '150', '--jobs', '1', '--', ...modelOracle]);
  assert.equal(r.code, 0, r.out + r.err);
  assert.equal(r.cases, 150 * OP_NAMES.length);
  assert.equal(r.mismatches, 0);
});

test('a wrong oracle is caught: mismatches printed in full, exit 1', async () => {
  const r = await run([...small, '--', ...mock, '--corrupt', '7']);
  assert.equal(r.code, 1);
  assert.equal(r.cases, 600);
  // Every 7th answer is corrupted in a rotating way (value +1, other or upper-case revert data, ok/revert
  // swapped, a JSON number instead of a string, an extra value): each one must count.
  assert.equal(r.mismatches, Math.floor(600 / 7));
  assert.match(r.out, /first 10 mismatch\(es\)/);
  assert.equal(r.out.match(/^ {2}\[/gm).length, 10);
  for (const why of ['wrong value', 'expected ok']) assert.match(r.out, new RegExp(`\\[${why}\\]`));
  assert.match(r.out, /    evm: +\{"(ok|revert)"/);
});

test('an "error" response is an oracle failure', async () => {
  const r = await run([...small, '--', ...mock, '--error-every', '100']);
  assert.equal(r.code, 1);
  assert.equal(r.mismatches, 6);
  assert.match(r.out, /oracle error: mock: deliberate error/);
});

test('a missing response line is a failure', async () => {
  const r = await run([...small, '--', ...mock, '--drop', '250']);
  assert.equal(r.code, 1);
  assert.equal(r.mismatches, 2);
  assert.match(r.out, /oracle failure: 2 request\(s\) got no response line/);
});

test('an oracle that dies is a failure', async () => {
  const r = await run([...small, '--', ...mock, '--die-after', '100']);
  assert.equal(r.code, 1);
  // How many cases were still sent after the death depends on timing; at least the unanswered ones count.
  assert.ok(r.mismatches >= 1, r.out);
  assert.match(r.out, /oracle exited with code 3/);
});

test('a non-zero oracle exit code is a failure even when every answer matched', async () => {
  const r = await run([...small, '--', ...mock, '--exit-code', '5']);
  assert.equal(r.code, 1);
  assert.equal(r.mismatches, 0);
  assert.match(r.out, /oracle exited with code 5/);
});

test('an oracle that cannot start is a failure', async () => {
  const r = await run([...small, '--', 'definitely-not-a-command-liqengine']);
  assert.equal(r.code, 1);
  assert.match(r.out, /cannot run oracle/);
});

test('writes wait for a slow reader (backpressure) and every line still arrives', async () => {
  // ~2 MB of requests: far more than a pipe buffer, written while the oracle reads nothing.
  const r = await run(['--seed', '9', '--cases', '10000', '--ops', 'add', '--', ...modelOracle, '--delay-ms', '1500']);
  assert.equal(r.code, 0, r.out + r.err);
  assert.equal(r.cases, 10000);
  assert.equal(r.mismatches, 0);
});

test('without --seed a fresh seed is printed with a replay line that reproduces the run', async () => {
  const first = await run(['--cases', '60', '--ops', 'rpow', '--', ...modelOracle]);
  assert.equal(first.code, 0);
  const seed = /^differential: seed (0x[0-9a-f]{16}) \(fresh\)/m.exec(first.out)?.[1];
  assert.ok(seed, first.out);
  assert.match(first.out, new RegExp(`^replay: .*--seed ${seed} --cases 60 --ops rpow -- node test/model-oracle.mjs$`, 'm'));
  const again = await run(['--seed', seed, '--cases', '60', '--ops', 'rpow', '--', ...modelOracle]);
  const table = (o) => /^rpow .*$/m.exec(o)[0];
  assert.equal(table(again.out), table(first.out));
});

test('a stuck oracle is killed after --idle-timeout and fails the run', async () => {
  const neverReads = await run(['--seed', '1', '--cases', '5000', '--ops', 'add,sub', '--idle-timeout', '2', '--', 'sleep', '600']);
  assert.equal(neverReads.code, 1);
  assert.match(neverReads.out, /oracle made no progress for 2 s: killed/);
  const neverAnswers = await run(['--seed', '1', '--cases', '50', '--ops', 'add', '--idle-timeout', '2', '--', 'node', '-e', 'process.stdin.resume(); setTimeout(() => {}, 600000)']);
  assert.equal(neverAnswers.code, 1);
  assert.match(neverAnswers.out, /oracle made no progress for 2 s: killed/);
  assert.equal(neverAnswers.mismatches, 50);
});

test('bad usage names the problem and exits 2', async () => {
  const noCommand = await run(['--cases', '5']);
  assert.equal(noCommand.code, 2);
  assert.match(noCommand.err, /no oracle command after "--"/);
  const badOp = await run(['--ops', 'wadMul,nope', '--', 'true']);
  assert.notEqual(badOp.code, 0);
  assert.match(badOp.err, /unknown op\(s\) nope/);
  const badSeed = await run(['--seed', 'xyz', '--', 'true']);
  assert.match(badSeed.err, /seed must be .*"xyz"/);
});
