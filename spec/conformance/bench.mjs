#!/usr/bin/env node
// Measures compile time and EVM throughput (cases/s) of the twins, per op and overall.
// Usage: node bench.mjs [--cases N] [--ops a,b,...]
import { compileFresh } from './lib/compile.mjs';
import { TwinRunner } from './lib/runner.mjs';
import { OP_NAMES } from './lib/ops.mjs';
import { casesFor } from './lib/cases.mjs';
import { parseArgs, positiveInt, parseOps } from './lib/cli.mjs';

const opts = parseArgs(process.argv.slice(2), { options: ['cases', 'ops'] });
const n = opts.cases ? positiveInt('cases', opts.cases) : 5000;
const ops = parseOps(opts.ops, OP_NAMES);

const { millis } = compileFresh();
console.log(`compile (solc-js ${'0.8.37'}, all twins, no cache): ${millis.toFixed(0)} ms`);
const runner = await TwinRunner.create();
let total = 0;
let wall = 0;
const cpu0 = process.cpuUsage();
for (const op of ops) {
  const cases = casesFor(op, 1n, n);
  const t = process.hrtime.bigint();
  await runner.run(op, cases);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  total += cases.length;
  wall += ms;
  console.log(`${op.padEnd(11)} ${String(cases.length).padStart(7)} cases ${(ms / 1000).toFixed(2).padStart(7)} s ${String(Math.round((cases.length / ms) * 1000)).padStart(6)} cases/s`);
}
const cpu = process.cpuUsage(cpu0);
console.log(`total       ${String(total).padStart(7)} cases ${(wall / 1000).toFixed(2).padStart(7)} s ${String(Math.round((total / wall) * 1000)).padStart(6)} cases/s (process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`);
