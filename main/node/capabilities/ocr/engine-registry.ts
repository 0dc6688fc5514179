import type { Language, OcrEngineId } from '../../../common/contract/index.js';
import type { PackNeed } from '../../hub/feature.js';
import type { PackQuery } from '../../models/pack-store.js';

/**
 * The OCR engines and the model packs each runs on, in the manifest's terms (models/manifest.json `capability` and
 * `engine`), never pack ids: a pack added to the manifest with capability "ocr" and a known engine is used without
 * code changes. Loaders live beside the engines (ocr-service.ts), so this file stays light for the hub side.
 */
export const OCR_ENGINE_PACKS: Readonly<Record<OcrEngineId, { packEngine: string; title: string; languages?: readonly Language[] }>> = {
  ppocr: { packEngine: 'onnx-ppocr', title: 'PP-OCRv4' },
  // A Tesseract pack reads alone only with a recognition language (the OSD pack has none: it helps, it does not read).
  tesseract: { packEngine: 'tesseract', title: 'Tesseract', languages: ['zh-Hans', 'en'] },
};

export const OCR_CAPABILITY = 'ocr';

/** Installed packs an engine can run on (intact ones: every file there, of the expected size). */
export function enginePackQuery(id: OcrEngineId): PackQuery {
  const e = OCR_ENGINE_PACKS[id];
  return { capability: OCR_CAPABILITY, engines: [e.packEngine], ...(e.languages ? { languages: e.languages } : {}), intact: true };
}

/**
 * What OCR (and every feature that reads files through it) needs: a pack of some engine that reads Chinese or
 * English. The same rule the engines apply when they start.
 */
export const OCR_PACK_NEED: PackNeed = {
  what: 'OCR (PP-OCRv4, or Tesseract with Chinese or English)',
  capability: OCR_CAPABILITY,
  engines: Object.values(OCR_ENGINE_PACKS).map((e) => e.packEngine),
  languages: ['zh-Hans', 'en'],
};
