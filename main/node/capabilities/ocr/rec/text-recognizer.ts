import type { InferenceSession, TensorF32 } from '../../../inference/onnx-session.js';
import { greyBatchTensor, type GreyImage } from '../preprocess/image.js';
import { ctcDecodeBest, ctcGreedyDecode, type CtcResult } from './ctc.js';
import { REC_HEIGHT } from './crop.js';
import { OCR_DEFAULTS } from '../defaults.js';

export interface RecOptions {
  /** At most this many lines per model run (default 8); see widthBatches. */
  batchSize?: number;
}

/** The narrowest input the recogniser is given (rec_img_shape [3, 48, 320]): shorter lines are padded. */
const MIN_WIDTH = 320;
/**
 * At most this many columns in one run (batch size × padded width): the output holds 6625 class probabilities for
 * every 8 columns, ~13 MB here, so long lines (small print on an A4 page) run a few at a time, not eight.
 */
export const MAX_BATCH_COLUMNS = 4096;

/**
 * Batch of upright line crops → NCHW tensor: each crop resized to height 48 (kept as is when it already is),
 * normalised to (v/255 − 0.5)/0.5 in all three channels, and padded with zeros on the right to the batch's width.
 */
export function recTensor(crops: readonly GreyImage[], height = REC_HEIGHT, into?: Float32Array): TensorF32 {
  const ratios = crops.map((c) => c.width / c.height);
  const maxRatio = Math.max(MIN_WIDTH / height, ...ratios);
  const W = Math.trunc(height * maxRatio);
  return greyBatchTensor(crops, height, W, into);
}

/**
 * Groups crops into model runs. Sorted by width, a crop joins the current batch while the batch stays within
 * `size` crops and MAX_BATCH_COLUMNS, and padding every crop to the batch's width costs at most `maxPadding` more
 * than the crops' own widths (each at least 320). On CPU a padded column costs as much as a real one, so long lines mostly run alone and
 * short ones (all padded to 320 anyway) run together.
 */
export function widthBatches(crops: readonly GreyImage[], size: number, maxPadding = 0.1): number[][] {
  const order = crops
    .map((c, i) => ({ i, w: Math.max(MIN_WIDTH, Math.trunc(REC_HEIGHT * (c.width / c.height))) }))
    .sort((a, b) => a.w - b.w);
  const out: number[][] = [];
  let cur: typeof order = [];
  let own = 0;
  for (const o of order) {
    const padded = o.w * (cur.length + 1);
    if (cur.length && (cur.length >= size || padded > (own + o.w) * (1 + maxPadding) || padded > MAX_BATCH_COLUMNS)) {
      out.push(cur.map((c) => c.i));
      cur = [];
      own = 0;
    }
    cur.push(o);
    own += o.w;
  }
  if (cur.length) out.push(cur.map((c) => c.i));
  return out;
}

/** PP-OCRv4 recognition with greedy CTC decoding. */
export class TextRecognizer {
  private buf: Float32Array | undefined;

  constructor(
    private readonly session: InferenceSession,
    readonly characters: readonly string[],
    private readonly opts: RecOptions = {},
  ) {}

  /**
   * One model run; `line(b)` decodes the b-th line of the batch. A folded recogniser gives each time step's best class
   * and its probability (outputs best_class, best_prob); the pack's own model every class's probability.
   */
  private async run(input: TensorF32, n: number): Promise<{ steps: number; line(b: number): CtcResult }> {
    const [inName] = this.session.inputNames;
    const out = await this.session.run({ [inName!]: input });
    const best = out.best_class;
    const prob = out.best_prob;
    if (best && prob) {
      const [bn, steps] = best.dims;
      if (bn !== n || !steps || prob.dims[1] !== steps) throw new Error(`unexpected recogniser output ${JSON.stringify(best.dims)}`);
      return { steps, line: (b) => ctcDecodeBest(best.data, prob.data, steps, this.characters, b * steps) };
    }
    const probs = out[this.session.outputNames[0]!];
    const [bn, steps, classes] = probs?.dims ?? [];
    if (!probs || bn !== n || !steps || !classes) throw new Error(`unexpected recogniser output ${JSON.stringify(probs?.dims)}`);
    if (classes !== this.characters.length) throw new Error(`recogniser has ${classes} classes, the dictionary gives ${this.characters.length}`);
    return { steps, line: (b) => ctcGreedyDecode(probs.data, steps, classes, this.characters, b * steps * classes) };
  }

  async recognize(crops: readonly GreyImage[], signal?: AbortSignal): Promise<CtcResult[]> {
    const results: CtcResult[] = new Array<CtcResult>(crops.length);
    for (const batch of widthBatches(crops, this.opts.batchSize ?? OCR_DEFAULTS.rec.batchSize)) {
      signal?.throwIfAborted();
      const input = recTensor(
        batch.map((i) => crops[i]!),
        REC_HEIGHT,
        this.buf,
      );
      // Keep the largest buffer for the next batch and page (a batch of long lines is a few MB).
      if (!this.buf || input.data.buffer !== this.buf.buffer) this.buf = input.data;
      const decode = await this.run(input, batch.length);
      const colsPerStep = input.dims[3]! / decode.steps;
      batch.forEach((idx, b) => {
        const r = decode.line(b);
        // Where each character sits along its own crop (as fed: height REC_HEIGHT, width kept in proportion).
        const c = crops[idx]!;
        const width = (REC_HEIGHT * c.width) / c.height;
        r.at = r.steps.map((t) => Math.min(1, Math.max(0, ((t + 0.5) * colsPerStep) / width)));
        results[idx] = r;
      });
    }
    return results;
  }
}
