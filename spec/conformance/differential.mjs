#!/usr/bin/env node
// Differential conformance: every case is executed by the Solidity twin in the EVM and by the oracle under test
// (normally `liqengine eval`), and the two answers must agree exactly.
//
// Usage: node differential.mjs [--seed S] [--cases N] [--ops a,b,...] [--jobs J] [--idle-timeout SECONDS] -- <oracle command...>
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { parseArgs, positiveInt, parseOps } from './lib/cli.mjs';
import { parseSeed } from './lib/prng.mjs';
import { OP_NAMES, kindOf } from './lib/ops.mjs';
import { kindProblems } from './lib/vectors.mjs';
import { casesFor, argsToStrings } from './lib/cases.mjs';
import { BATCH_SIZE } from './lib/runner.mjs';
import { RunnerPool } from './lib/pool.mjs';
import { OracleProcess } from './lib/oracle.mjs';

const MAX_SHOWN = 10;
const USAGE = 'usage: node differential.mjs [--seed S] [--cases N] [--ops a,b,...] [--jobs J] [--idle-timeout SECONDS] -- <oracle command...>';

/** '' when equal, else why not. Values must be base-10 strings and revert data lower-case hex, exactly. */
function difference(expected, actual) {
  if (actual.error !== undefined) return `oracle error: ${actual.error}`;
  if (expected.ok) {
    if (!Array.isArray(actual.ok)) return 'expected ok';
    if (actual.ok.length !== expected.ok.length || actual.ok.some((v, i) => v !== expected.ok[i])) return 'wrong value';
    return '';
  }
  if (actual.revert === undefined) return 'expected revert';
  return actual.revert === expected.revert ? '' : 'wrong revert data';
}

