// spec/vectors/<op>.json: reading, writing and summarising per-op vector files.
import { OPS, kindOf } from './ops.mjs';
import { SOLC_VERSION } from './compile.mjs';

/** Vector file text: header fields, then one case per line (readable diffs). */
export function formatOpVectors(op, seed, cases, results) {
  const head = { op, twin: OPS[op].twin, solc: SOLC_VERSION, seed };
  const lines = cases.map((args, i) => '    ' + JSON.stringify({ args, ...results[i] }));
  const fields = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${fields.join(',\n')},\n  "cases": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** Counts of results by kind ("ok", "revert 0x", "revert Panic(0x11)", ...). */
export function countKinds(results) {
  const counts = {};
  for (const r of results) counts[kindOf(r)] = (counts[kindOf(r)] ?? 0) + 1;
  return counts;
}

/** Problems with an op's result kinds: an expected kind that never appeared, or one that should not exist. */
export function kindProblems(op, counts) {
  const expected = OPS[op].expected;
  const missing = expected.filter((k) => !counts[k]);
  const unexpected = Object.keys(counts).filter((k) => !expected.includes(k));
  return [
    ...missing.map((k) => `${op}: no "${k}" case`),
    ...unexpected.map((k) => `${op}: unexpected result kind "${k}" (${counts[k]} cases)`),
  ];
}
