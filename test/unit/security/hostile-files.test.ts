import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { HubError, type FileSource } from '../../../main/common/contract/index.js';
import { loadPages } from '../../../main/node/capabilities/ocr/input/load-pages.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';
import { testHub } from '../../helpers/hub.js';

afterAll(cleanupTempDirs);

/** Loads every page; returns how many came back, or the error (which must be a clear HubError). */
async function load(source: FileSource): Promise<{ pages: number } | { error: HubError }> {
  let pages = 0;
  try {
    for await (const _p of loadPages(source)) pages++;
    return { pages };
  } catch (err) {
    expect(err).toBeInstanceOf(HubError);
    return { error: err as HubError };
  }
}

describe('hostile files (generated here, never committed)', () => {
  it('a 200-page PDF: every page read from its text layer, one after another', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (let i = 1; i <= 200; i++) pdf.addPage([595, 842]).drawText(`Page ${i} of a long bundle`, { x: 50, y: 780, size: 14, font });
    const file = path.join(tempDir(), 'bundle.pdf');
    fs.writeFileSync(file, await pdf.save());
    const r = await load({ path: file });
    expect(r).toEqual({ pages: 200 });
  }, 120_000);

  it('a deeply nested DOCX (tables 40 deep): refused as an unsupported document, not parsed', async () => {
    let cell: Paragraph | Table = new Paragraph('bottom');
    for (let i = 0; i < 40; i++) cell = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [cell] })] })] });
    const buf = await Packer.toBuffer(new Document({ sections: [{ children: [cell as Table] }] }));
    const file = path.join(tempDir(), 'nested.docx');
    fs.writeFileSync(file, buf);
    const r = await load({ path: file });
    expect('error' in r && r.error.code).toBe('BAD_REQUEST');
    expect('error' in r && r.error.message).toMatch(/ZIP archive|Office document/);
  });

  it('a 50 MB text file named like a scan: refused by its content, quickly', async () => {
    const file = path.join(tempDir(), 'scan.png');
    const fd = fs.openSync(file, 'w');
    const line = Buffer.from('这不是一张图片 not an image 330106199001013016\n'.repeat(1000));
    for (let n = 0; n < 50 * 1024 * 1024; n += line.length) fs.writeSync(fd, line);
    fs.closeSync(fd);
    const r = await load({ path: file });
    expect('error' in r && r.error.code).toBe('BAD_REQUEST');
  });

  it('invalid UTF-8 and lone surrogates: refused as files, masked as text, never thrown', async () => {
    const file = path.join(tempDir(), 'bad.jpg');
    fs.writeFileSync(file, Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]));
    const r = await load({ path: file });
    expect('error' in r && r.error.code).toBe('BAD_REQUEST');
    const hub = testHub();
    try {
      const text = '\ud800 手机 13812345678 \udfff' + Buffer.from([0xc3, 0x28]).toString('utf8');
      const out = (await hub.client.call('jobs.run', { capability: 'pii.mask', input: { text } })).output as { text: string };
      expect(out.text).not.toContain('13812345678');
    } finally {
      await hub.close();
    }
  });

  it('a 1 MB question (one long word, then with addresses and numbers) through a plugin: answered, not hung', async () => {
    const hub = testHub();
    try {
      for (const text of ['a'.repeat(1_000_000), ('x@y.zz 13812345678 '.repeat(50_000)).slice(0, 1_000_000)]) {
        const r = await hub.client.call('jobs.run', { capability: 'pii.mask', input: { text }, timeoutMs: 20_000 });
        expect((r.output as { text: string }).text.length).toBeGreaterThan(0);
      }
    } finally {
      await hub.close();
    }
  }, 60_000);
});
