import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTables } from '../../main/node/capabilities/ocr/output/xlsx.js';
import { drawTable, renderTable } from '../../scripts/bench/render-table-eval.mjs';
import { scoreCells } from '../../scripts/bench/table-bench.mjs';
import { ic, icBin } from '../helpers/cli.js';
import { renderPage } from '../helpers/render-page.js';
import { cleanupTempDirs, repoRoot, tempDir } from '../helpers/temp.js';
import { cer } from '../unit/ocr/render-doc.js';

const hasPack = fs.existsSync(path.join(repoRoot, 'models', 'packs', 'pp-ocrv4-ch', 'pack.json'));
afterAll(cleanupTempDirs);

/** `ic` with more time than the shared helper's 60 s: two pages of OCR plus model loading on a busy 2-core machine. */
function icSlow(args: string[]) {
  const r = spawnSync(process.execPath, [icBin, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 280_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `ic ocr --format … --out-dir DIR`: the files a clerk takes away, from scans through the whole CLI path. */
describe.skipIf(!hasPack)('ic ocr output files', () => {
  const dir = tempDir();
  const out = path.join(dir, 'out');
  const files: Record<string, string> = {};
  let truth: ReturnType<typeof drawTable>;

  beforeAll(async () => {
    files.letter = path.join(dir, 'letter.png');
    // Arrives sideways, as scans do.
    fs.writeFileSync(files.letter, await renderPage(['授权委托书', '委托人 王小明 公民身份号码 330106199001013016', '受托人 李华', '委托事项 代为办理企业设立登记'], { rotate: 90 }));
    truth = drawTable('twoLevelHeader', 7);
    files.table = path.join(dir, 'table.jpg');
    fs.writeFileSync(files.table, (await renderTable(truth, { variant: 'scan' })).bytes);
  }, 60_000);

  it('writes txt, json, a searchable pdf and xlsx per input', () => {
    const data = tempDir();
    const r = icSlow(['ocr', files.letter!, files.table!, '--format', 'txt,json,pdf,xlsx', '--out-dir', out, '--data-dir', data]);
    expect(r.code, r.stderr).toBe(0);
    // Each file written is an export of a citizen's document: one audit entry each (the same path as ocr.export).
    const audit = ic(['audit', 'list', '--action', 'ocr.export', '--json', '--data-dir', data]);
    const entries = JSON.parse(audit.stdout) as { details: { format: string } }[];
    expect(entries.map((e) => e.details.format).sort()).toEqual(['json', 'json', 'pdf', 'pdf', 'txt', 'txt', 'xlsx', 'xlsx']);
    expect(fs.readdirSync(out).sort()).toEqual(['letter.json', 'letter.pdf', 'letter.txt', 'letter.xlsx', 'table.json', 'table.pdf', 'table.txt', 'table.xlsx']);

    for (const name of ['letter', 'table']) {
      const json = JSON.parse(fs.readFileSync(path.join(out, `${name}.json`), 'utf8'));
      const text = json.pages.map((p: any) => p.text).join('\n');
      expect(fs.readFileSync(path.join(out, `${name}.txt`), 'utf8').trim()).toBe(text.trim());
      // The searchable PDF gives back the JSON's text (pdftotext from poppler-utils, as .ci/run installs). -raw keeps
      // the text layer's own order (the JSON's reading order); without it poppler re-orders a table's cells by
      // its own column analysis, which moves text but changes none.
      const back = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path.join(out, `${name}.pdf`), '-'], { encoding: 'utf8' });
      expect(cer(back, text), back).toBeLessThanOrEqual(0.01);
    }
    const letter = JSON.parse(fs.readFileSync(path.join(out, 'letter.json'), 'utf8'));
    expect(letter.pages[0].rotation).toBe(270);
    expect(letter.pages[0].text).toContain('代为办理企业设立登记');
  }, 300_000);

  it('puts the ruled table into a sheet with its merged header cells, and the title and note on the text sheet', async () => {
    const sheets = await readTables(fs.readFileSync(path.join(out, 'table.xlsx')));
    expect([...sheets.keys()]).toEqual(['P1 T1']);
    const s = scoreCells(truth.cells, sheets.get('P1 T1')!);
    expect(s.right / s.cells, JSON.stringify(s.wrong)).toBeGreaterThanOrEqual(0.95);
    const merged = truth.cells.filter((c) => c.r1 > c.r0 || c.c1 > c.c0);
    expect(merged.length).toBeGreaterThanOrEqual(3);
    for (const m of merged) expect(sheets.get('P1 T1')).toContainEqual(expect.objectContaining({ r0: m.r0, c0: m.c0, r1: m.r1, c1: m.c1 }));
  });

  it('refuses --format without --out-dir and unknown formats', () => {
    expect(ic(['ocr', files.letter!, '--format', 'pdf']).code).toBe(2);
    expect(ic(['ocr', files.letter!, '--format', 'docx', '--out-dir', out]).code).toBe(2);
  });
});
