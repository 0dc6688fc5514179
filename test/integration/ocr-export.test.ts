import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrOutput } from '../../main/common/contract/index.js';
import { readTables, TEXT_SHEET } from '../../main/node/capabilities/ocr/output/xlsx.js';
import { startServer, type RunningServer } from '../../main/node/server/server.js';
import { testHub } from '../helpers/hub.js';
import { cleanupTempDirs, repoRoot, tempDir } from '../helpers/temp.js';
import { cer, perfectOcrPage, renderDoc, type RenderedDoc } from '../unit/ocr/render-doc.js';

type Rect = RenderedDoc['rects'][number];
import ExcelJS from 'exceljs';

// `ocr.export` without a model: the OCR results are written here from what was drawn (true line boxes), so what is
// tested is the method — the file the console downloads — not recognition. The CLI's real-OCR path is
// ocr-outputs.test.ts; the console's is test/e2e/ocr-downloads.e2e.test.ts.

const LETTER = ['申请人 王小明', '公民身份号码 330106199001013016', '住址 浙江省杭州市西湖区文三路 88 号', '委托事项 代为办理企业设立登记'];

/**
 * A ruled 3×3 table with its header's last two cells merged, a title above it; drawn in SVG with the text of every
 * cell at a known place (the OCR lines are those places).
 */
