import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { HubError, type FileSource } from '../../../main/common/contract/index.js';
import type { LoadedPage } from '../../../main/node/capabilities/ocr/engine.js';
import { INPUT_LIMITS, loadPages } from '../../../main/node/capabilities/ocr/input/load-pages.js';
import { pdfPages } from '../../../main/node/capabilities/ocr/pdf/pdf-pages.js';
import { sniff } from '../../../main/node/capabilities/ocr/input/sniff.js';
import { cleanupTempDirs, fixturesDir, tempDir } from '../../helpers/temp.js';

const dir = path.join(fixturesDir, 'bad-inputs');
const at = (name: string): FileSource => ({ path: path.join(dir, name) });

async function collect(source: FileSource, o: { pages?: number[]; signal?: AbortSignal } = {}): Promise<LoadedPage[]> {
  const out: LoadedPage[] = [];
  for await (const p of loadPages(source, o)) out.push(p);
  return out;
}

async function failure(source: FileSource, o: { pages?: number[]; signal?: AbortSignal } = {}): Promise<HubError> {
  try {
    await collect(source, o);
  } catch (err) {
    expect(err).toBeInstanceOf(HubError);
    return err as HubError;
  }
  throw new Error(`expected ${JSON.stringify(source).slice(0, 80)} to fail`);
}

const sizes = (pages: LoadedPage[]) =>
  pages.map((p) => (p.kind === 'raster' ? [p.page, p.kind, p.raster.width, p.raster.height] : [p.page, p.kind, p.width, p.height]));

const hasPdfjs = (() => {
  try {
    createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    return true;
  } catch {
    return false;
  }
})();

afterAll(() => cleanupTempDirs());

describe('bad inputs give a clear BAD_REQUEST naming the file', () => {
  const cases: [string, RegExp][] = [
    ['zero-byte.png', /zero-byte\.png: the file is empty \(0 bytes\)/],
    ['text-as.png', /text-as\.png: unsupported file type: it is a text file; expected PNG, JPEG, TIFF, WebP or PDF/],
    ['image.bmp', /image\.bmp: unsupported file type: it is a BMP image/],
    ['truncated.jpg', /truncated\.jpg: the file is truncated: the JPEG data ends early/],
    ['corrupt.png', /corrupt\.png: the PNG data is corrupt/],
    ['bomb.png', /bomb\.png: the image is 50000 x 50000 pixels \(2,500 MP\), over the 100 MP limit \(refused as a possible decompression bomb\)/],
    ['huge-dimensions.tif', /huge-dimensions\.tif: the image is 100000 x 100000 pixels \(10,000 MP\), over the 100 MP limit/],
  ];
  for (const [name, message] of cases)
    it(name, async () => {
      const err = await failure(at(name));
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toMatch(message);
      expect(err.message.startsWith(path.join(dir, name) + ': ')).toBe(true);
    });

  it('a missing file is NOT_FOUND, a folder is BAD_REQUEST', async () => {
    const missing = await failure({ path: path.join(dir, 'no-such-file.png') });
    expect([missing.code, missing.message]).toEqual(['NOT_FOUND', `${path.join(dir, 'no-such-file.png')}: no such file`]);
    const folder = await failure({ path: dir });
    expect(folder.code).toBe('BAD_REQUEST');
    expect(folder.message).toMatch(/is a folder, not a file/);
  });

  it('uploads are named by their file name', async () => {
    const bytes = fs.readFileSync(path.join(dir, 'truncated.jpg'));
    const err = await failure({ name: 'scan.jpg', base64: bytes.toString('base64') });
    expect(err.message).toMatch(/^scan\.jpg: the file is truncated/);
    expect((await failure({ name: 'empty.png', base64: '' })).message).toBe('empty.png: the file is empty (0 bytes)');
    expect((await failure({ name: 'x.png', base64: '<<not base64>>' })).message).toBe('x.png: the upload is not valid base64');
  });

  it('pages that the file does not have', async () => {
    const err = await failure(at('multipage.tif'), { pages: [2, 5, 9] });
    expect(err.message).toMatch(/multipage\.tif: pages 5, 9 asked for, but the TIFF has 3 pages/);
    expect((await failure(at('png-named.jpg'), { pages: [2] })).message).toMatch(/page 2 asked for, but the PNG has 1 page$/);
  });

  it('a cancelled read stops with CANCELLED', async () => {
    const ac = new AbortController();
    ac.abort();
    expect((await failure(at('multipage.tif'), { signal: ac.signal })).code).toBe('CANCELLED');
  });
});

