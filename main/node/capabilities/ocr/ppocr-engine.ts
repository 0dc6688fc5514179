import fs from 'node:fs';
import path from 'node:path';
import type { OcrLine, OcrPage, Rotation } from '../../../common/contract/index.js';
import { findMarks, type Rect } from './marks/find-marks.js';
import { createOnnxSession, runSingle, type InferenceSession } from '../../inference/onnx-session.js';
import { TextClassifier } from './cls/text-classifier.js';
import type { DbOptions } from './det/db-postprocess.js';
import { DET_LIMIT, TextDetector } from './det/text-detector.js';
import type { EngineResult, OcrEngine, OcrLang, RasterPage } from './engine.js';
import { toGrey, type GreyPage } from './preprocess/grey.js';
import type { GreyImage, Pt, Quad } from './preprocess/image.js';
import { addRotation, flipVote, fromUpright, lineShape, mapQuad, sidewaysVote, toUpright, uprightQuad } from './preprocess/orientation.js';
import { readingOrder, type ReadItem } from './reading-order.js';
import type { CtcResult } from './rec/ctc.js';
import { loadCharacters } from './rec/ctc.js';
import { cropLine } from './rec/crop.js';
import { fixLineAt } from './rec/text-fixes.js';
import { TextRecognizer } from './rec/text-recognizer.js';
import { OCR_DEFAULTS } from './defaults.js';

/** The pp-ocrv4-ch pack's files. */
export const PPOCR_FILES = {
  det: 'ch_PP-OCRv4_det_infer.onnx',
  rec: 'ch_PP-OCRv4_rec_infer.onnx',
  cls: 'ch_ppocr_mobile_v2.0_cls_infer.onnx',
  keys: 'ppocr_keys_v1.txt',
} as const;

/**
 * The simplified copy of a model that pack preparation derives (scripts/models/fold-ppocr.py: PP-LCNetV3's affine
 * blocks folded into the convolutions, hard-swish as one HardSigmoid and a Mul — the same function, about a quarter
 * less time for the recogniser and the detector on CPU; the recogniser gives each time step's best class and its
 * probability rather than all 6625, which is what decoding reads). Used when present; the pack's own file when not.
 */
export const foldedName = (file: string): string => file.replace(/\.onnx$/, '.folded.onnx');

export interface PpOcrOptions {
  /** Threads per model run (default 2). */
  threads?: number;
  /**
   * Keep onnxruntime's CPU memory arena (default true): about 5–10 % faster pages for about 120 MB more resident
   * memory, bounded because the detector's input is capped (1440 px at most, for small print) and the
   * recogniser's runs too (MAX_BATCH_COLUMNS).
   */
  memArena?: boolean;
  /**
   * Intra-op threads spin between operators (default false here; see SessionOptions.spinning). The engine has
   * three sessions, each with its own intra-op thread: spinning, the threads of the sessions not running keep
   * spinning beside the one that is, three busy threads on two cores. Measured in paired runs on the development
   * set (same process, pages alternating): without spinning 29 % less wall time and 29 % less CPU per page.
   */
  spinning?: boolean;
  /** Longer side the detector runs at (default 736; larger, up to 1440, for small print). */
  detLimitSideLen?: number;
  db?: Partial<DbOptions>;
  /**
   * Lines read with less confidence are dropped (RapidOCR's text_score, default 0.5) — unless they are at least
   * four characters or longer and read with at least `minLongConfidence` (default 0.3): a whole line of text the
   * recogniser struggled with (a stamp across it, blur) is worth more slightly wrong than missing, while stray
   * marks read as one or two characters are not.
   */
  minConfidence?: number;
  minLongConfidence?: number;
  /** Map red stamp ink to the paper before reading (default true). */
  suppressRed?: boolean;
  /**
   * Settle upright vs upside down by recognising a few lines both ways round: 'auto' (default) only when the
   * direction classifier's vote is unsure, 'always', or 'never' (the classifier alone).
   */
  recognitionCheck?: 'auto' | 'always' | 'never';
  /**
   * Settle upright vs upside down from the page's layout where it is clear (default true): see alignmentFlip().
   * Off, the direction classifier always votes.
   */
  alignmentOrientation?: boolean;
  /**
   * Denormal floats as zero in all three models (default true; SessionOptions.denormalAsZero). Paired runs, text
   * identical on every page: engine time −2 % on the development set, −4 % on the synthetic set.
   */
  denormalAsZero?: boolean;
  /** Detect on the inked part of the page only (default true): see inkRegion(). */
  inkCrop?: boolean;
  /** Load the pack's folded models where preparation derived them (default true); false: always the originals. */
  foldedModels?: boolean;
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
  /** The grey page the lines were read from (red ink lifted): for re-reading line crops with another recogniser. */
  page: GreyPage;
  /** How the rotation was settled. */
  orientation: { sideways: number; flipVote: number; byRecognition: boolean };
}