async function ruledTable(): Promise<{ png: Buffer; width: number; height: number; rects: Rect[] }> {
  const W = 1400;
  const H = 900;
  const xs = [200, 500, 850, 1200];
  const ys = [250, 350, 450, 550];
  const size = 34;
  const cells = [
    { r: 0, c0: 0, c1: 0, text: '项目' },
    { r: 0, c0: 1, c1: 2, text: '办理情况' },
    { r: 1, c0: 0, c1: 0, text: '申请人' },
    { r: 1, c0: 1, c1: 1, text: '王小明' },
    { r: 1, c0: 2, c1: 2, text: '已核验' },
    { r: 2, c0: 0, c1: 0, text: '受理编号' },
    { r: 2, c0: 1, c1: 1, text: 'ZJ2019' },
    { r: 2, c0: 2, c1: 2, text: '通过' },
  ];
  const rects: Rect[] = [{ text: '窗口收件登记表', x: W / 2 - 3.5 * 48, y: 110, w: 7 * 48, h: 58 }];
  const svgCells = cells.map((c) => {
    const cx = (xs[c.c0]! + xs[c.c1 + 1]!) / 2;
    const cy = (ys[c.r]! + ys[c.r + 1]!) / 2;
    const w = [...c.text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? size : size * 0.6), 0);
    rects.push({ text: c.text, x: cx - w / 2, y: cy - size * 0.6, w, h: size * 1.2 });
    return (
      `<rect x="${xs[c.c0]}" y="${ys[c.r]}" width="${xs[c.c1 + 1]! - xs[c.c0]!}" height="${ys[c.r + 1]! - ys[c.r]!}" fill="none" stroke="#111" stroke-width="2"/>` +
      `<text x="${cx}" y="${cy + size * 0.36}" font-size="${size}" text-anchor="middle">${c.text}</text>`
    );
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="#fbfaf6"/>
  <g font-family="Noto Sans CJK SC" fill="#111"><text x="${W / 2}" y="155" font-size="48" font-weight="bold" text-anchor="middle">窗口收件登记表</text>${svgCells.join('')}</g></svg>`;
  return { png: await sharp(Buffer.from(svg)).png().toBuffer(), width: W, height: H, rects };
}

const b64 = (b: Buffer) => b.toString('base64');

describe('ocr.export (the console\'s downloads, through the contract)', () => {
  const hub = testHub();
  const dir = tempDir();
  let letter: { png: Buffer; ocr: OcrOutput };
  let table: { png: Buffer; ocr: OcrOutput };
  let server: RunningServer;

  beforeAll(async () => {
    const doc = await renderDoc({ title: '授权委托书', lines: LETTER });
    letter = { png: doc.png, ocr: { file: '委托书.png', pages: [perfectOcrPage(doc.rects, doc.width, doc.height, { file: '委托书.png' })] } };
    const t = await ruledTable();
    table = { png: t.png, ocr: { file: 'table.png', pages: [perfectOcrPage(t.rects, t.width, t.height, { file: 'table.png' })] } };
    server = await startServer({ hub, consoleDir: path.join(repoRoot, 'dist', 'renderer') });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await hub.close();
    cleanupTempDirs();
  });

  function pdftotext(pdf: Buffer): string {
    const f = path.join(dir, `t${Math.random().toString(36).slice(2)}.pdf`);
    fs.writeFileSync(f, pdf);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });
  }

  it('makes a searchable PDF of the page image that pdftotext and pdf-lib read back with the OCR text', async () => {
    const r = await hub.client.call('ocr.export', { file: { name: '委托书.png', base64: b64(letter.png) }, ocr: letter.ocr, format: 'pdf' });
    expect(r).toMatchObject({ name: '委托书.pdf', mime: 'application/pdf' });
    const pdf = Buffer.from(r.base64, 'base64');
    expect(r.bytes).toBe(pdf.length);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const back = pdftotext(pdf);
    expect(cer(back, letter.ocr.pages[0]!.text), back).toBeLessThanOrEqual(0.01);
    expect(back).toContain('330106199001013016');
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    // The page image is in the PDF (the PNG goes in as it is: its pixels, not a re-rendering).
    expect(pdf.length).toBeGreaterThan(letter.png.length * 0.5);
  });

  it('keeps every page of a multi-page PDF and adds the text layer to each', async () => {
    const one = await renderDoc({ lines: ['第一页 营业执照副本'] });
    const two = await renderDoc({ lines: ['第二页 法定代表人身份证明'] });
    const src = await PDFDocument.create();
    for (const d of [one, two]) {
      const img = await src.embedPng(d.png);
      src.addPage([d.width * 0.48, d.height * 0.48]).drawImage(img, { x: 0, y: 0, width: d.width * 0.48, height: d.height * 0.48 });
    }
    const input = Buffer.from(await src.save());
    const ocr: OcrOutput = { file: 'scan.pdf', pages: [perfectOcrPage(one.rects, one.width, one.height, { file: 'scan.pdf', page: 1 }), perfectOcrPage(two.rects, two.width, two.height, { file: 'scan.pdf', page: 2 })] };
    const r = await hub.client.call('ocr.export', { file: { name: 'scan.pdf', base64: b64(input) }, ocr, format: 'pdf' });
    const pdf = Buffer.from(r.base64, 'base64');
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(2);
    const pages = pdftotext(pdf).split('\f');
    expect(pages[0]).toContain('营业执照副本');
    expect(pages[1]).toContain('法定代表人身份证明');
  });

  it('makes an xlsx that exceljs reads: the ruled table with its merged header, the title on the text sheet', async () => {
    const r = await hub.client.call('ocr.export', { file: { name: 'table.png', base64: b64(table.png) }, ocr: table.ocr, format: 'xlsx' });
    expect(r).toMatchObject({ name: 'table.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const xlsx = Buffer.from(r.base64, 'base64');
    const sheets = await readTables(xlsx);
    expect([...sheets.keys()]).toEqual(['P1 T1']);
    const cells = sheets.get('P1 T1')!;
    expect(cells).toContainEqual({ r0: 0, c0: 1, r1: 0, c1: 2, text: '办理情况' });
    expect(cells).toContainEqual({ r0: 1, c0: 1, r1: 1, c1: 1, text: '王小明' });
    expect(cells).toContainEqual({ r0: 2, c0: 2, r1: 2, c1: 2, text: '通过' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(wb.getWorksheet(TEXT_SHEET)!.getCell('B2').value).toBe('窗口收件登记表');
  });

  it('a page without a table gives an xlsx with the text sheet only (not an error)', async () => {
    const r = await hub.client.call('ocr.export', { file: { name: '委托书.png', base64: b64(letter.png) }, ocr: letter.ocr, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([TEXT_SHEET]);
    expect(wb.getWorksheet(TEXT_SHEET)!.getColumn(2).values).toContain('公民身份号码 330106199001013016');
  });

  it('gives the text and the JSON as `ic ocr --format txt|json` writes them', async () => {
    const file = { name: '委托书.png', base64: b64(letter.png) };
    const txt = await hub.client.call('ocr.export', { file, ocr: letter.ocr, format: 'txt' });
    expect(txt).toMatchObject({ name: '委托书.txt', mime: 'text/plain;charset=utf-8' });
    expect(Buffer.from(txt.base64, 'base64').toString('utf8')).toBe(`${letter.ocr.pages[0]!.text}\n`);
    const json = await hub.client.call('ocr.export', { file, ocr: letter.ocr, format: 'json' });
    expect(JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8'))).toEqual(letter.ocr);
  });

  it('refuses bad params with BAD_REQUEST: unknown format, no file, no page, a page the file has not, a file that is no image', async () => {
    const file = { name: '委托书.png', base64: b64(letter.png) };
    const refused = async (params: unknown) => {
      const err = await hub.api.dispatch('ocr.export', params).then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(err, JSON.stringify(params).slice(0, 200)).not.toBeNull();
      return err!;
    };
    expect((await refused({ file, ocr: letter.ocr, format: 'docx' })).code).toBe('BAD_REQUEST');
    expect((await refused({ ocr: letter.ocr, format: 'pdf' })).code).toBe('BAD_REQUEST');
    expect((await refused({ file, ocr: { file: 'x', pages: [] }, format: 'pdf' })).code).toBe('BAD_REQUEST');
    expect((await refused({ file, ocr: letter.ocr, format: 'pdf', extra: 1 })).code).toBe('BAD_REQUEST');
    const page2 = { ...letter.ocr, pages: [{ ...letter.ocr.pages[0]!, page: 2 }] };
    const e = await refused({ file, ocr: page2, format: 'pdf' });
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.message).toMatch(/page 2 asked for, but the image has 1 page/);
    const text = await refused({ file: { name: 'notes.png', base64: b64(Buffer.from('not an image at all\n'.repeat(20))) }, ocr: letter.ocr, format: 'xlsx' });
    expect(text).toMatchObject({ code: 'BAD_REQUEST' });
    expect(text.message).toMatch(/unsupported file type: it is a text file/);
    expect((await refused({ file: { name: 'x.png', base64: '' }, ocr: letter.ocr, format: 'pdf' })).code).toBe('BAD_REQUEST');
  });

  it('is served by the loopback server, which refuses a path on the hub\'s machine (FORBIDDEN)', async () => {
    const post = (params: unknown) =>
      fetch(`http://127.0.0.1:${server.port}/api/rpc/ocr.export`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(params),
      });
    const ok = await post({ file: { name: 'table.png', base64: b64(table.png) }, ocr: table.ocr, format: 'xlsx' });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { name: string; base64: string };
    expect(body.name).toBe('table.xlsx');
    expect((await readTables(Buffer.from(body.base64, 'base64'))).has('P1 T1')).toBe(true);
    const png = path.join(dir, 'on-disk.png');
    fs.writeFileSync(png, table.png);
    const forbidden = await post({ file: { path: png }, ocr: table.ocr, format: 'xlsx' });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it('writes one audit entry per export: the input\'s hash, the format, never the file\'s name or text', async () => {
    const entries = await hub.client.call('audit.list', { action: 'ocr.export', limit: 100 });
    // pdf, pdf (2 pages), xlsx, xlsx, txt, json, and the one over HTTP; refused calls are not exports.
    expect(entries).toHaveLength(7);
    const sha = createHash('sha256').update(letter.png).digest('hex');
    const ofLetter = entries.filter((e) => e.inputs?.[0]?.sha256 === sha);
    expect(ofLetter.map((e) => e.details?.format).sort()).toEqual(['json', 'pdf', 'txt', 'xlsx']);
    for (const e of entries) {
      expect(e).toMatchObject({ capability: 'ocr', verdict: 'exported' });
      expect(e.inputs).toHaveLength(1);
      const s = JSON.stringify(e);
      expect(s).not.toContain('委托书');
      expect(s).not.toContain('王小明');
      expect(s).not.toContain('330106199001013016');
    }
    expect((await hub.client.call('audit.verify')).ok).toBe(true);
  });
});
