import fs from 'node:fs';
import path from 'node:path';
import type { OcrLine, Rotation } from '../../../common/contract/index.js';
import { createOnnxSession, runSingle, type InferenceSession } from '../../inference/onnx-session.js';
import { TextClassifier } from './cls/text-classifier.js';
import type { DbOptions } from './det/db-postprocess.js';
import { TextDetector } from './det/text-detector.js';
import type { EngineResult, OcrEngine, OcrLang, RasterPage } from './engine.js';
import { toGrey } from './preprocess/grey.js';
import type { GreyImage, Pt, Quad } from './preprocess/image.js';
import { addRotation, flipVote, fromUpright, lineShape, mapQuad, sidewaysVote, toUpright, uprightQuad } from './preprocess/orientation.js';
import { readingOrder, type ReadItem } from './reading-order.js';
import type { CtcResult } from './rec/ctc.js';
import { loadCharacters } from './rec/ctc.js';
import { cropLine } from './rec/crop.js';
import { fixLine } from './rec/text-fixes.js';
import { TextRecognizer } from './rec/text-recognizer.js';

/** The pp-ocrv4-ch pack's files. */
export const PPOCR_FILES = {
  det: 'ch_PP-OCRv4_det_infer.onnx',
  rec: 'ch_PP-OCRv4_rec_infer.onnx',
  cls: 'ch_ppocr_mobile_v2.0_cls_infer.onnx',
  keys: 'ppocr_keys_v1.txt',
} as const;

export interface PpOcrOptions {
  /** Threads per model run (default 2). */
  threads?: number;
  /**
   * Keep onnxruntime's CPU memory arena (default true): about 5–10 % faster pages for about 120 MB more resident
   * memory, bounded because the detector's input is capped at `detLimitSideLen`.
   */
  memArena?: boolean;
  /** Longer side the detector runs at (default 960). */
  detLimitSideLen?: number;
  db?: Partial<DbOptions>;
  /** Lines read with less confidence are dropped (RapidOCR's text_score, default 0.5). */
  minConfidence?: number;
  /** Map red stamp ink to the paper before reading (default true). */
  suppressRed?: boolean;
  /**
   * Settle upright vs upside down by recognising a few lines both ways round: 'auto' (default) only when the
   * direction classifier's vote is unsure, 'always', or 'never' (the classifier alone).
   */
  recognitionCheck?: 'auto' | 'always' | 'never';
}

export interface PpOcrTimings {
  prepMs: number;
  detMs: number;
  clsMs: number;
  recMs: number;
  totalMs: number;
}

export interface PpOcrResult extends EngineResult {
  timings: PpOcrTimings;
  /** How the rotation was settled. */
  orientation: { sideways: number; flipVote: number; byRecognition: boolean };
}

/** At most this many lines (the longest) vote on the page's direction. */
const VOTERS = 24;
/** A classifier vote this close to even is checked by recognising a few lines both ways round. */
const UNSURE = 0.3;
const CHECK_LINES = 4;

/**
 * PP-OCRv4 (Chinese + English) on onnxruntime, RapidOCR-style: DB detection once per page on the page as given,
 * orientation from the boxes' shapes plus the direction classifier (and, when that is unsure, the recogniser),
 * recognition of every line batched by width, lines in reading order with boxes in the given page's pixels.
 */
export class PpOcrEngine implements OcrEngine {
  readonly id = 'ppocr-v4';

  private constructor(
    private readonly sessions: InferenceSession[],
    private readonly det: TextDetector,
    private readonly cls: TextClassifier,
    private readonly rec: TextRecognizer,
    private readonly opts: PpOcrOptions,
  ) {}

  /** Loads the three models of a pp-ocrv4-ch pack folder (once; reuse the engine for every page). */
  static async load(packDir: string, opts: PpOcrOptions = {}): Promise<PpOcrEngine> {
    for (const f of Object.values(PPOCR_FILES)) {
      if (!fs.existsSync(path.join(packDir, f))) throw new Error(`PP-OCRv4 pack at ${packDir} has no ${f}`);
    }
    const so = { intraOpThreads: opts.threads ?? 2, memArena: opts.memArena ?? true };
    const [det, cls, rec] = await Promise.all([
      createOnnxSession(path.join(packDir, PPOCR_FILES.det), so),
      createOnnxSession(path.join(packDir, PPOCR_FILES.cls), so),
      createOnnxSession(path.join(packDir, PPOCR_FILES.rec), so),
    ]);
    const characters = loadCharacters(path.join(packDir, PPOCR_FILES.keys));
    // The first run of a session pays for its allocations and thread start-up: pay it here, not on the first page.
    await runSingle(det, { data: new Float32Array(3 * 64 * 64), dims: [1, 3, 64, 64] });
    await runSingle(cls, { data: new Float32Array(3 * 48 * 192), dims: [1, 3, 48, 192] });
    await runSingle(rec, { data: new Float32Array(3 * 48 * 320), dims: [1, 3, 48, 320] });
    return new PpOcrEngine(
      [det, cls, rec],
      new TextDetector(det, { limitSideLen: opts.detLimitSideLen ?? 960, ...opts.db }),
      new TextClassifier(cls),
      new TextRecognizer(rec, characters),
      opts,
    );
  }

