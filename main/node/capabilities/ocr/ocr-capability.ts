import { OcrInput, OcrOutput } from '../../../common/contract/index.js';
import { builtinCapability } from '../../hub/builtin-capability.js';
import type { ModelHost } from '../../hub/model-host.js';
import { PAGES_AT_ONCE } from './defaults.js';

/** Which engines answered, e.g. "ppocr-v4" or "ppocr-v4+tesseract" for a file whose pages went to both. */
export const enginesOf = (o: OcrOutput): string => [...new Set(o.pages.map((p) => p.engine))].join('+') || 'none';

/** `ocr`: text and line boxes of every page of an image, TIFF or PDF, computed in the model host. */
export function ocrCapability(host: ModelHost) {
  return builtinCapability({
    id: 'ocr',
    title: 'OCR: text and line boxes of images and PDFs',
    description: 'PP-OCRv4 (onnxruntime) with Tesseract for traditional Chinese; PDF text layers are read directly.',
    input: OcrInput,
    output: OcrOutput,
    // Files of a batch read side by side, as the model host's PP-OCRv4 pool reads pages in parallel.
    itemsAtOnce: PAGES_AT_ONCE,
    async invoke(input, ctx) {
      const output = await host.call('ocr', { input }, { signal: ctx.signal, onProgress: ctx.onProgress });
      return { output, engine: enginesOf(output) };
    },
  });
}
