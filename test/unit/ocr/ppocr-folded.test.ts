import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogPack } from '../../../main/common/contract/index.js';
import { PPOCR_FILES, PpOcrEngine, foldedName } from '../../../main/node/capabilities/ocr/ppocr-engine.js';
import { deriveFiles } from '../../../main/node/models/prepare.js';
import { renderDoc, toRaster } from './render-doc.js';

// scripts/models/fold-ppocr.py (derived at pack preparation): the folded models must compute what the originals do.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PACK = path.join(root, 'models/packs/pp-ocrv4-ch');
const hasPack = fs.existsSync(path.join(PACK, PPOCR_FILES.rec));
const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import onnx'], { encoding: 'utf8' }).status === 0);
if (!hasPack || !python) console.warn(`folded-model tests skipped: ${hasPack ? 'no Python with the onnx package' : `no model pack at ${PACK}`}`);

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'models/manifest.json'), 'utf8')) as { packs: CatalogPack[] };
const entry = manifest.packs.find((p) => p.id === 'pp-ocrv4-ch')!;

describe('derived pack files', () => {
  it('the manifest derives the folded models from the pack files with the committed script', () => {
    expect(entry.derived?.map((d) => [d.from, d.path])).toEqual([
      [PPOCR_FILES.det, foldedName(PPOCR_FILES.det)],
      [PPOCR_FILES.rec, foldedName(PPOCR_FILES.rec)],
      [PPOCR_FILES.cls, foldedName(PPOCR_FILES.cls)],
    ]);
    for (const d of entry.derived!) expect(fs.existsSync(path.join(root, d.script))).toBe(true);
  });

  it('reports a file it cannot make and leaves nothing behind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-derive-'));
    try {
      fs.writeFileSync(path.join(dir, PPOCR_FILES.det), 'not a model');
      const lines = deriveFiles(entry, dir, [path.join(dir, 'no-such-python')]);
      expect(lines[0]).toMatch(/ch_PP-OCRv4_det_infer\.folded\.onnx not derived .*used instead/);
      expect(lines[1]).toMatch(/ch_PP-OCRv4_rec_infer\.onnx is missing/);
      expect(lines[2]).toMatch(/ch_ppocr_mobile_v2\.0_cls_infer\.onnx is missing/);
      expect(fs.readdirSync(dir)).toEqual([PPOCR_FILES.det]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!hasPack || !python)('folded PP-OCRv4 models (real models)', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-folded-'));
    for (const f of Object.values(PPOCR_FILES)) fs.copyFileSync(path.join(PACK, f), path.join(dir, f));
    const lines = deriveFiles(entry, dir, [python!]);
    expect(lines).toEqual([
      expect.stringMatching(/det_infer\.folded\.onnx derived/),
      expect.stringMatching(/rec_infer\.folded\.onnx derived/),
      expect.stringMatching(/cls_infer\.folded\.onnx derived/),
    ]);
    expect(deriveFiles(entry, dir, [python!])).toEqual([]); // up to date: not made again
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Max |difference| between the two models' outputs on the same input, and how many output values there were. */
  async function compare(file: string, dims: number[]): Promise<{ maxDiff: number; n: number; argmaxChanged: number }> {
    const [a, b] = await Promise.all([ort.InferenceSession.create(path.join(dir, file)), ort.InferenceSession.create(path.join(dir, foldedName(file)))]);
    try {
      // A smooth pseudo-image in the models' normalised range.
      const data = Float32Array.from({ length: dims.reduce((x, y) => x * y) }, (_, i) => Math.sin(i * 0.013) * Math.cos(i * 0.0007) * 1.5);
      const x = new ort.Tensor('float32', data, dims);
      const oa = (await a.run({ [a.inputNames[0]!]: x }))[a.outputNames[0]!]!;
      const ob = (await b.run({ [b.inputNames[0]!]: x }))[b.outputNames[0]!]!;
      expect(ob.dims).toEqual(oa.dims);
      const pa = oa.data as Float32Array;
      const pb = ob.data as Float32Array;
      let maxDiff = 0;
      for (let i = 0; i < pa.length; i++) maxDiff = Math.max(maxDiff, Math.abs(pa[i]! - pb[i]!));
      // For the recogniser: the class chosen at each time step.
      let argmaxChanged = 0;
      const classes = oa.dims.length === 3 ? oa.dims[2]! : 0;
      for (let s = 0; classes && s < pa.length / classes; s++) {
        let ia = 0;
        let ib = 0;
        for (let c = 1; c < classes; c++) {
          if (pa[s * classes + c]! > pa[s * classes + ia]!) ia = c;
          if (pb[s * classes + c]! > pb[s * classes + ib]!) ib = c;
        }
        if (ia !== ib) argmaxChanged++;
      }
      return { maxDiff, n: pa.length, argmaxChanged };
    } finally {
      await Promise.all([a.release(), b.release()]);
    }
  }

  it('the folded recogniser gives each time step the class and probability the original ranks first', async () => {
    const file = PPOCR_FILES.rec;
    const [a, b] = await Promise.all([ort.InferenceSession.create(path.join(dir, file)), ort.InferenceSession.create(path.join(dir, foldedName(file)))]);
    try {
      expect(b.outputNames).toEqual(['best_class', 'best_prob']);
      const dims = [2, 3, 48, 640];
      const data = Float32Array.from({ length: dims.reduce((x, y) => x * y) }, (_, i) => Math.sin(i * 0.013) * Math.cos(i * 0.0007) * 1.5);
      const x = new ort.Tensor('float32', data, dims);
      const oa = (await a.run({ [a.inputNames[0]!]: x }))[a.outputNames[0]!]!;
      const ob = await b.run({ [b.inputNames[0]!]: x });
      const [n, steps, classes] = oa.dims as [number, number, number];
      expect(ob.best_class!.dims).toEqual([n, steps]);
      expect(ob.best_prob!.dims).toEqual([n, steps]);
      const pa = oa.data as Float32Array;
      const best = ob.best_class!.data as Float32Array;
      const prob = ob.best_prob!.data as Float32Array;
      let changed = 0;
      let maxDiff = 0;
      for (let s = 0; s < n * steps; s++) {
        let ia = 0;
        for (let c = 1; c < classes; c++) if (pa[s * classes + c]! > pa[s * classes + ia]!) ia = c;
        if (ia !== best[s]) changed++;
        maxDiff = Math.max(maxDiff, Math.abs(pa[s * classes + ia]! - prob[s]!));
      }
      expect(n * steps).toBeGreaterThan(100);
      expect(changed).toBe(0);
      expect(maxDiff).toBeLessThan(1e-3);
    } finally {
      await Promise.all([a.release(), b.release()]);
    }
  }, 60_000);

  it('the folded detector gives the same probability map', async () => {
    const r = await compare(PPOCR_FILES.det, [1, 3, 320, 256]);
    expect(r.n).toBe(320 * 256);
    expect(r.maxDiff).toBeLessThan(1e-3);
  }, 60_000);

  it('the folded direction classifier gives the same probabilities', async () => {
    const r = await compare(PPOCR_FILES.cls, [4, 3, 48, 192]);
    expect(r.n).toBe(8);
    expect(r.maxDiff).toBeLessThan(1e-4);
  }, 60_000);

  it('the engine loads the folded models when the pack has them, the originals when asked', async () => {
    const doc = await renderDoc({ title: '营业执照', lines: ['统一社会信用代码 91330106MA2AYF6L02', '名称 杭州市西湖区示例餐饮有限公司', '登记机关 杭州市西湖区市场监督管理局'], font: 'Noto Sans CJK SC' });
    const folded = await PpOcrEngine.load(dir);
    const plain = await PpOcrEngine.load(dir, { foldedModels: false });
    try {
      expect(folded.modelFiles).toEqual({ det: foldedName(PPOCR_FILES.det), cls: foldedName(PPOCR_FILES.cls), rec: foldedName(PPOCR_FILES.rec) });
      expect(plain.modelFiles).toEqual({ det: PPOCR_FILES.det, cls: PPOCR_FILES.cls, rec: PPOCR_FILES.rec });
      const raster = await toRaster(doc.png);
      const [a, b] = [await folded.recognize(raster, { lang: 'auto' }), await plain.recognize(raster, { lang: 'auto' })];
      expect(a.lines.map((l) => l.text)).toEqual(b.lines.map((l) => l.text));
      expect(a.lines.map((l) => l.text).join('')).toContain('91330106MA2AYF6L02');
    } finally {
      await Promise.all([folded.dispose(), plain.dispose()]);
    }
  }, 60_000);
});
