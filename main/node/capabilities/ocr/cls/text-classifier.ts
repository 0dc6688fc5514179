import { runSingle, type InferenceSession, type TensorF32 } from '../../../inference/onnx-session.js';
import { greyBatchTensor, type GreyImage } from '../preprocess/image.js';
import { OCR_DEFAULTS } from '../defaults.js';

/** The direction classifier's input (cls_image_shape [3, 48, 192]). */
export const CLS_HEIGHT = 48;
export const CLS_WIDTH = 192;
/** RapidOCR turns a single line only when the classifier says 180 with more than this. */
export const CLS_THRESH = OCR_DEFAULTS.cls.thresh;

export interface ClsResult {
  /** The line reads upside down. */
  flipped: boolean;
  /** Probability that it does (the model's "180" class). */
  p180: number;
}

/**
 * Line crops → NCHW tensor: each resized to height 48 and at most 192 wide (longer lines are squeezed), normalised
 * to (v/255 − 0.5)/0.5, padded with zeros to 192.
 */
export function clsTensor(crops: readonly GreyImage[]): TensorF32 {
  return greyBatchTensor(crops, CLS_HEIGHT, CLS_WIDTH);
}

/** PP-OCR's text direction classifier (ch_ppocr_mobile_v2.0_cls): labels "0" and "180". */
export class TextClassifier {
  constructor(
    private readonly session: InferenceSession,
    private readonly batchSize = 16,
  ) {}

  async classify(crops: readonly GreyImage[], signal?: AbortSignal): Promise<ClsResult[]> {
    const out: ClsResult[] = [];
    for (let s = 0; s < crops.length; s += this.batchSize) {
      signal?.throwIfAborted();
      const batch = crops.slice(s, s + this.batchSize);
      const res = await runSingle(this.session, clsTensor(batch));
      if (res.dims[0] !== batch.length || res.dims[1] !== 2) throw new Error(`unexpected classifier output ${JSON.stringify(res.dims)}`);
      for (let b = 0; b < batch.length; b++) {
        const p0 = res.data[b * 2]!;
        const p180 = res.data[b * 2 + 1]!;
        out.push({ flipped: p180 > p0 && p180 > CLS_THRESH, p180: p180 / (p0 + p180 || 1) });
      }
    }
    return out;
  }
}
