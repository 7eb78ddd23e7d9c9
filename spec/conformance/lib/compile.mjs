// Compiles the Solidity twins (spec/solidity/*.sol) in-process with the pinned solc-js (bundled soljson,
// never a downloaded compiler). Imports such as "@openzeppelin/..." resolve from this package's node_modules.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
export const PACKAGE_DIR = path.resolve(here, '..');
export const SOLIDITY_DIR = path.resolve(PACKAGE_DIR, '../solidity');
const NODE_MODULES = path.join(PACKAGE_DIR, 'node_modules');
const CACHE_DIR = path.join(PACKAGE_DIR, '.cache');

export const SOLC_VERSION = '0.8.37';

/**
 * Fixed compiler settings (documented in README.md). The EVM version is pinned rather than left to the
 * compiler default so that the bytecode and the EVM hardfork used by the runner (see evm.mjs) agree.
 */
export const SOLC_SETTINGS = Object.freeze({
  optimizer: { enabled: true, runs: 200 },
  viaIR: false,
  evmVersion: 'prague',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
});

/** The contracts the harness deploys, by source file. */
export const CONTRACTS = Object.freeze({
  CheckedMathTwin: 'CheckedMathTwin.sol',
  OpenZeppelinMathTwin: 'OpenZeppelinMathTwin.sol',
  AaveMathTwin: 'AaveMathTwin.sol',
  MorphoMathTwin: 'MorphoMathTwin.sol',
  MakerRpowTwin: 'MakerRpow.sol',
  AaveProfileTwin: 'AaveProfileTwin.sol',
  MorphoProfileTwin: 'MorphoProfileTwin.sol',
  MakerLiq2Twin: 'MakerLiq2Twin.sol',
  BatchCaller: 'BatchCaller.sol',
});

function loadSolc() {
  const solc = require('solc');
  const version = solc.version();
  if (!version.startsWith(SOLC_VERSION + '+')) {
    throw new Error(`solc version ${version} found, ${SOLC_VERSION} required (package.json pins it)`);
  }
  return solc;
}

/** Resolves an import path against node_modules only; refuses anything that escapes it. */
function findImport(importPath) {
  const resolved = path.resolve(NODE_MODULES, importPath);
  if (!resolved.startsWith(NODE_MODULES + path.sep)) return { error: `import outside node_modules: ${importPath}` };
  if (!existsSync(resolved)) return { error: `import not found in node_modules: ${importPath}` };
  return { contents: readFileSync(resolved, 'utf8') };
}

function readSources() {
  const sources = {};
  for (const file of readdirSync(SOLIDITY_DIR).filter((f) => f.endsWith('.sol')).sort()) {
    sources[file] = { content: readFileSync(path.join(SOLIDITY_DIR, file), 'utf8') };
  }
  return sources;
}

/** Compiles without any cache. Returns { contracts: {Name: {abi, bytecode}}, millis }. */
export function compileFresh() {
  const solc = loadSolc();
  const input = { language: 'Solidity', sources: readSources(), settings: SOLC_SETTINGS };
  const started = process.hrtime.bigint();
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  const millis = Number(process.hrtime.bigint() - started) / 1e6;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error('solc failed:\n' + errors.map((e) => e.formattedMessage).join('\n'));
  const contracts = {};
  for (const [name, file] of Object.entries(CONTRACTS)) {
    const c = output.contracts?.[file]?.[name];
    if (!c) throw new Error(`contract ${name} missing from ${file}`);
    contracts[name] = { abi: c.abi, bytecode: '0x' + c.evm.bytecode.object };
  }
  return { contracts, millis, warnings: (output.errors ?? []).filter((e) => e.severity !== 'error') };
}

function cacheKey() {
  const h = createHash('sha256');
  // The solc package version, not solc.version(): loading soljson just to hash its name costs ~0.5 s.
  h.update(require('solc/package.json').version);
  h.update(JSON.stringify(SOLC_SETTINGS));
  h.update(JSON.stringify(readSources()));
  // Imported libraries come from the locked packages: the lock file pins their exact contents (integrity).
  h.update(readFileSync(path.join(PACKAGE_DIR, 'package-lock.json')));
  return h.digest('hex').slice(0, 32);
}

/**
 * Compiled artifacts, from the gitignored .cache/ folder when the sources, settings, compiler and lock file
 * are unchanged, else compiled afresh and cached.
 */
export function compileTwins({ useCache = true } = {}) {
  const file = path.join(CACHE_DIR, `artifacts-${cacheKey()}.json`);
  if (useCache && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const { contracts } = compileFresh();
  if (useCache) {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(contracts));
    renameSync(tmp, file);
  }
  return contracts;
}
