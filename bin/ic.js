#!/usr/bin/env node
// `ic`: the Intelligent Center command line. The code lives in dist/ (built by `npm ci` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/main/node/cli/run.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('ic: the app is not built yet. Run `npm run build` (npm ci runs it) and try again.');
  process.exit(2);
}
await import(entry.href);
