// Per-stage profile of the PP-OCRv4 engine on the rendered evaluation pages: where a page's time goes (decoding,
// grey conversion and seal suppression, detection, direction classification, recognition), and within each model
// stage how much is the model run itself and how much JavaScript around it. Runs the compiled engine in-process
// (no hub), models loaded once before the first page.
//
//   npx tsc -p tsconfig.build.json && node scripts/bench/ocr-profile.mjs [--tsv FILE] [--docs a,b] [--variants v,w]
//        [--reps N] [--dist DIR] [--pack DIR] [--original-models] [--each] [--json]
//
// --dist points at another build's dist/ folder (e.g. of an earlier commit) to compare before and after; --pack at
// another pp-ocrv4-ch pack folder (default models/packs/pp-ocrv4-ch); --original-models loads the pack's own models
// even where preparation derived folded ones.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderEvalSet } from './render-ocr-eval.mjs';
import { cliOptions, isMainModule } from './script-args.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @param {readonly number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? /** @type {number} */ (s[m]) : (/** @type {number} */ (s[m - 1]) + /** @type {number} */ (s[m])) / 2;
};

export const STAGES = /** @type {const} */ ([
  ['load', 'decode the file (sharp)'],
  ['prepMs', 'grey page, seal suppression, contrast'],
  ['detMs', 'detection (resize, model, DB post-processing)'],
  ['detModel', '… of which the detector model'],
  ['clsMs', 'line crops + direction classifier + orientation'],
  ['clsModel', '… of which the classifier model'],
  ['recMs', 'recognition (tensors, model, CTC decoding)'],
  ['recModel', '… of which the recogniser model'],
  ['totalMs', 'engine total (without decoding)'],
  ['cpu', 'CPU time of the engine call (all threads)'],
]);

/**
 * @param {{ tsv?: string, docs?: string[], variants?: string[], reps?: number, dist?: string, pack?: string, originalModels?: boolean }} o
 */
export async function profile(o = {}) {
  const dist = path.resolve(o.dist ?? path.join(repoRoot, 'dist'));
  const ocr = (p) => import(pathToFileURL(path.join(dist, 'main', 'node', 'capabilities', 'ocr', p)).href);
  const { PpOcrEngine } = await ocr('ppocr-engine.js');
  const { loadPages } = await ocr('input/load-pages.js');
  const set = await renderEvalSet({ tsv: o.tsv, docs: o.docs, variants: o.variants });
  const pack = path.resolve(o.pack ?? path.join(repoRoot, 'models', 'packs', 'pp-ocrv4-ch'));
  const engine = await PpOcrEngine.load(pack, o.originalModels ? { foldedModels: false } : {});
  // Time each model's runs (sessions: det, cls, rec).
  const names = ['det', 'cls', 'rec'];
  const model = { det: 0, cls: 0, rec: 0 };
  /** @type {any[]} */ (engine.sessions).forEach((s, k) => {
    const run = s.run.bind(s);
    s.run = async (/** @type {any} */ feeds) => {
      const t = performance.now();
      try {
        return await run(feeds);
      } finally {
        model[/** @type {'det'} */ (names[k])] += performance.now() - t;
      }
    };
  });
  const rows = [];
  try {
    for (let rep = 0; rep < (o.reps ?? 1); rep++) {
      for (const im of set.images) {
        const t0 = performance.now();
        let raster;
        for await (const p of loadPages({ path: im.path })) raster = p.raster;
        const load = performance.now() - t0;
        model.det = model.cls = model.rec = 0;
        const c0 = process.cpuUsage();
        const r = await engine.recognize(raster, { lang: 'auto' });
        const c1 = process.cpuUsage(c0);
        rows.push({
          page: `${im.doc}/${im.variant}`,
          load,
          prepMs: r.timings.prepMs,
          detMs: r.timings.detMs,
          detModel: model.det,
          clsMs: r.timings.clsMs,
          clsModel: model.cls,
          recMs: r.timings.recMs,
          recModel: model.rec,
          totalMs: r.timings.totalMs,
          cpu: (c1.user + c1.system) / 1000,
          lines: r.lines.length,
        });
      }
    }
  } finally {
    await engine.dispose();
  }
  const summary = Object.fromEntries(STAGES.map(([k]) => [k, { median: median(rows.map((r) => r[k])), mean: rows.reduce((a, r) => a + r[k], 0) / rows.length }]));
  return { dist, pack, models: engine.modelFiles ?? null, pages: rows.length, loadAvg: Number(os.loadavg()[0]?.toFixed(2)), summary, rows };
}

/** The profile as a markdown table (with every page when `each`). */
export function formatProfile(res, load0, each = false) {
  const f = (x) => (Number.isFinite(x) ? Math.round(x) : 'n/a');
  const out = [`PP-OCRv4 per-stage profile — ${res.pages} pages, ${res.dist}; load average ${load0?.toFixed(2)} at start, ${res.loadAvg} at end`, ...modelsLine(res), '', '| Stage | median ms | mean ms |', '|---|---:|---:|'];
  for (const [k, label] of STAGES) out.push(`| ${label} | ${f(res.summary[k].median)} | ${f(res.summary[k].mean)} |`);
  if (each) {
    out.push('', `| Page | ${STAGES.map(([k]) => k).join(' | ')} | lines |`, `|---|${STAGES.map(() => '---:').join('|')}|---:|`);
    for (const r of res.rows) out.push(`| ${r.page} | ${STAGES.map(([k]) => f(r[k])).join(' | ')} | ${r.lines} |`);
  }
  return out.join('\n');
}

/** The pack and model files the profile ran (older builds do not say). */
const modelsLine = (res) => (res.models ? [`models: ${Object.values(res.models).join(', ')} in ${res.pack}`] : []);

if (isMainModule(import.meta.url)) {
  const args = process.argv.slice(2);
  const { opt, list } = cliOptions(args);
  const load0 = os.loadavg()[0];
  profile({
    tsv: opt('--tsv'),
    docs: list(opt('--docs')),
    variants: list(opt('--variants')),
    reps: opt('--reps') ? Number(opt('--reps')) : 1,
    dist: opt('--dist'),
    pack: opt('--pack'),
    originalModels: args.includes('--original-models'),
  }).then(
    (res) => {
      if (args.includes('--json')) {
        process.stdout.write(`${JSON.stringify(res, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${formatProfile(res, load0, args.includes('--each'))}\n`);
    },
    (e) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
