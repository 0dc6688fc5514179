import type { OcrLine, OcrPage, Rotation } from '../../../common/contract/index.js';

/** Decoded pixels of one page, EXIF orientation already applied (what a viewer shows). */
export interface RasterPage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
}

export type OcrLang = 'auto' | 'zh-Hans' | 'zh-Hant' | 'en';

export interface EngineResult {
  /** Clockwise rotation applied to read the page upright (0, 90, 180, 270). */
  rotation: Rotation;
  /** Boxes in the RasterPage's pixel coordinates (before that rotation), in reading order. */
  lines: OcrLine[];
  /** Seals and handwritten ink, when asked for (`marks`) and the engine finds them. */
  marks?: OcrPage['marks'];
}

/** One OCR engine (PP-OCRv4 on onnxruntime, Tesseract). Models are loaded once per engine, not per page. */
export interface OcrEngine {
  /** Shown to users as the engine that answered, e.g. "ppocr-v4", "tesseract". */
  readonly id: string;
  recognize(page: RasterPage, o: { lang: OcrLang; signal?: AbortSignal; marks?: boolean }): Promise<EngineResult>;
  dispose(): Promise<void>;
}

/** A page from an input file: pixels to OCR, or text a PDF already carries. */
export type LoadedPage =
  | { page: number; kind: 'raster'; raster: RasterPage }
  | { page: number; kind: 'text'; width: number; height: number; lines: OcrLine[] };
