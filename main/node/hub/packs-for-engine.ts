import type { PackStore } from '../models/pack-store.js';

/**
 * The installed model packs an engine name points at, for the audit trail: a pack whose engine family
 * ("onnx-ppocr" → "ppocr", "tesseract") appears in the engine that answered ("ppocr", "ppocr+tesseract-lines",
 * "tesseract"). For Tesseract this lists every installed traineddata pack (the engine picks languages itself).
 */
export function packsForEngine(store: Pick<PackStore, 'installed'>, _capability: string, engine: string | undefined): { id: string; version: string }[] {
  if (!engine) return [];
  const e = engine.toLowerCase();
  return store
    .installed()
    .filter((p) => {
      const families = (p.record.engine ?? '').toLowerCase().split('-').filter((w) => w && w !== 'onnx' && w !== 'transformers');
      return families.some((f) => e.includes(f));
    })
    .map((p) => ({ id: p.record.id, version: p.record.version }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
