#!/usr/bin/env node
// EVM side of the profile benchmark: the time the EVM harness takes to execute one profile quote, for the same
// inputs as benchmarks/LiquidationEngine.Benchmarks/Profiles/ProfileBenchmarks.cs. Two figures per op: one EVM
// message per case (what a keeper's eth_call costs before any RPC), and the per-case share of a 1000-case batch.
// Usage: node bench-profiles.mjs [--cases N]
import { TwinRunner } from './lib/runner.mjs';
import { parseArgs, positiveInt } from './lib/cli.mjs';
import { MAX } from './lib/values.mjs';

const opts = parseArgs(process.argv.slice(2), { options: ['cases'] });
const n = opts.cases ? positiveInt('cases', opts.cases) : 1000;
const E = (k) => 10n ** BigInt(k);
const RAD = E(45);
const RAY = E(27);

/** [benchmark name, op, args]: the inputs of ProfileBenchmarks.cs. */
const SCENARIOS = [
  ['AaveUserAccountData', 'aaveV3.userAccountData', [3n, E(18), 0n, 2000n * E(8), 18n, 8000n, 8250n, 1n,
    5n * E(6), 0n, 30000n * E(8), 8n, 7000n, 7500n, 1n, 0n, 3000n * E(6), E(8), 6n, 7500n, 8000n, 0n]],
  ['AaveLiquidationQuote', 'aaveV3.liquidationQuote', [924933333333333333n, 3000n * E(6), MAX, 5n * E(6), 30000n * E(8), 8n, E(8), 6n, 11000n, 1000n]],
  ['MorphoLiquidate', 'morphoBlue.liquidate', [2n * E(12), E(12), E(18), E(18), 18n * E(14), 2000n * E(24), 86n * E(16), 5n * E(17), 0n]],
  ['MakerBark', 'makerLiq2.bark', [10n * E(18), 15000n * E(18), 105n * E(25), 1000n * RAY, 10000n * RAD, 113n * E(16),
    100_000_000n * RAD, 0n, 12000n * RAD, 0n, 300n * RAD, E(15)]],
  ['MakerTake', 'makerLiq2.take', [10000n * RAD, 10n * E(18), 2000n * RAY, 1500n * RAY, 600n, 7200n, 4n * E(26), 6n * E(18), 1600n * RAY, 1130n * RAD]],
  ['MakerExponentialDecrease', 'makerLiq2.exponentialDecrease', [100n * RAY, 3600n, 999n * E(24)]],
];

const runner = await TwinRunner.create();
const micros = (t0) => Number(process.hrtime.bigint() - t0) / 1e3;
console.log(`EVM (@ethereumjs/evm, Prague), ${n} cases per op, one thread`);
console.log(`${'benchmark'.padEnd(26)}${'result'.padEnd(10)}${'single msg us/case'.padStart(20)}${'batched us/case'.padStart(17)}`);
for (const [name, op, args] of SCENARIOS) {
  const first = await runner.runSingle(op, args);
  for (let i = 0; i < Math.min(100, n); i++) await runner.runSingle(op, args); // warm-up
  let t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await runner.runSingle(op, args);
  const single = micros(t0) / n;
  const batch = Array.from({ length: n }, () => args);
  await runner.run(op, batch);
  t0 = process.hrtime.bigint();
  await runner.run(op, batch);
  const batched = micros(t0) / n;
  console.log(`${name.padEnd(26)}${(first.ok ? 'ok' : 'revert').padEnd(10)}${single.toFixed(1).padStart(20)}${batched.toFixed(1).padStart(17)}`);
}