  async recognize(page: RasterPage, o: { lang: OcrLang; signal?: AbortSignal } = { lang: 'auto' }): Promise<PpOcrResult> {
    const { signal } = o;
    const t0 = performance.now();
    signal?.throwIfAborted();
    const grey = toGrey(page, { suppressRed: this.opts.suppressRed ?? true });
    const { width: W, height: H } = grey;
    const t1 = performance.now();

    const boxes = await this.det.detect(grey);
    signal?.throwIfAborted();
    const t2 = performance.now();
    const timings = (t3: number, t4: number): PpOcrTimings => ({
      prepMs: t1 - t0,
      detMs: t2 - t1,
      clsMs: t3 - t2,
      recMs: t4 - t3,
      totalMs: performance.now() - t0,
    });
    if (!boxes.length) {
      return { rotation: 0, lines: [], timings: timings(t2, t2), orientation: { sideways: 0.5, flipVote: 0.5, byRecognition: false } };
    }

    // Sideways or not, from the boxes' shapes; the quads become clockwise from the text's top-left in that frame.
    const sw = sidewaysVote(boxes.map((b) => b.quad));
    const base: Rotation = sw.sideways ? 90 : 0;
    let quads: Quad[] = boxes.map((b) => mapQuad(uprightQuad(b.quad, base, W, H), (p) => fromUpright(p, base, W, H)));
    let crops = quads.map((q) => cropLine(grey, q));

    // Upright or upside down: the classifier's votes over the longest lines.
    const voters = quads
      .map((q, i) => ({ i, shape: lineShape(q) }))
      .filter((v) => v.shape.long >= 1.5 * v.shape.short)
      .sort((a, b) => b.shape.long - a.shape.long)
      .slice(0, VOTERS);
    const pool = voters.length ? voters : quads.map((q, i) => ({ i, shape: lineShape(q) })).slice(0, VOTERS);
    const votes = await this.cls.classify(
      pool.map((v) => crops[v.i]!),
      signal,
    );
    const vote = flipVote(votes.map((v, k) => ({ p180: v.p180, weight: Math.min(pool[k]!.shape.long / pool[k]!.shape.short, 12) })));
    let flip = vote > 0.5;
    const t3 = performance.now();

    // Unsure: read a few of the longest lines both ways round and keep the more confident reading.
    const known = new Map<number, CtcResult>();
    let byRecognition = false;
    const check = this.opts.recognitionCheck ?? 'auto';
    if (check === 'always' || (check === 'auto' && Math.abs(vote - 0.5) < UNSURE)) {
      byRecognition = true;
      const sample = pool.slice(0, CHECK_LINES).map((v) => v.i);
      const asIs = await this.rec.recognize(
        sample.map((i) => crops[i]!),
        signal,
      );
      const turned = await this.rec.recognize(
        sample.map((i) => rotate180(crops[i]!)),
        signal,
      );
      const score = (rs: CtcResult[]): number => rs.reduce((s, r) => s + r.confidence * Math.max(1, r.text.length), 0);
      flip = score(turned) > score(asIs);
      sample.forEach((i, k) => known.set(i, (flip ? turned : asIs)[k]!));
    }
    const rotation = flip ? addRotation(base, 180) : base;
    if (flip) {
      quads = quads.map((q) => [q[2], q[3], q[0], q[1]] as const);
      crops = crops.map((c, i) => (known.has(i) ? c : rotate180(c)));
    }

    const todo = crops.map((_, i) => i).filter((i) => !known.has(i));
    const read = await this.rec.recognize(
      todo.map((i) => crops[i]!),
      signal,
    );
    todo.forEach((i, k) => known.set(i, read[k]!));
    const t4 = performance.now();

    // Reading order and merging in the upright frame; boxes back in the page's own pixels.
    const minConf = this.opts.minConfidence ?? 0.5;
    const items: ReadItem[] = [];
    quads.forEach((q, i) => {
      const r = known.get(i)!;
      const text = fixLine(r.text.trim());
      if (!text || r.confidence < minConf) return;
      items.push({ quad: mapQuad(q, (p) => toUpright(p, rotation, W, H)), text, confidence: r.confidence });
    });
    const lines: OcrLine[] = readingOrder(items).map((it) => ({
      text: it.text,
      box: mapQuad(it.quad, (p) => roundPt(fromUpright(p, rotation, W, H))) as OcrLine['box'],
      confidence: Math.min(1, Math.max(0, it.confidence)),
    }));
    return {
      rotation,
      lines,
      timings: timings(t3, t4),
      orientation: { sideways: sw.sideways ? sw.confidence : 1 - sw.confidence, flipVote: vote, byRecognition },
    };
  }

  async dispose(): Promise<void> {
    await Promise.all(this.sessions.map((s) => s.dispose()));
  }
}

const roundPt = (p: Pt): [number, number] => [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10];

function rotate180(img: GreyImage): GreyImage {
  return { data: img.data.slice().reverse(), width: img.width, height: img.height };
}
