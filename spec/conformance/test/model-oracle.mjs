#!/usr/bin/env node
// A fast stand-in oracle answering from the BigInt models (no EVM): used to push many lines through
// differential.mjs and to show that its comparisons see an independent implementation agree.
//   --delay-ms N  read nothing for N ms first, so the requests pile up in the pipe (tests backpressure)
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { model } from './models.mjs';

const i = process.argv.indexOf('--delay-ms');
if (i > 0) await sleep(Number(process.argv[i + 1]));
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  const req = JSON.parse(line);
  if (!process.stdout.write(JSON.stringify({ id: req.id, ...model(req.op, req.args) }) + '\n')) {
    await new Promise((r) => process.stdout.once('drain', r));
  }
}