describe('good images', () => {
  it('a PNG named .jpg is read as a PNG (type by magic bytes)', async () => {
    expect(sniff(fs.readFileSync(path.join(dir, 'png-named.jpg')))).toEqual({ kind: 'png' });
    const pages = await collect(at('png-named.jpg'));
    expect(sizes(pages)).toEqual([[1, 'raster', 320, 200]]);
    const r = pages[0]!.kind === 'raster' ? pages[0]!.raster : undefined;
    expect(r?.channels).toBe(3);
    expect(r?.data.length).toBe(320 * 200 * 3);
  });

  it('every page of a multi-page TIFF, each with its own size; or only the pages asked for', async () => {
    expect(sizes(await collect(at('multipage.tif')))).toEqual([
      [1, 'raster', 240, 160],
      [2, 'raster', 160, 240],
      [3, 'raster', 200, 200],
    ]);
    expect(sizes(await collect(at('multipage.tif'), { pages: [3, 2, 3] }))).toEqual([
      [2, 'raster', 160, 240],
      [3, 'raster', 200, 200],
    ]);
  });

  it('EXIF orientation is applied (stored 300x200, orientation 6: shown 200x300)', async () => {
    expect(sizes(await collect(at('exif-rotate-90.jpg')))).toEqual([[1, 'raster', 200, 300]]);
  });

  it('WebP, and a big but sane page scaled down to the max side', async () => {
    expect(sizes(await collect(at('good.webp')))).toEqual([[1, 'raster', 240, 180]]);
    const big = path.join(tempDir(), 'wide.png');
    await sharp({ create: { width: 6000, height: 1500, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toFile(big);
    const [p] = await collect({ path: big });
    expect(p?.kind === 'raster' && [p.raster.width, p.raster.height]).toEqual([INPUT_LIMITS.maxSide, 1000]);
    // transparent pixels are flattened onto white
    expect(p?.kind === 'raster' && [...p.raster.data.subarray(0, 3)]).toEqual([255, 255, 255]);
  });

  it('grey and 16-bit images come out as 8-bit RGB', async () => {
    const file = path.join(tempDir(), 'grey16.png');
    await sharp(Buffer.alloc(64 * 32 * 2, 0x80), { raw: { width: 64, height: 32, channels: 1 } })
      .toColourspace('grey16')
      .png()
      .toFile(file);
    const [p] = await collect({ path: file });
    expect(p?.kind === 'raster' && [p.raster.width, p.raster.height, p.raster.channels, p.raster.data.length]).toEqual([64, 32, 3, 64 * 32 * 3]);
  });
});

describe.runIf(hasPdfjs)('PDFs (pdfjs-dist)', () => {
  it('a text layer becomes text lines with boxes at 150 dpi, Chinese included (CMaps read locally)', async () => {
    const pages = await collect(at('text-layer.pdf'));
    expect(sizes(pages)).toEqual([
      [1, 'text', 1240, 1754],
      [2, 'text', 1240, 1754],
    ]);
    const p1 = pages[0]!;
    if (p1.kind !== 'text') throw new Error('page 1 should be text');
    expect(p1.lines.map((l) => l.text)).toEqual([
      'Application for a residence permit',
      'Applicant: Zhang San ID 110101199001011234',
      '居住证申请表',
    ]);
    // "Application ..." is drawn at x=72pt, baseline y=770pt (from the bottom), 18pt: 150 px, top ≈ (842-770-15)*150/72
    const [tl, tr, br, bl] = p1.lines[0]!.box;
    expect(tl[0]).toBeCloseTo(150, 0);
    expect(Math.abs(tl[1] - ((842 - 770 - 18 * 0.85) * 150) / 72)).toBeLessThan(1);
    expect(bl[1] - tl[1]).toBeCloseTo((18 * 150) / 72, 0);
    expect(tr[1]).toBe(tl[1]);
    expect(br[0]).toBeGreaterThan(tl[0] + 500);
    expect(p1.lines.every((l) => l.confidence === 1)).toBe(true);
  });

  it('an image-only page becomes pixels at the scan resolution', async () => {
    // 850x1100 JPEG placed on a 612x792 pt page (100 dpi): rendered at the 150 dpi floor
    expect(sizes(await collect(at('image-only.pdf')))).toEqual([[1, 'raster', 1275, 1650]]);
  });

  it('each page of a mixed PDF is typed on its own; pages can be picked', async () => {
    expect(sizes(await collect(at('mixed.pdf')))).toEqual([
      [1, 'text', 1240, 1754],
      [2, 'raster', 638, 825],
    ]);
    expect(sizes(await collect(at('mixed.pdf'), { pages: [2] }))).toEqual([[2, 'raster', 638, 825]]);
  });

  it('without a canvas, the scan is taken out of the PDF at its stored size', async () => {
    const out: LoadedPage[] = [];
    for await (const pg of pdfPages('mixed.pdf', fs.readFileSync(path.join(dir, 'mixed.pdf')), { renderer: 'extract' })) out.push(pg);
    expect(sizes(out)).toEqual([
      [1, 'text', 1240, 1754],
      [2, 'raster', 425, 550],
    ]);
    const r = out[1]!.kind === 'raster' ? out[1]!.raster : undefined;
    // white paper, black frame: the corner pixel is white, the frame at x=10 is dark
    expect(r && r.data[0]).toBeGreaterThan(240);
    expect(r && r.data[(100 * 425 + 10) * 3]).toBeLessThan(80);
  });

  it('an owner-password-only PDF (opens without a password) is read', async () => {
    const pages = await collect(at('owner-only-encrypted.pdf'));
    expect(pages[0]?.kind === 'text' && pages[0].lines.map((l) => l.text)).toEqual(['Page two: supporting documents listed below.']);
  });

  const bad: [string, RegExp][] = [
    ['encrypted.pdf', /encrypted\.pdf: the PDF is encrypted and needs a password to open/],
    ['garbage.pdf', /garbage\.pdf: not a readable PDF/],
    ['truncated.pdf', /truncated\.pdf: (not a readable PDF|page \d+ cannot be read)/],
    ['bomb.pdf', /bomb\.pdf: the PDF holds an image of 40000 x 40000 pixels \(1,600 MP\), over the 100 MP limit/],
  ];
  for (const [name, message] of bad)
    it(name, async () => {
      const err = await failure(at(name));
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toMatch(message);
    });
});

describe.skipIf(hasPdfjs)('PDFs without pdfjs-dist', () => {
  it('say which package is missing', async () => {
    const err = await failure(at('text-layer.pdf'));
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toMatch(/needs the pdfjs-dist@[\d.]+ package/);
  });
});
