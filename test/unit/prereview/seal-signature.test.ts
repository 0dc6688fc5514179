import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrLine, OcrPage } from '../../../main/common/contract/index.js';
import { loadPages } from '../../../main/node/capabilities/ocr/input/load-pages.js';
import { PpOcrEngine } from '../../../main/node/capabilities/ocr/ppocr-engine.js';
import { parseCatalog } from '../../../main/node/capabilities/prereview/catalog.js';
import { findSignatures, sealSignatureChecks } from '../../../main/node/capabilities/prereview/seal-signature.js';
import type { AnalyzedDocument } from '../../../main/node/capabilities/prereview/types.js';
import { renderMarksCase } from '../../../scripts/bench/render-marks-eval.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PACK = path.join(root, 'models/packs/pp-ocrv4-ch');
const hasPack = fs.existsSync(path.join(PACK, 'ch_PP-OCRv4_rec_infer.onnx'));

const rect = (x0: number, y0: number, x1: number, y1: number): OcrLine['box'] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];
const line = (text: string, box: OcrLine['box']): OcrLine => ({ text, box, confidence: 0.99 });
const doc = { file: 'form.png', pages: [1], title: { file: 'form.png', page: 1, box: null, text: '申请书' } } as unknown as AnalyzedDocument;
const page = (lines: OcrLine[], marks: OcrPage['marks']): OcrPage => ({
  file: 'form.png',
  page: 1,
  engine: 'test',
  rotation: 0,
  text: '',
  lines,
  ms: 1,
  width: 1240,
  height: 1754,
  source: 'ocr',
  marks,
});
const LABEL = line('申请人（签字）：', rect(120, 1200, 420, 1240));
const label = { zh: '申请书', en: 'application form' };

describe('seal and signature checks', () => {
  it('pages read without mark detection (a PDF text layer) give warnings to check by eye, not failures', () => {
    const checks = sealSignatureChecks('form', doc, [page([LABEL], undefined)], { needsSeal: true, needsSignature: true }, label);
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['material.form.seal', 'warn'],
      ['material.form.signature', 'warn'],
    ]);
    expect(checks[0]!.message).toMatch(/could not be checked/);
    // The same page analysed for marks, with none found, is a finding.
    const analysed = sealSignatureChecks('form', doc, [page([LABEL], { seals: [], ink: [] })], { needsSeal: true, needsSignature: true }, label);
    expect(analysed.map((c) => c.status)).toEqual(['fail', 'fail']);
  });

  it('the catalog fields are optional and default to false', () => {
    const material = { id: 'form', name: '申请书', nameEn: 'Application form', type: 'application_form', required: true };
    const c = parseCatalog({
      schemaVersion: 1,
      services: [
        {
          id: 'svc',
          name: '测试事项',
          nameEn: 'Test',
          department: '测试局',
          materials: [material, { ...material, id: 'sealed', needsSeal: true, needsSignature: true }],
        },
      ],
    });
    expect(c.services[0]!.materials.map((m) => [m.needsSeal, m.needsSignature])).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it('passes with the seal and the signature as evidence, where they are', () => {
    const sealBox = rect(800, 1100, 1050, 1350);
    const inkBox = rect(440, 1190, 600, 1245);
    const checks = sealSignatureChecks('form', doc, [page([LABEL], { seals: [{ box: sealBox, score: 0.9 }], ink: [{ box: inkBox }] })], { needsSeal: true, needsSignature: true }, label);
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['material.form.seal', 'pass'],
      ['material.form.signature', 'pass'],
    ]);
    expect(checks[0]!.evidence[0]).toMatchObject({ page: 1, box: sealBox });
    expect(checks[1]!.evidence[0]).toMatchObject({ page: 1, box: inkBox });
  });

  it('fails when the seal or the signature is missing; ink elsewhere on the page is no signature', () => {
    const farInk = rect(900, 300, 1100, 360); // a note in the margin, far from the field
    const checks = sealSignatureChecks('form', doc, [page([LABEL], { seals: [], ink: [{ box: farInk }] })], { needsSeal: true, needsSignature: true }, label);
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['material.form.seal', 'fail'],
      ['material.form.signature', 'fail'],
    ]);
    // The unsigned field is the evidence.
    expect(checks[1]!.evidence[0]).toMatchObject({ box: LABEL.box, text: LABEL.text });
  });

  it('warns when the form has no signature field to look in, and checks only what the material needs', () => {
    const checks = sealSignatureChecks('form', doc, [page([line('申请事项 食品经营许可', rect(120, 300, 600, 340))], { seals: [], ink: [] })], { needsSignature: true }, label);
    expect(checks.map((c) => [c.id, c.status])).toEqual([['material.form.signature', 'warn']]);
    expect(findSignatures(doc, [page([line('请在下方签字栏内签字确认本申请书所填内容真实有效无误', rect(120, 300, 1100, 340))], { seals: [], ink: [] })]).fields).toEqual([]);
  });
});

describe.skipIf(!hasPack)('seals and signatures found by OCR on rendered forms', () => {
  let engine: PpOcrEngine;
  beforeAll(async () => {
    engine = await PpOcrEngine.load(PACK);
  }, 60_000);
  afterAll(() => engine?.dispose());

  async function read(c: { seed: number; seal: boolean; signature: boolean }) {
    const img = await renderMarksCase(c);
    let raster;
    for await (const p of loadPages({ name: 'f.jpg', base64: img.bytes.toString('base64') })) if (p.kind === 'raster') raster = p.raster;
    const r = await engine.recognize(raster!, { lang: 'auto', marks: true });
    const p: OcrPage = { ...page(r.lines, r.marks), width: raster!.width, height: raster!.height };
    return { truth: img.truth, checks: sealSignatureChecks('form', doc, [p], { needsSeal: true, needsSignature: true }, label) };
  }

  it('a sealed, signed form passes, with the seal box on the seal and the ink beside the label', async () => {
    const { truth, checks } = await read({ seed: 4284, seal: true, signature: true });
    expect(checks.map((c) => c.status)).toEqual(['pass', 'pass']);
    const [sx, sy] = [(truth.seal!.x0 + truth.seal!.x1) / 2, (truth.seal!.y0 + truth.seal!.y1) / 2];
    const sealBox = checks[0]!.evidence[0]!.box!;
    expect(sx).toBeGreaterThan(sealBox[0][0]);
    expect(sx).toBeLessThan(sealBox[2][0]);
    expect(sy).toBeGreaterThan(sealBox[0][1]);
    expect(sy).toBeLessThan(sealBox[2][1]);
    const ink = checks[1]!.evidence[0]!.box!;
    expect(ink[2][0]).toBeGreaterThan(truth.signature!.x0);
    expect(ink[0][0]).toBeLessThan(truth.signature!.x1);
  }, 60_000);

  it('a form with neither fails both checks (a red letterhead is no seal)', async () => {
    const { truth, checks } = await read({ seed: 4310, seal: false, signature: false });
    expect(truth.letterhead).toBe(true);
    expect(checks.map((c) => c.status)).toEqual(['fail', 'fail']);
  }, 60_000);
});
