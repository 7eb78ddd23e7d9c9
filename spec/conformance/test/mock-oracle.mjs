#!/usr/bin/env node
// A stand-in for `liqengine eval` that answers from the EVM twins themselves, so differential.mjs can be tested
// before (and independently of) the C# oracle. Flags make it misbehave on purpose:
//   --corrupt N      every Nth answer is wrong (rotating: value +1, other revert data, upper-case hex,
//                    ok/revert swapped, value as a JSON number)
//   --error-every N  every Nth answer is {"error": ...}
//   --drop N         every Nth answer is never written
//   --die-after N    exit with code 3 after N answers
//   --exit-code C    exit with code C at the end
import { createInterface } from 'node:readline';
import { TwinRunner } from '../lib/runner.mjs';
import { OPS } from '../lib/ops.mjs';
import { parseArgs } from '../lib/cli.mjs';

const opts = parseArgs(process.argv.slice(2), { options: ['corrupt', 'error-every', 'drop', 'die-after', 'exit-code'] });
const every = (name) => (opts[name] ? Number(opts[name]) : 0);
const [corrupt, errorEvery, drop, dieAfter] = ['corrupt', 'error-every', 'drop', 'die-after'].map(every);

const runner = await TwinRunner.create();
const queue = [];
let ended = false;
let wake = () => {};
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  queue.push(line);
  wake();
});
rl.on('close', () => {
  ended = true;
  wake();
});

let written = 0;
async function write(obj) {
  if (!process.stdout.write(JSON.stringify(obj) + '\n')) await new Promise((r) => process.stdout.once('drain', r));
}

function misbehave(n, answer) {
  if (corrupt && n % corrupt === 0) {
    switch ((n / corrupt) % 5) {
      case 0: return answer.ok ? { ...answer, ok: [(BigInt(answer.ok[0]) + 1n).toString()] } : { ...answer, revert: answer.revert === '0x' ? '0x00' : '0x' };
      case 1: return answer.revert !== undefined ? { id: answer.id, revert: answer.revert.toUpperCase().replace('0X', '0x') + (answer.revert === '0x' ? '00' : '') } : { id: answer.id, revert: '0x' };
      case 2: return answer.ok ? { id: answer.id, revert: '0x' } : { id: answer.id, ok: ['0'] };
      case 3: return answer.ok ? { ...answer, ok: [Number(answer.ok[0])] } : { ...answer, revert: answer.revert + '00' };
      default: return answer.ok ? { ...answer, ok: [answer.ok[0], '0'] } : { ...answer, revert: '0x4e487b71' };
    }
  }
  if (errorEvery && n % errorEvery === 0) return { id: answer.id, error: 'mock: deliberate error' };
  return answer;
}

/** Validates one request line; returns the parsed request or an error answer. */
function parse(line) {
  let req;
  try {
    req = JSON.parse(line);
  } catch {
    return { answer: { id: null, error: `not JSON: ${line.slice(0, 80)}` } };
  }
  if (!OPS[req.op]) return { answer: { id: req.id ?? null, error: `unknown op "${req.op}"` } };
  try {
    runner.calldata(req.op, req.args);
  } catch (e) {
    return { answer: { id: req.id, error: e.message } };
  }
  return { req };
}

for (;;) {
  if (queue.length === 0) {
    if (ended) break;
    await new Promise((r) => (wake = r));
    continue;
  }
  const batch = queue.splice(0, 1000).map(parse);
  // Runs of consecutive requests for one op go to the EVM together; answers keep the request order.
  for (let i = 0; i < batch.length; ) {
    if (batch[i].answer) {
      batch[i].out = batch[i].answer;
      i++;
      continue;
    }
    let j = i;
    while (j < batch.length && batch[j].req && batch[j].req.op === batch[i].req.op) j++;
    const results = await runner.run(batch[i].req.op, batch.slice(i, j).map((b) => b.req.args));
    results.forEach((r, k) => (batch[i + k].out = { id: batch[i + k].req.id, ...r }));
    i = j;
  }
  for (const b of batch) {
    written++;
    if (drop && written % drop === 0) continue;
    await write(misbehave(written, b.out));
    if (dieAfter && written >= dieAfter) process.exit(3);
  }
}
process.exitCode = opts['exit-code'] ? Number(opts['exit-code']) : 0;
