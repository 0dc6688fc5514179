import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OcrLine } from '../../../main/common/contract/index.js';
import { PpOcrEngine } from '../../../main/node/capabilities/ocr/ppocr-engine.js';
import { loadPpOcr } from '../../../main/node/capabilities/ocr/ppocr-loader.js';
import { PpOcrPool } from '../../../main/node/capabilities/ocr/ppocr-pool.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';
import { renderDoc, toRaster, type RenderedDoc } from './render-doc.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PACK = path.join(root, 'models/packs/pp-ocrv4-ch');
const hasPack = fs.existsSync(path.join(PACK, 'ch_PP-OCRv4_rec_infer.onnx'));

const LINES = ['营业执照', '名称 杭州市西湖区清风茶馆', '统一社会信用代码 91330106MA27XYZ12K', '住所 浙江省杭州市西湖区龙井路18号'];
const textOf = (lines: OcrLine[]): string => lines.map((l) => l.text).join('\n');

afterAll(cleanupTempDirs);

describe.skipIf(!hasPack)('PP-OCRv4 pool: pages read in parallel worker threads (real models)', () => {
  let doc: RenderedDoc;
  let pool: PpOcrPool;
  beforeAll(async () => {
    doc = await renderDoc({ title: LINES[0]!, lines: LINES.slice(1), font: 'Noto Sans CJK SC' });
    pool = await PpOcrPool.load(PACK, { workers: 2 });
  }, 120_000);
  afterAll(async () => {
    await pool?.dispose();
  });

  it('reads pages given at once as the engine alone reads them, in two workers', async () => {
    const pages = [await toRaster(doc.png), await toRaster(doc.png, 90), await toRaster(doc.png, 0, 0.8), await toRaster(doc.png, 180)];
    const engine = await PpOcrEngine.load(PACK, { threads: 1 });
    const alone = [];
    try {
      for (const p of pages) alone.push(await engine.recognize(p, { lang: 'auto' }));
    } finally {
      await engine.dispose();
    }
    expect(pool.size).toBe(1); // the second worker starts only when a second page waits
    const together = await Promise.all(pages.map((p) => pool.recognize(p, { lang: 'auto', marks: true })));
    expect(pool.size).toBe(2);
    expect(together.map((r) => textOf(r.lines))).toEqual(alone.map((r) => textOf(r.lines)));
    expect(together.map((r) => r.rotation)).toEqual(alone.map((r) => r.rotation));
    expect(together.map((r) => r.lines.map((l) => l.box))).toEqual(alone.map((r) => r.lines.map((l) => l.box)));
    // What the hybrid re-reading needs comes back too: the grey page the lines were read from, and marks when asked.
    expect(together[0]!.page.width * together[0]!.page.height).toBe(together[0]!.page.data.length);
    expect(together[0]!.marks).toBeDefined();
    expect(textOf(together[0]!.lines)).toContain('91330106MA27XYZ12K');
  }, 120_000);

  it('a page cancelled while it waits is dropped with the reason; the pages around it are read', async () => {
    const raster = await toRaster(doc.png);
    const stop = new AbortController();
    const reads = [pool.recognize(raster, { lang: 'auto' }), pool.recognize(raster, { lang: 'auto' }), pool.recognize(raster, { lang: 'auto', signal: stop.signal }), pool.recognize(raster, { lang: 'auto' })];
    stop.abort(new Error('the clerk cancelled'));
    const r = await Promise.allSettled(reads);
    expect(r.map((x) => x.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(r[2]!.status === 'rejected' && String(r[2]!.reason)).toMatch(/the clerk cancelled/);
    expect(r[3]!.status === 'fulfilled' && textOf(r[3]!.value.lines)).toContain('西湖区清风茶馆');
  }, 120_000);

  it('a worker that dies fails only the page it was reading; the next page starts a new worker', async () => {
    const p = await PpOcrPool.load(PACK, { workers: 1 });
    try {
      const raster = await toRaster(doc.png);
      const reading = p.recognize(raster, { lang: 'auto' });
      const queued = p.recognize(raster, { lang: 'auto' });
      // What an out-of-memory kill or a native crash in one worker looks like to the pool.
      const { slots } = p as unknown as { slots: { worker: { terminate(): Promise<number> } }[] };
      await slots[0]!.worker.terminate();
      await expect(reading).rejects.toThrow(/the OCR worker stopped/);
      expect(textOf((await queued).lines)).toContain('西湖区清风茶馆');
      expect(p.size).toBe(1);
    } finally {
      await p.dispose();
    }
  }, 120_000);

  it('a replacement worker that cannot load fails the waiting pages with the reason, once; a later page tries again', async () => {
    const pack = tempDir('ic-pool-');
    for (const f of fs.readdirSync(PACK)) fs.copyFileSync(path.join(PACK, f), path.join(pack, f));
    const p = await PpOcrPool.load(pack, { workers: 1 });
    try {
      const raster = await toRaster(doc.png);
      const reading = p.recognize(raster, { lang: 'auto' });
      const waiting = p.recognize(raster, { lang: 'auto' });
      // The pack loses a model while the worker reads; then the worker dies.
      fs.renameSync(path.join(pack, 'ch_PP-OCRv4_rec_infer.onnx'), path.join(pack, 'moved.onnx'));
      const { slots } = p as unknown as { slots: { worker: { terminate(): Promise<number> } }[] };
      await slots[0]!.worker.terminate();
      await expect(reading).rejects.toThrow(/the OCR worker stopped/);
      await expect(waiting).rejects.toThrow(/has no ch_PP-OCRv4_rec_infer\.onnx/);
      expect(p.size).toBe(0);
      fs.renameSync(path.join(pack, 'moved.onnx'), path.join(pack, 'ch_PP-OCRv4_rec_infer.onnx'));
      expect(textOf((await p.recognize(raster, { lang: 'auto' })).lines)).toContain('西湖区清风茶馆');
    } finally {
      await p.dispose();
    }
  }, 120_000);

  it('a pack missing a model fails to load with the reason', async () => {
    const broken = tempDir('ic-pool-');
    for (const f of fs.readdirSync(PACK)) if (!f.startsWith('ch_PP-OCRv4_rec')) fs.copyFileSync(path.join(PACK, f), path.join(broken, f));
    await expect(PpOcrPool.load(broken, { workers: 2 })).rejects.toThrow(/has no ch_PP-OCRv4_rec_infer\.onnx/);
  }, 60_000);

  it('where worker threads cannot start, the service gets the engine on its own thread, and says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const fallback = await loadPpOcr(PACK, { workerUrl: new URL('file:///nonexistent/ppocr-pool-worker.js') });
      try {
        expect(fallback).toBeInstanceOf(PpOcrEngine);
        expect(textOf((await fallback.recognize(await toRaster(doc.png), { lang: 'auto' })).lines)).toContain('91330106MA27XYZ12K');
      } finally {
        await fallback.dispose();
      }
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/on the host's own thread \(its worker threads did not start: /);
      // A pack that cannot load still fails, with the engine's reason.
      await expect(loadPpOcr(tempDir('ic-pool-'))).rejects.toThrow(/has no/);
    } finally {
      warn.mockRestore();
    }
    const pooled = await loadPpOcr(PACK, { workers: 1 });
    expect(pooled).toBeInstanceOf(PpOcrPool);
    await pooled.dispose();
  }, 120_000);

  it('after dispose, pages are refused', async () => {
    const p = await PpOcrPool.load(PACK, { workers: 1 });
    await p.dispose();
    await expect(p.recognize(await toRaster(doc.png), { lang: 'auto' })).rejects.toThrow(/closed/);
  }, 60_000);
});
