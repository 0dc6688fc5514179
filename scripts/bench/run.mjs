// `npm run bench -- <suite> [options]`: the benchmarks. Suites: ocr, tables, marks, pdf, qa, mt, soak.
const SUITES = {
  ocr: () => import('./ocr-bench.mjs'),
  tables: () => import('./table-bench.mjs'),
  marks: () => import('./marks-bench.mjs'),
  pdf: () => import('./pdf-bench.mjs'),
  qa: () => import('./qa-bench.mjs'),
  mt: () => import('./mt-bench.mjs'),
  soak: () => import('./soak-bench.mjs'),
};

const [suite, ...rest] = process.argv.slice(2);
const load = suite ? SUITES[/** @type {keyof typeof SUITES} */ (suite)] : undefined;
if (!load) {
  process.stderr.write(`usage: npm run bench -- <suite> [options]   (suites: ${Object.keys(SUITES).join(', ')}; \`npm run bench -- ocr --help\`)\n`);
  process.exit(2);
}
try {
  const { main } = await load();
  process.exitCode = await main(rest);
} catch (e) {
  process.stderr.write(`bench ${suite}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
}
// Host processes or timers left by a hub must not keep the bench alive once it has printed. stdout is not always
// synchronous: a pipe another process (npm) made non-blocking takes 64 KB and queues the rest, which exit would drop
// (`--json` of a whole OCR run came out cut at 65536 bytes), so wait until it has been written.
await new Promise((resolve) => process.stdout.write('', () => resolve(undefined)));
process.exit(process.exitCode);