const quote = (args) => args.map((a) => (/^[A-Za-z0-9_./:=,@+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2), { options: ['seed', 'cases', 'ops', 'jobs', 'idle-timeout'] });
    if (opts.rest.length === 0) throw new Error('no oracle command after "--"');
  } catch (e) {
    console.error(`differential: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  const seedText = opts.seed ?? '0x' + randomBytes(8).toString('hex');
  const seed = parseSeed(seedText);
  const perOp = opts.cases ? positiveInt('cases', opts.cases) : 10_000;
  const ops = parseOps(opts.ops, OP_NAMES);
  const idle = opts['idle-timeout'] ? positiveInt('idle-timeout', opts['idle-timeout']) : 120;
  // EVM threads. The JS EVM is the bottleneck by far, so by default it gets every core (at most 4).
  const jobs = opts.jobs ? positiveInt('jobs', opts.jobs) : Math.min(4, availableParallelism());
  const command = opts.rest;

  console.log(`differential: seed ${seedText}${opts.seed ? '' : ' (fresh)'}, ${perOp} cases per op, ${ops.length} ops, ${jobs} EVM thread(s)`);
  console.log(`replay: node spec/conformance/differential.mjs --seed ${seedText} --cases ${perOp}${opts.ops ? ` --ops ${ops.join(',')}` : ''} -- ${quote(command)}`);

  const stats = Object.fromEntries(ops.map((op) => [op, { cases: 0, ok: 0, reverts: 0, mismatches: 0, kinds: {} }]));
  const pending = new Map();
  const mismatches = [];
  const problems = [];
  let answered = 0;
  const problem = (p) => {
    if (problems.length < 50) problems.push(p);
  };
  const record = (entry) => {
    stats[entry.op].mismatches++;
    if (mismatches.length < MAX_SHOWN) mismatches.push(entry);
  };

  const oracle = new OracleProcess(command, (response) => {
    const want = pending.get(response.id);
    if (!want) {
      problem(`response with an unknown or repeated id: ${JSON.stringify(response).slice(0, 200)}`);
      return;
    }
    pending.delete(response.id);
    answered++;
    const why = difference(want.expected, response);
    if (why) record({ ...want, why, actual: response });
  }, problem, idle);

  const pool = await RunnerPool.create(jobs);
  const began = process.hrtime.bigint();
  let nextId = 1;
  let total = 0;
  // Chunks run ahead on the EVM threads (a bounded window), and are sent to the oracle in order.
  const chunks = (function* () {
    for (const op of ops) {
      const cases = casesFor(op, seed, perOp);
      for (let start = 0; start < cases.length; start += BATCH_SIZE) yield { op, cases: cases.slice(start, start + BATCH_SIZE).map(argsToStrings) };
    }
  })();
  const window = [];
  const refill = () => {
    while (window.length < 2 * jobs) {
      const c = chunks.next();
      if (c.done) return;
      window.push({ ...c.value, results: pool.run(c.value.op, c.value.cases) });
    }
  };
  refill();
  outer: while (window.length > 0) {
    const { op, cases, results: running } = window.shift();
    const results = await running;
    refill();
    for (let i = 0; i < cases.length; i++) {
      const args = cases[i];
      const id = nextId++;
      const s = stats[op];
      s.cases++;
      total++;
      if (results[i].ok) s.ok++;
      else s.reverts++;
      const kind = kindOf(results[i]);
      s.kinds[kind] = (s.kinds[kind] ?? 0) + 1;
      pending.set(id, { id, op, args, expected: results[i] });
      if (!(await oracle.send({ id, op, args }))) {
        problem('the oracle stopped taking input before all cases were sent');
        break outer;
      }
    }
  }
  const sendMillis = Number(process.hrtime.bigint() - began) / 1e6;
  await pool.close();
  await oracle.finish();

  if (oracle.exitCode !== 0 && oracle.exitCode !== undefined) {
    problem(`oracle exited with ${oracle.exitCode === null ? `signal ${oracle.exitSignal}` : `code ${oracle.exitCode}`}`);
  }
  if (pending.size > 0) problem(`${pending.size} request(s) got no response line`);
  for (const want of pending.values()) record({ ...want, why: 'no response', actual: null });

  console.log('');
  const width = Math.max(12, ...ops.map((o) => o.length + 2)); // profile ops have long dotted names
  console.log(`${'op'.padEnd(width)}${'cases'.padStart(8)}${'ok'.padStart(8)}${'reverts'.padStart(9)}${'mismatches'.padStart(12)}  revert kinds`);
  for (const [op, s] of Object.entries(stats)) {
    const kinds = Object.entries(s.kinds).filter(([k]) => k !== 'ok').map(([k, n]) => `${k.replace('revert ', '')}: ${n}`).join(', ');
    console.log(`${op.padEnd(width)}${String(s.cases).padStart(8)}${String(s.ok).padStart(8)}${String(s.reverts).padStart(9)}${String(s.mismatches).padStart(12)}  ${kinds}`);
  }
  // Not a failure (few cases may miss a kind), but a run that never reaches a revert path proves less.
  for (const [op, s] of Object.entries(stats)) for (const p of kindProblems(op, s.kinds)) console.log(`note: ${p}`);
  // Wall time until the last request was written: EVM execution (the bottleneck) overlapped with the oracle.
  console.log(`evm: ${total} cases executed and sent in ${(sendMillis / 1000).toFixed(1)} s (${Math.round((total / sendMillis) * 1000)} cases/s, ${jobs} thread(s))`);
  if (mismatches.length) {
    console.log(`\nfirst ${mismatches.length} mismatch(es):`);
    for (const m of mismatches) {
      console.log(`  [${m.why}] id ${m.id} ${m.op}(${m.args.join(', ')})`);
      console.log(`    request:  ${JSON.stringify({ id: m.id, op: m.op, args: m.args })}`);
      console.log(`    evm:      ${JSON.stringify(m.expected)}`);
      console.log(`    oracle:   ${m.actual === null ? '(no response)' : JSON.stringify(m.actual)}`);
    }
  }
  for (const p of problems) console.log(`oracle failure: ${p}`);
  const mismatchCount = Object.values(stats).reduce((n, s) => n + s.mismatches, 0);
  console.log(`differential: ${total} cases, ${mismatchCount} mismatches`);
  process.exit(mismatchCount > 0 || problems.length > 0 ? 1 : 0);
}

main().catch((e) => {
  // No summary line: a run that could not finish has not shown agreement.
  console.error(`differential: aborted: ${e.stack ?? e.message}`);
  process.exit(1);
});