/** At most this many lines (the longest) vote on the page's direction. */
const VOTERS = OCR_DEFAULTS.orientation.voters;
/** A classifier vote this close to even is checked by recognising a few lines both ways round. */
const UNSURE = OCR_DEFAULTS.orientation.unsure;
const CHECK_LINES = OCR_DEFAULTS.orientation.checkLines;
/** A line this long (characters) may be kept with less confidence (see minLongConfidence). */
const LONG_LINE = OCR_DEFAULTS.rec.longLine;

/**
 * PP-OCRv4 (Chinese + English) on onnxruntime, RapidOCR-style: DB detection once per page on the page as given,
 * orientation from the boxes' shapes plus the direction classifier (and, when that is unsure, the recogniser),
 * recognition of every line batched by width, lines in reading order with boxes in the given page's pixels.
 */
export class PpOcrEngine implements OcrEngine {
  readonly id = 'ppocr-v4';

  private constructor(
    /** The model files loaded (det, cls, rec), as named in the pack folder. */
    readonly modelFiles: { det: string; cls: string; rec: string },
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
    const so = { intraOpThreads: opts.threads ?? 2, memArena: opts.memArena ?? true, spinning: opts.spinning ?? false, denormalAsZero: opts.denormalAsZero ?? true };
    const pick = (file: string): string => (opts.foldedModels !== false && fs.existsSync(path.join(packDir, foldedName(file))) ? foldedName(file) : file);
    const files = { det: pick(PPOCR_FILES.det), cls: pick(PPOCR_FILES.cls), rec: pick(PPOCR_FILES.rec) };
    const [det, cls, rec] = await Promise.all([
      createOnnxSession(path.join(packDir, files.det), so),
      createOnnxSession(path.join(packDir, files.cls), so),
      createOnnxSession(path.join(packDir, files.rec), so),
    ]);
    const characters = loadCharacters(path.join(packDir, PPOCR_FILES.keys));
    // The first run of a session pays for its allocations and thread start-up: pay it here, not on the first page.
    await runSingle(det, { data: new Float32Array(3 * 64 * 64), dims: [1, 3, 64, 64] });
    await runSingle(cls, { data: new Float32Array(3 * 48 * 192), dims: [1, 3, 48, 192] });
    await runSingle(rec, { data: new Float32Array(3 * 48 * 320), dims: [1, 3, 48, 320] });
    return new PpOcrEngine(
      files,
      [det, cls, rec],
      new TextDetector(det, { limitSideLen: opts.detLimitSideLen ?? DET_LIMIT, ...(opts.inkCrop === false ? { inkCrop: false } : {}), ...opts.db }),
      new TextClassifier(cls),
      new TextRecognizer(rec, characters),
      opts,
    );
  }

