import type { HostServiceContext, HostServiceInstance } from '../../hub/feature.js';
import { OcrService } from './ocr-service.js';

/** The model host's OCR: engines loaded once per host process and reused for every file. */
export function ocrHostService(ctx: HostServiceContext): HostServiceInstance {
  const ocr = new OcrService(ctx.packs);
  return {
    handlers: {
      ocr: (params, c) => ocr.ocr(params.input, { signal: c.signal, progress: c.progress }),
    },
    dispose: () => ocr.dispose(),
  };
}
