// Tables → spreadsheet: cell accuracy of the xlsx output on rendered ruled tables (render-table-eval.mjs: four
// layouts with merged header / group cells, two fonts, clean and scanned), read by the compiled engine in-process.
// A cell is right when the output has a cell at the same grid position with the same span and the same text
// (NFKC, whitespace removed: OCR's spacing inside a cell is not part of its content).
//
//   npm run build:main && npm run bench -- tables [--n 6] [--seed S] [--json] [--each]
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { drawTable, renderTable, tableCases } from './render-table-eval.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const norm = (s) => s.normalize('NFKC').replace(/\s+/g, '');

/** Scores output cells against true cells: all cells, and those with text. */
export function scoreCells(truth, got) {
  let right = 0;
  let rightText = 0;
  let withText = 0;
  const wrong = [];
  for (const c of truth) {
    const g = got.find((x) => x.r0 === c.r0 && x.c0 === c.c0 && x.r1 === c.r1 && x.c1 === c.c1);
    const ok = !!g && norm(g.text) === norm(c.text);
    if (ok) right++;
    if (c.text) {
      withText++;
      if (ok) rightText++;
    }
    if (!ok) wrong.push({ want: c, got: g ?? null });
  }
  return { cells: truth.length, right, withText, rightText, wrong };
}

export async function main(argv) {
  const opt = (k) => (argv.includes(k) ? argv[argv.indexOf(k) + 1] : undefined);
  const dist = path.join(repoRoot, 'dist', 'main', 'node', 'capabilities', 'ocr');
  const imp = (p) => import(pathToFileURL(path.join(dist, p)).href);
  const { PpOcrEngine } = await imp('ppocr-engine.js');
  const { loadPages } = await imp('input/load-pages.js');
  const { pageTables } = await imp('output/tables/page-tables.js');
  const { tablesWorkbook, readTables } = await imp('output/xlsx.js');
  const engine = await PpOcrEngine.load(path.join(repoRoot, 'models', 'packs', 'pp-ocrv4-ch'));
  const load0 = os.loadavg()[0];
  const rows = [];
  try {
    for (const c of tableCases(Number(opt('--n') ?? 6), opt('--seed') ? Number(opt('--seed')) : undefined)) {
      const img = await renderTable(drawTable(c.layout, c.seed), { variant: c.variant });
      let raster;
      for await (const p of loadPages({ name: 't', base64: img.bytes.toString('base64') })) raster = p.raster;
      const r = await engine.recognize(raster, { lang: 'auto' });
      const page = { file: 't', page: 1, engine: engine.id, rotation: r.rotation, text: '', lines: r.lines, ms: 0, width: raster.width, height: raster.height, source: 'ocr' };
      const t0 = performance.now();
      const pt = pageTables(raster, page);
      const ms = performance.now() - t0;
      const sheets = await readTables(await tablesWorkbook([pt]));
      const got = [...sheets.values()][0] ?? [];
      const s = scoreCells(img.truth.cells, got);
      rows.push({ case: `${c.layout}/${c.seed}/${c.variant}`, layout: c.layout, variant: c.variant, tables: sheets.size, tableMs: ms, ...s });
      process.stderr.write(`${c.layout}/${c.seed}/${c.variant}: ${s.right}/${s.cells} cells, ${sheets.size} table(s)\n`);
    }
  } finally {
    await engine.dispose();
  }
  const sum = (xs, k) => xs.reduce((a, r) => a + r[k], 0);
  const by = (key) => [...new Set(rows.map((r) => r[key]))].map((v) => ({ v, rs: rows.filter((r) => r[key] === v) }));
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ rows }, null, 1)}\n`);
    return 0;
  }
  const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;
  const out = [
    `Tables → xlsx: ${rows.length} rendered pages, load average ${load0.toFixed(2)} at start`,
    '',
    '| Set | Pages | Cells right | All cells | Cells with text right |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const { v, rs } of [...by('layout'), ...by('variant')]) out.push(`| ${v} | ${rs.length} | ${pct(sum(rs, 'right'), sum(rs, 'cells'))} | ${sum(rs, 'cells')} | ${pct(sum(rs, 'rightText'), sum(rs, 'withText'))} |`);
  out.push(`| **overall** | ${rows.length} | ${pct(sum(rows, 'right'), sum(rows, 'cells'))} | ${sum(rows, 'cells')} | ${pct(sum(rows, 'rightText'), sum(rows, 'withText'))} |`);
  out.push('', `Pages with exactly one table found: ${rows.filter((r) => r.tables === 1).length}/${rows.length}; table finding + filling median ${Math.round(rows.map((r) => r.tableMs).sort((a, b) => a - b)[rows.length >> 1])} ms/page`);
  if (argv.includes('--each')) for (const r of rows) for (const w of r.wrong) out.push(`- ${r.case}: want ${JSON.stringify(w.want)} got ${JSON.stringify(w.got)}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