  /**
   * One page at a time: the detector and the recogniser reuse their input buffers from run to run, so two pages
   * read at once (two jobs in one model host) would write over each other's tensors between the awaits. Nothing is
   * lost by waiting: onnxruntime-node runs a model on the calling (JavaScript) thread, so two pages in one thread
   * never ran in parallel anyway.
   */
  recognize(page: RasterPage, o: { lang: OcrLang; signal?: AbortSignal; marks?: boolean } = { lang: 'auto' }): Promise<PpOcrResult> {
    const turn = this.busy.then(() => this.read(page, o));
    this.busy = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /** The page before this one in recognize()'s queue (settled or not). */
  private busy: Promise<void> = Promise.resolve();

  private async read(page: RasterPage, o: { lang: OcrLang; signal?: AbortSignal; marks?: boolean }): Promise<PpOcrResult> {
    const { signal } = o;
    const t0 = performance.now();
    signal?.throwIfAborted();
    const grey = toGrey(page, { suppressRed: this.opts.suppressRed ?? true });
    const { width: W, height: H } = grey;
    const t1 = performance.now();

    const boxes = dropSealText(await this.det.detect(grey), grey);
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
      return {
        rotation: 0,
        lines: [],
        timings: timings(t2, t2),
        page: grey,
        orientation: { sideways: 0.5, flipVote: 0.5, byRecognition: false },
        ...(o.marks ? { marks: marksOf(grey, []) } : {}),
      };
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
    // Where the page's own layout settles it (lines flush on one side only), the classifier is not asked.
    const aligned = this.opts.alignmentOrientation === false ? undefined : alignmentFlip(quads.map((q) => mapQuad(q, (p) => toUpright(p, base, W, H))));
    const vote =
      aligned !== undefined
        ? aligned
        : flipVote(
            (
              await this.cls.classify(
                pool.map((v) => crops[v.i]!),
                signal,
              )
            ).map((v, k) => ({ p180: v.p180, weight: Math.min(pool[k]!.shape.long / pool[k]!.shape.short, 12) })),
          );
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
    const minConf = this.opts.minConfidence ?? OCR_DEFAULTS.rec.minConfidence;
    const minLong = Math.min(minConf, this.opts.minLongConfidence ?? OCR_DEFAULTS.rec.minLongConfidence);
    const items: ReadItem[] = [];
    quads.forEach((q, i) => {
      const r = known.get(i)!;
      const { text, at } = fixLineAt(r.text, r.at);
      if (!keepReading(text, r.confidence, minConf, minLong)) return;
      items.push({ quad: mapQuad(q, (p) => toUpright(p, rotation, W, H)), text, confidence: r.confidence, at });
    });
    const lines: OcrLine[] = readingOrder(items).map((it) => ({
      text: it.text,
      box: mapQuad(it.quad, (p) => roundPt(fromUpright(p, rotation, W, H))) as OcrLine['box'],
      confidence: Math.min(1, Math.max(0, it.confidence)),
      ...(it.at ? { chars: it.at.map((a) => Math.round(Math.min(1, Math.max(0, a)) * 1000) / 1000) } : {}),
    }));
    return {
      rotation,
      lines,
      ...(o.marks ? { marks: marksOf(grey, lines) } : {}),
      timings: timings(t3, t4),
      page: grey,
      orientation: { sideways: sw.sideways ? sw.confidence : 1 - sw.confidence, flipVote: vote, byRecognition },
    };
  }

  async dispose(): Promise<void> {
    await Promise.all(this.sessions.map((s) => s.dispose()));
  }
}

/** Lines needed before the layout may settle the page's direction. */
const ALIGN_MIN_LINES = OCR_DEFAULTS.orientation.alignMinLines;

/**
 * Upright (0) or upside down (1) from where the lines start and end, or undefined when the layout does not say.
 * Documents set their lines flush left with ragged right ends; turned upside down, the flush edge is on the right.
 * So when most lines (≥ 60 %) start at one x and few (≤ 25 %) end at one x, the page is upright; the other way
 * round, upside down. Centred, justified or tabular pages (both or neither edge flush) leave it to the classifier.
 * `quads` are in the frame where the text runs horizontally (upright or upside down), clockwise from the text's
 * top-left.
 */
export function alignmentFlip(quads: readonly Quad[]): 0 | 1 | undefined {
  if (quads.length < ALIGN_MIN_LINES) return undefined;
  const hs = quads.map((q) => Math.abs(q[3][1] - q[0][1])).sort((a, b) => a - b);
  const tol = Math.max(3, 0.4 * hs[hs.length >> 1]!);
  const lefts = quads.map((q) => Math.min(q[0][0], q[1][0], q[2][0], q[3][0]));
  const rights = quads.map((q) => Math.max(q[0][0], q[1][0], q[2][0], q[3][0]));
  const flush = (xs: number[]): number => Math.max(...xs.map((x) => xs.filter((y) => Math.abs(y - x) <= tol).length)) / xs.length;
  const l = flush(lefts);
  const r = flush(rights);
  const { alignFlush: flushed, alignRagged: ragged } = OCR_DEFAULTS.orientation;
  if (l >= flushed && r <= ragged) return 0;
  if (r >= flushed && l <= ragged) return 1;
  return undefined;
}

/**
 * Whether a line's reading is kept: any text read with at least `minConf`, and text of LONG_LINE characters or
 * more with at least `minLong` (a line the recogniser struggled with beats a missing line; one or two characters
 * read from a smudge do not).
 */
export function keepReading(text: string, confidence: number, minConf: number, minLong: number): boolean {
  if (!text) return false;
  return confidence >= ([...text].length >= LONG_LINE ? Math.min(minConf, minLong) : minConf);
}

/**
 * Drops detections that are a seal's own text: boxes where the red ink lifted off the page (grey.redInk) far
 * outweighs the dark ink left after lifting. A line of black text a seal crosses keeps its own dark strokes and
 * stays.
 */
export function dropSealText<B extends { quad: Quad }>(boxes: B[], grey: GreyPage): B[] {
  const red = grey.redInk;
  if (!red) return boxes;
  const dark = grey.paper * 0.55;
  return boxes.filter((b) => {
    const s = inkCounts(b.quad, grey, red, dark);
    return !(s.lifted >= 0.03 * s.area && s.lifted > SEAL_RATIO * s.dark);
  });
}

/** Lifted red ink must outweigh remaining dark ink this many times for a box to count as seal text. */
const SEAL_RATIO = OCR_DEFAULTS.orientation.sealRatio;

/** Over a quad's bounding rectangle: its pixels, the red-ink pixels lifted, and the pixels still dark. */
export function inkCounts(q: Quad, grey: GreyImage, red: Uint8Array, dark: number): { area: number; lifted: number; dark: number } {
  const xs = q.map((p) => p[0]);
  const ys = q.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(grey.width, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(grey.height, Math.ceil(Math.max(...ys)));
  let lifted = 0;
  let darkN = 0;
  for (let y = y0; y < y1; y++) {
    const row = y * grey.width;
    for (let x = x0; x < x1; x++) {
      if (red[row + x]) lifted++;
      else if (grey.data[row + x]! < dark) darkN++;
    }
  }
  return { area: Math.max(1, (x1 - x0) * (y1 - y0)), lifted, dark: darkN };
}

/**
 * Seals and handwriting on the page, in the contract's shape. Only lines read with confidence (≥ 0.8) count as
 * printed text: a signature the recogniser made something of stays ink.
 */
function marksOf(grey: GreyPage, lines: readonly OcrLine[]): NonNullable<OcrPage['marks']> {
  const printed = lines.filter((l) => l.confidence >= PRINTED).map(printedPart);
  const hs = printed.map((q) => Math.hypot(q[3][0] - q[0][0], q[3][1] - q[0][1])).sort((a, b) => a - b);
  const lineH = hs.length ? hs[hs.length >> 1]! : Math.min(grey.width, grey.height) / 40;
  const m = findMarks(grey, printed, lineH);
  const box = (r: Rect): OcrLine['box'] => [
    [r.x0, r.y0],
    [r.x1, r.y0],
    [r.x1, r.y1],
    [r.x0, r.y1],
  ];
  return { seals: m.seals.map((s) => ({ box: box(s), score: Math.round(s.score * 100) / 100 })), ink: m.ink.map((i) => ({ box: box(i) })) };
}

const PRINTED = OCR_DEFAULTS.marks.printedConfidence;
/** A signature label with its closing bracket and colon: 签字：, 签名）:, 签字（盖章）：. */
const SIGN_LABEL_END = /签\s*[字名章署](?:[（(][^）)]{0,4}[）)])?[）)]?\s*[:：]?/;

