// Import resolver for eslint-plugin-boundaries (resolver interface v2 of eslint-module-utils): relative imports
// written the NodeNext way ("./hub.js") resolve to the TypeScript source beside them (hub.ts, hub.tsx, hub.d.ts;
// ".cjs" to ".cts"). Written here because eslint-import-resolver-typescript is not among the installed packages;
// bare specifiers (packages, node: built-ins) are left to the node resolver listed after this one.
const fs = require('node:fs');
const path = require('node:path');

const ALIASES = {
  '.js': ['.ts', '.tsx', '.d.ts', '.js'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
  '.jsx': ['.tsx', '.jsx'],
};

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

exports.interfaceVersion = 2;
exports.resolve = function resolve(source, file) {
  if (!source.startsWith('.')) return { found: false };
  const target = path.resolve(path.dirname(file), source);
  const ext = path.extname(target);
  const stem = ext ? target.slice(0, -ext.length) : target;
  const candidates = ALIASES[ext] ? ALIASES[ext].map((e) => stem + e) : [target, ...['.ts', '.tsx', '.js'].map((e) => target + e)];
  for (const c of candidates) if (isFile(c)) return { found: true, path: c };
  return { found: false };
};
