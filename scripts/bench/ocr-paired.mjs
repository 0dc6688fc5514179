// Paired per-stage comparison of two PP-OCRv4 engine set-ups on the rendered evaluation pages: both engines loaded
// in one process, each page read by one and then the other (the order alternating page by page), so that the load
// other work puts on the machine falls on both alike. Prints each stage's median for A and B, the median of the
// per-page ratios B/A, how many pages' text differs, and each engine's CER over the pages.
//
//   npm run build:main && node scripts/bench/ocr-paired.mjs --a '{"foldedModels":false,"spinning":true}' --b '{}'
//        [--pack-a DIR] [--pack-b DIR] [--tsv FILE] [--docs a,b] [--variants v,w] [--reps N] [--json]
//
// --a/--b are PpOcrOptions as JSON (foldedModels, spinning, threads, …); packs default to models/packs/pp-ocrv4-ch.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cer, pooledCer } from './cer.mjs';
import { renderEvalSet } from './render-ocr-eval.mjs';
import { cliOptions, isMainModule } from './script-args.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const STAGES = ['prepMs', 'detMs', 'clsMs', 'recMs', 'totalMs', 'cpu'];

/** @param {readonly number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? /** @type {number} */ (s[m]) : (/** @type {number} */ (s[m - 1]) + /** @type {number} */ (s[m])) / 2;
};

/**
 * @param {{ a: object, b: object, packA?: string, packB?: string, tsv?: string, docs?: string[], variants?: string[], reps?: number }} o
 */
export async function paired(o) {
  const ocr = (p) => import(pathToFileURL(path.join(repoRoot, 'dist', 'main', 'node', 'capabilities', 'ocr', p)).href);
  const { PpOcrEngine } = await ocr('ppocr-engine.js');
  const { loadPages } = await ocr('input/load-pages.js');
  const set = await renderEvalSet({ tsv: o.tsv, docs: o.docs, variants: o.variants });
  const pack = path.join(repoRoot, 'models', 'packs', 'pp-ocrv4-ch');
  const engines = { A: await PpOcrEngine.load(o.packA ?? pack, o.a), B: await PpOcrEngine.load(o.packB ?? pack, o.b) };
  /** @type {{ A: Record<string, number>[], B: Record<string, number>[] }} */
  const rows = { A: [], B: [] };
  let differ = 0;
  /** @type {{ A: { variant: string, distance: number, refLength: number }[], B: { variant: string, distance: number, refLength: number }[] }} */
  const scores = { A: [], B: [] };
  const linesOf = new Map(set.docs.map((d) => [d.id, d.lines]));
  const load0 = os.loadavg()[0] ?? 0;
  try {
    for (let rep = 0; rep < (o.reps ?? 1); rep++) {
      for (const im of set.images) {
        let raster;
        for await (const p of loadPages({ path: im.path })) raster = p.raster;
        const order = rows.A.length % 2 ? ['B', 'A'] : ['A', 'B'];
        /** @type {Record<string, string>} */
        const text = {};
        for (const k of order) {
          const c0 = process.cpuUsage();
          const r = await engines[k].recognize(raster, { lang: 'auto' });
          const c = process.cpuUsage(c0);
          rows[k].push({ ...r.timings, cpu: (c.user + c.system) / 1000 });
          text[k] = r.lines.map((l) => l.text).join('\n');
          scores[k].push({ doc: im.doc, variant: im.variant, text: text[k], ...cer(linesOf.get(im.doc) ?? [], text[k]) });
        }
        if (text.A !== text.B) differ++;
      }
    }
  } finally {
    await Promise.all(Object.values(engines).map((e) => e.dispose()));
  }
  const stages = Object.fromEntries(
    STAGES.map((k) => [k, { a: median(rows.A.map((r) => r[k])), b: median(rows.B.map((r) => r[k])), ratio: median(rows.A.map((r, i) => rows.B[i][k] / r[k])) }]),
  );
  return { pages: rows.A.length, load: [load0, os.loadavg()[0] ?? 0], models: { A: engines.A.modelFiles, B: engines.B.modelFiles }, stages, pagesWithOtherText: differ, cer: { a: pooledCer(scores.A), b: pooledCer(scores.B) }, cerByVariant: byVariant(scores), pagesScoredOtherwise: scores.A.flatMap((a, i) => (a.distance === scores.B[i]?.distance ? [] : [{ doc: a.doc, variant: a.variant, a: a.distance, b: scores.B[i]?.distance, textA: a.text, textB: scores.B[i]?.text }])) };
}

/**
 * Pooled CER of each variant for A and B.
 * @param {{ A: { variant: string, distance: number, refLength: number }[], B: { variant: string, distance: number, refLength: number }[] }} scores
 * @returns {Record<string, { a: number | null, b: number | null }>}
 */
function byVariant(scores) {
  const variants = [...new Set(scores.A.map((s) => s.variant))];
  return Object.fromEntries(variants.map((v) => [v, { a: pooledCer(scores.A.filter((s) => s.variant === v)), b: pooledCer(scores.B.filter((s) => s.variant === v)) }]));
}

if (isMainModule(import.meta.url)) {
  const args = process.argv.slice(2);
  const { opt, list } = cliOptions(args);
  paired({
    a: JSON.parse(opt('--a') ?? '{}'),
    b: JSON.parse(opt('--b') ?? '{}'),
    packA: opt('--pack-a'),
    packB: opt('--pack-b'),
    tsv: opt('--tsv'),
    docs: list(opt('--docs')),
    variants: list(opt('--variants')),
    reps: opt('--reps') ? Number(opt('--reps')) : 1,
  }).then(
    (res) => {
      if (args.includes('--json')) return void process.stdout.write(`${JSON.stringify(res, null, 2)}\n`);
      const f = (x) => (Number.isFinite(x) ? Math.round(x) : 'n/a');
      const out = [
        `Paired PP-OCRv4 profile — ${res.pages} pages; load average ${res.load[0].toFixed(2)} at start, ${res.load[1].toFixed(2)} at end`,
        `A: ${opt('--a') ?? '{}'} (${Object.values(res.models.A).join(', ')})`,
        `B: ${opt('--b') ?? '{}'} (${Object.values(res.models.B).join(', ')})`,
        '',
        '| Stage (median ms) | A | B | B/A (median of pages) |',
        '|---|---:|---:|---:|',
        ...STAGES.map((k) => `| ${k} | ${f(res.stages[k].a)} | ${f(res.stages[k].b)} | ${res.stages[k].ratio.toFixed(3)} |`),
        '',
        `Pages whose text differs: ${res.pagesWithOtherText}; CER A ${(100 * (res.cer.a ?? NaN)).toFixed(2)} %, B ${(100 * (res.cer.b ?? NaN)).toFixed(2)} %`,
        `CER per variant A / B: ${Object.entries(res.cerByVariant).map(([v, c]) => `${v} ${(100 * (c.a ?? NaN)).toFixed(2)} / ${(100 * (c.b ?? NaN)).toFixed(2)}`).join(', ')}`,
      ];
      process.stdout.write(`${out.join('\n')}\n`);
    },
    (e) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
