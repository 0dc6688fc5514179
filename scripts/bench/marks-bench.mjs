// Seal and signature checks of pre-review: precision and recall on rendered forms (render-marks-eval.mjs: with and
// without a seal, with and without a signature, several layouts and places), through the compiled engine
// in-process (marks on) and pre-review's own seal/signature finding. A detection is right only where the truth
// is: a seal box containing the true seal's centre, ink in the signature field overlapping the true signature.
//
//   npm run build:main && npm run bench -- marks [--n 10] [--seed S] [--each]
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LETTERHEAD, marksCases, renderMarksCase } from './render-marks-eval.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const rectOf = (box) => {
  const xs = box.map((p) => p[0]);
  const ys = box.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
};
const overlaps = (a, b) => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);
const contains = (a, x, y) => x >= a.x0 && x <= a.x1 && y >= a.y0 && y <= a.y1;

/** Counts of one decision: tp, fp, fn, tn. */
export function tally(rows, key) {
  const t = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const r of rows) t[r[key]]++;
  return { ...t, precision: t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1, recall: t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1 };
}

export async function main(argv) {
  const opt = (k) => (argv.includes(k) ? argv[argv.indexOf(k) + 1] : undefined);
  const dist = path.join(repoRoot, 'dist', 'main', 'node', 'capabilities');
  const imp = (p) => import(pathToFileURL(path.join(dist, p)).href);
  const { PpOcrEngine } = await imp('ocr/ppocr-engine.js');
  const { loadPages } = await imp('ocr/input/load-pages.js');
  const { findSignatures } = await imp('prereview/seal-signature.js');
  const engine = await PpOcrEngine.load(path.join(repoRoot, 'models', 'packs', 'pp-ocrv4-ch'));
  const load0 = os.loadavg()[0];
  const rows = [];
  try {
    for (const c of marksCases(Number(opt('--n') ?? 10), opt('--seed') ? Number(opt('--seed')) : undefined)) {
      const img = await renderMarksCase(c);
      let raster;
      for await (const p of loadPages({ name: 'm.jpg', base64: img.bytes.toString('base64') })) raster = p.raster;
      const res = await engine.recognize(raster, { lang: 'auto', marks: true });
      const page = { file: 'm.jpg', page: 1, engine: engine.id, rotation: res.rotation, text: '', lines: res.lines, ms: 0, width: raster.width, height: raster.height, source: 'ocr', marks: res.marks };
      const seals = res.marks.seals.map((s) => rectOf(s.box));
      const t = img.truth;
      const sealHit = t.seal && seals.some((s) => contains(s, (t.seal.x0 + t.seal.x1) / 2, (t.seal.y0 + t.seal.y1) / 2));
      const seal = t.seal ? (sealHit ? 'tp' : 'fn') : seals.length ? 'fp' : 'tn';
      const sig = findSignatures({ file: 'm.jpg', pages: [1], title: { file: 'm.jpg', page: 1, box: null, text: '' } }, [page]);
      const found = sig.signed.map((e) => rectOf(e.box));
      const sigHit = t.signature && found.some((f) => overlaps(f, t.signature));
      const signature = t.signature ? (sigHit ? 'tp' : 'fn') : found.length ? 'fp' : 'tn';
      // A red letterhead is red ink that is not a seal: it must be read as text, not lifted away with the seals.
      const letterheadRead = t.letterhead ? res.lines.some((l) => l.text.includes(LETTERHEAD)) : undefined;
      rows.push({ case: `${c.seed} seal=${c.seal} sig=${c.signature} ${t.place} ${t.label}${t.letterhead ? ' letterhead' : ''}`, seal, signature, fields: sig.fields.length, letterheadRead });
      process.stderr.write(`${rows.at(-1).case}: seal ${seal}, signature ${signature}\n`);
    }
  } finally {
    await engine.dispose();
  }
  const s = tally(rows, 'seal');
  const g = tally(rows, 'signature');
  const f = (x) => x.toFixed(3);
  const out = [
    `Seal and signature checks: ${rows.length} rendered forms, load average ${load0.toFixed(2)} at start`,
    '',
    '| Check | TP | FP | FN | TN | Precision | Recall |',
    '|---|---:|---:|---:|---:|---:|---:|',
    `| seal | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} | ${f(s.precision)} | ${f(s.recall)} |`,
    `| signature | ${g.tp} | ${g.fp} | ${g.fn} | ${g.tn} | ${f(g.precision)} | ${f(g.recall)} |`,
    '',
    `Signature field found on ${rows.filter((r) => r.fields > 0).length}/${rows.length} forms.`,
    `Red letterhead read as text on ${rows.filter((r) => r.letterheadRead).length}/${rows.filter((r) => r.letterheadRead !== undefined).length} forms that have one.`,
  ];
  if (argv.includes('--each')) for (const r of rows) if (r.seal === 'fp' || r.seal === 'fn' || r.signature === 'fp' || r.signature === 'fn') out.push(`- ${r.case}: seal ${r.seal}, signature ${r.signature}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
