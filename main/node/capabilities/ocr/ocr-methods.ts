import { fileLabel, MAX_EXPORT_BYTES } from '../../../common/contract/index.js';
import type { MethodHandlers } from '../../hub/api.js';
import type { FeatureContext } from '../../hub/feature.js';
import { readSource } from './input/load-pages.js';

/**
 * `ocr.export`: the console's downloads of `ic ocr --format`. Why the caller re-sends the file instead of the OCR
 * job producing its outputs: job inputs and results are stored (encrypted) until the retention purge, while uploads
 * are dropped when their item is done unless "keep scans" is on — a PDF or xlsx in the job's result would keep the
 * page images (personal data) for the whole retention period without the clerk asking for it. Re-sent, the bytes live
 * only for this call: nothing is written but the audit entry (the input's hash, never its name or text).
 */
export function ocrMethods(audit: FeatureContext['audit']): MethodHandlers {
  return {
    'ocr.export': async (p) => {
      const name = fileLabel(p.file);
      const input = await readSource(p.file, name);
      // The writers (pdf-lib, exceljs, sharp) load on the first export, not when the hub starts.
      const { exportOcrFile } = await import('./output/export-file.js');
      const out = await exportOcrFile(p.format, input, name, p.ocr, audit, { maxBytes: MAX_EXPORT_BYTES });
      return { name: out.name, mime: out.mime, bytes: out.bytes.length, base64: out.bytes.toString('base64') };
    },
  };
}
