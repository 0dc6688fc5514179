// Searchable PDFs: what `pdftotext` reads back from our PDF against the OCR's own JSON text, per page of the
// rendered OCR evaluation set (../shared/eval/ocr-dev.tsv by default; render-ocr-eval.mjs), read by the compiled
// engine in-process. CER as in cer.mjs (whitespace ignored). `-raw` keeps the text layer's order (the JSON's
// reading order); the default mode re-orders by poppler's own layout analysis and is reported beside it.
//
//   npm run build:main && npm run bench -- pdf [--tsv FILE] [--docs a,b] [--variants v,w]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cer } from './cer.mjs';
import { renderEvalSet } from './render-ocr-eval.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function main(argv) {
  const opt = (k) => (argv.includes(k) ? argv[argv.indexOf(k) + 1] : undefined);
  const list = (s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
  const tsv = opt('--tsv');
  if (!tsv && !fs.existsSync(path.join(repoRoot, '..', 'shared', 'eval', 'ocr-dev.tsv'))) {
    process.stderr.write('bench pdf: skipped — no ../shared/eval/ocr-dev.tsv beside the repository (give one with --tsv FILE)\n');
    return 0;
  }
  const dist = path.join(repoRoot, 'dist', 'main', 'node', 'capabilities', 'ocr');
  const imp = (p) => import(pathToFileURL(path.join(dist, p)).href);
  const { PpOcrEngine } = await imp('ppocr-engine.js');
  const { loadPages } = await imp('input/load-pages.js');
  const { searchablePdf } = await imp('output/searchable-pdf.js');
  const set = await renderEvalSet({ tsv, docs: list(opt('--docs')), variants: list(opt('--variants')) });
  const engine = await PpOcrEngine.load(path.join(repoRoot, 'models', 'packs', 'pp-ocrv4-ch'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-pdf-bench-'));
  const rows = [];
  try {
    for (const im of set.images) {
      let raster;
      for await (const p of loadPages({ path: im.path })) raster = p.raster;
      const r = await engine.recognize(raster, { lang: 'auto' });
      const text = r.lines.map((l) => l.text).join('\n');
      const page = { file: im.path, page: 1, engine: engine.id, rotation: r.rotation, text, lines: r.lines, ms: 0, width: raster.width, height: raster.height, source: 'ocr' };
      const pdf = path.join(tmp, 'p.pdf');
      fs.writeFileSync(pdf, await searchablePdf(fs.readFileSync(im.path), { file: im.path, pages: [page] }));
      const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      const plain = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      rows.push({ page: `${im.doc}/${im.variant}`, chars: [...text.replace(/\s+/g, '')].length, raw: cer(text, raw).cer, plain: cer(text, plain).cer, bytes: fs.statSync(pdf).size });
      process.stderr.write(`${im.doc}/${im.variant}: CER -raw ${(100 * rows.at(-1).raw).toFixed(2)}%, default ${(100 * rows.at(-1).plain).toFixed(2)}%\n`);
    }
  } finally {
    await engine.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const pooled = (k) => rows.reduce((s, r) => s + r[k] * r.chars, 0) / Math.max(1, rows.reduce((s, r) => s + r.chars, 0));
  const worst = (k) => Math.max(...rows.map((r) => r[k]));
  const pct = (x) => `${(100 * x).toFixed(2)}%`;
  process.stdout.write(
    [
      `Searchable PDF read back by pdftotext against the JSON text: ${rows.length} pages`,
      '',
      '| pdftotext mode | CER overall | worst page |',
      '|---|---:|---:|',
      `| -raw (text layer order) | ${pct(pooled('raw'))} | ${pct(worst('raw'))} |`,
      `| default (poppler's layout order) | ${pct(pooled('plain'))} | ${pct(worst('plain'))} |`,
      '',
      `PDF size median ${Math.round(rows.map((r) => r.bytes).sort((a, b) => a - b)[rows.length >> 1] / 1024)} KiB per page (the page image as it was, plus the text layer).`,
    ].join('\n') + '\n',
  );
  return 0;
}
