import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { OcrOutput } from '../../../main/common/contract/index.js';
import { exportOcrFile, type RecordExport } from '../../../main/node/capabilities/ocr/output/export-file.js';

const page = (n: number): OcrOutput['pages'][number] => ({
  file: 'scan.png',
  page: n,
  engine: 'test',
  rotation: 0,
  text: '申请人 王小明',
  lines: [{ text: '申请人 王小明', box: [[10, 10], [200, 10], [200, 40], [10, 40]], confidence: 0.99 }],
  ms: 1,
  width: 400,
  height: 300,
  source: 'ocr',
});

describe('exportOcrFile (the one path of ic ocr --format and ocr.export)', () => {
  it('audits what it delivered: the input digest, format and pages, never the name or text', async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const calls: Parameters<RecordExport>[] = [];
    const out = await exportOcrFile('pdf', png, '/home/clerk/王小明-身份证.png', { file: 'scan.png', pages: [page(1)] }, (...a) => calls.push(a));
    expect(out.name).toBe('王小明-身份证.pdf');
    expect(out.mime).toBe('application/pdf');
    expect(calls).toEqual([
      [
        'ocr.export',
        { format: 'pdf', pages: 1, outputBytes: out.bytes.length },
        { capability: 'ocr', inputs: [{ sha256: createHash('sha256').update(png).digest('hex'), bytes: png.length }], verdict: 'exported' },
      ],
    ]);
  });

  it('refuses a file over the download limit (BAD_REQUEST, with the CLI as the way out) and audits nothing', async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const calls: unknown[] = [];
    const err = await exportOcrFile('pdf', png, 'scan.png', { file: 'scan.png', pages: [page(1)] }, (...a) => calls.push(a), { maxBytes: 100 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    expect((err as Error).message).toMatch(/ic ocr --format pdf --out-dir/);
    expect(calls).toEqual([]);
  });

  it('refuses an OCR result of another file: a page the TIFF does not have', async () => {
    const tiff = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#ffffff' } }).tiff().toBuffer();
    const err = await exportOcrFile('xlsx', tiff, 'scan.tif', { file: 'scan.tif', pages: [page(1), page(3)] }, () => undefined).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    expect((err as Error).message).toMatch(/page 3 asked for, but the image has 1 page/);
  });

  it('an encrypted PDF: its text and JSON are given, a searchable PDF of it is refused as BAD_REQUEST (not INTERNAL)', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([400, 300]);
    // Marked encrypted the way pdf-lib checks it (an /Encrypt entry in the trailer); its content stays readable.
    doc.context.trailerInfo.Encrypt = doc.context.register(doc.context.obj({ Filter: 'Standard', V: 1, R: 2 }));
    const pdf = Buffer.from(await doc.save({ useObjectStreams: false }));
    const ocr: OcrOutput = { file: 'scan.pdf', pages: [page(1)] };
    const txt = await exportOcrFile('txt', pdf, 'scan.pdf', ocr, () => undefined);
    expect(txt.bytes.toString('utf8')).toBe('申请人 王小明\n');
    const err = await exportOcrFile('pdf', pdf, 'scan.pdf', ocr, () => undefined).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    expect((err as Error).message).toMatch(/the PDF is encrypted/);
  });
});
