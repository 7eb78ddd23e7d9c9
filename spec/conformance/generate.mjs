#!/usr/bin/env node
// Writes the committed EVM vectors: spec/vectors/<op>.json for every op and spec/vectors/abi.json.
// Usage: node generate.mjs [--seed S] [--cases N] [--out DIR] [--check]
//   --check  regenerate in memory and fail if any committed file differs (nothing is written).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, positiveInt } from './lib/cli.mjs';
import { parseSeed } from './lib/prng.mjs';
import { OP_NAMES } from './lib/ops.mjs';
import { casesFor, argsToStrings } from './lib/cases.mjs';
import { TwinRunner } from './lib/runner.mjs';
import { formatOpVectors, countKinds, kindProblems } from './lib/vectors.mjs';
import { abiVectors, formatAbiVectors } from './lib/abi-vectors.mjs';

/** The committed vectors' seed ("LiqEngin" in ASCII). Changing it rewrites every vector file. */
export const VECTOR_SEED = '0x4c6971456e67696e';
export const VECTOR_CASES = 500;

const here = path.dirname(fileURLToPath(import.meta.url));

async function main() {
  const opts = parseArgs(process.argv.slice(2), { flags: ['check'], options: ['seed', 'cases', 'out'] });
  const seedText = opts.seed ?? VECTOR_SEED;
  const seed = parseSeed(seedText);
  const count = opts.cases ? positiveInt('cases', opts.cases) : VECTOR_CASES;
  const outDir = path.resolve(opts.out ?? path.join(here, '../vectors'));
  const runner = await TwinRunner.create();
  const files = {};
  const problems = [];
  const width = Math.max(...OP_NAMES.map((o) => o.length));
  for (const op of OP_NAMES) {
    const cases = casesFor(op, seed, count);
    const results = await runner.run(op, cases);
    const counts = countKinds(results);
    problems.push(...kindProblems(op, counts));
    console.log(`${op.padEnd(width)} ${String(cases.length).padStart(5)} cases  ${Object.entries(counts).map(([k, n]) => `${k}: ${n}`).join(', ')}`);
    files[`${op}.json`] = formatOpVectors(op, seedText, cases.map(argsToStrings), results);
  }
  const abi = abiVectors(seed);
  files['abi.json'] = formatAbiVectors(abi);
  console.log(`abi         ${abi.encode.length} encodings, ${abi.selectors.length} selectors/topics, ${abi.keccak.length} keccak inputs`);
  if (problems.length) {
    console.error('generate: the cases do not cover every result kind:\n  ' + problems.join('\n  '));
    process.exit(1);
  }
  if (opts.check) {
    const stale = Object.entries(files).filter(([f, text]) => !existsSync(path.join(outDir, f)) || readFileSync(path.join(outDir, f), 'utf8') !== text);
    if (stale.length) {
      console.error(`generate --check: ${stale.length} vector file(s) differ from a fresh generation: ${stale.map(([f]) => f).join(', ')}`);
      process.exit(1);
    }
    console.log(`generate --check: ${Object.keys(files).length} vector files are up to date (seed ${seedText})`);
    return;
  }
  mkdirSync(outDir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(outDir, f), text);
  console.log(`generate: wrote ${Object.keys(files).length} files to ${path.relative(process.cwd(), outDir) || '.'} (seed ${seedText})`);
}

main().catch((e) => {
  console.error(`generate: ${e.message}`);
  process.exit(2);
});
