// Tiny argument parser shared by the scripts: --name value, --flag, and everything after "--" kept verbatim.
export function parseArgs(argv, { flags = [], options = [] } = {}) {
  const out = { rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.rest = argv.slice(i + 1);
      break;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unexpected argument "${a}"`);
    const [, name, inline] = m;
    if (flags.includes(name)) out[name] = true;
    else if (options.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`--${name} needs a value`);
      out[name] = v;
    } else throw new Error(`unknown option --${name}`);
  }
  return out;
}

/** Parses a positive integer option, naming the option in the error. */
export function positiveInt(name, text) {
  if (!/^[0-9]+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new Error(`--${name} must be a positive integer, got "${text}"`);
  }
  return Number(text);
}

/** Validates a comma-separated --ops list against the known ops. */
export function parseOps(text, known) {
  if (text === undefined) return [...known];
  const ops = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ops.filter((o) => !known.includes(o));
  if (unknown.length || ops.length === 0) throw new Error(`--ops: unknown op(s) ${unknown.join(', ') || '(none given)'}; known: ${known.join(',')}`);
  return ops;
}