/**
 * The part of a line's box its characters take (from the recogniser's positions, half a line height either
 * side): the detector often runs a label's box on over the signature written after it (经办人签字：<signature>).
 */
function printedPart(l: OcrLine): Quad {
  const q = l.box as unknown as Quad;
  if (!l.chars?.length) return q;
  const len = Math.hypot(q[1][0] - q[0][0], q[1][1] - q[0][1]) || 1;
  const h = Math.hypot(q[3][0] - q[0][0], q[3][1] - q[0][1]);
  let last = l.chars.length - 1;
  // After a signature label (签字：, 签名：) the recogniser often makes letters of the scrawl ("KSK", "m"): only a
  // run of Chinese characters there (a printed name) counts as printed.
  const m = SIGN_LABEL_END.exec(l.text);
  if (m) {
    const end = [...l.text.slice(0, m.index + m[0].length)].length - 1;
    const rest = [...l.text].slice(end + 1).join('').trim();
    if (rest && !/^[\u4e00-\u9fff]+$/.test(rest)) last = Math.max(0, end);
  }
  const f0 = Math.max(0, l.chars[0]! - (0.6 * h) / len);
  const f1 = Math.min(1, l.chars[last]! + (0.6 * h) / len);
  const at = (a: Pt, b: Pt, f: number): Pt => [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])];
  return [at(q[0], q[1], f0), at(q[0], q[1], f1), at(q[3], q[2], f1), at(q[3], q[2], f0)];
}

const roundPt = (p: Pt): [number, number] => [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10];

function rotate180(img: GreyImage): GreyImage {
  return { data: img.data.slice().reverse(), width: img.width, height: img.height };
}
