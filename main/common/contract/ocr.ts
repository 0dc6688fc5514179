import { z } from 'zod';
import {
  MAX_FILE_BASE64_CHARS,
  MAX_FILE_BYTES,
  MAX_PAGES_PER_FILE,
  OCR_ENGINE_CHOICES,
  OCR_ENGINES,
  OCR_EXPORT_FORMATS,
  OCR_LANG_CHOICES,
} from './constants.js';

/** A file given to a capability: a path on this machine (CLI, Electron) or uploaded bytes (browser console). */
export const FileSource = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z
    .object({
      name: z.string().min(1).max(255),
      base64: z.string().max(MAX_FILE_BASE64_CHARS, `files over ${MAX_FILE_BYTES / 1024 / 1024} MB are refused`),
    })
    .strict(),
]);
export type FileSource = z.infer<typeof FileSource>;
export const fileLabel = (f: FileSource): string => ('path' in f ? f.path : f.name);

export const Point = z.tuple([z.number(), z.number()]);
/** Four [x, y] corners (clockwise from top-left of the text) in pixels of the page as given, before any rotation. */
export const Box = z.tuple([Point, Point, Point, Point]);
export type Box = z.infer<typeof Box>;

export const OcrEngineId = z.enum(OCR_ENGINES);
export type OcrEngineId = z.infer<typeof OcrEngineId>;
export const Rotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type Rotation = z.infer<typeof Rotation>;

export const OcrLine = z.object({
  text: z.string(),
  box: Box,
  confidence: z.number().min(0).max(1),
  /**
   * Where each character of `text` (one per code point) sits along the box, from its left end (0) to its right
   * end (1), as the recogniser placed it: lets table cells and text layers split a line that runs across rulings.
   * Absent when not known (Tesseract, PDF text layers).
   */
  chars: z.array(z.number().min(0).max(1)).optional(),
});
export type OcrLine = z.infer<typeof OcrLine>;

export const OcrPage = z.object({
  file: z.string(),
  /** Counted from 1. */
  page: z.number().int().positive(),
  engine: z.string(),
  /** Clockwise rotation the engine applied to read the page upright. */
  rotation: Rotation,
  text: z.string(),
  lines: z.array(OcrLine),
  ms: z.number().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Where the text came from: OCR of pixels, or a PDF's own text layer. */
  source: z.enum(['ocr', 'pdf-text']),
  /**
   * With input `marks`: red seals (round or oval stamps) and dark ink not read as printed text (handwriting,
   * signatures), boxes in the page's pixels as given.
   */
  marks: z
    .object({
      seals: z.array(z.object({ box: Box, score: z.number().min(0).max(1) })),
      ink: z.array(z.object({ box: Box })),
    })
    .optional(),
});
export type OcrPage = z.infer<typeof OcrPage>;

export const OcrInput = z
  .object({
    file: FileSource,
    /** auto: PP-OCRv4; on pages in traditional Chinese its lines re-read by Tesseract chi_tra (PP-OCRv4 writes some as simplified). */
    engine: z.enum(OCR_ENGINE_CHOICES).default('auto'),
    /** Script hint: auto detects traditional vs simplified Chinese. */
    lang: z.enum(OCR_LANG_CHOICES).default('auto'),
    /** Only these pages (from 1); all by default. */
    pages: z.array(z.number().int().positive()).max(MAX_PAGES_PER_FILE).optional(),
    /** Also find red seals and handwritten ink on each page (pre-review's seal and signature checks). */
    marks: z.boolean().optional(),
  })
  .strict();
export type OcrInput = z.input<typeof OcrInput>;

export const OcrOutput = z.object({ file: z.string(), pages: z.array(OcrPage) });
export type OcrOutput = z.infer<typeof OcrOutput>;

export const OcrExportFormat = z.enum(OCR_EXPORT_FORMATS);
export type OcrExportFormat = z.infer<typeof OcrExportFormat>;

/**
 * A file made from one input and its OCR result, as `ic ocr --format` writes it: the input again (the console
 * re-sends the file it still holds; the hub keeps no copy of it) with the OCR output it gave, and the format.
 */
export const OcrExportParams = z
  .object({
    file: FileSource,
    ocr: OcrOutput.extend({ pages: z.array(OcrPage).min(1, 'the OCR result has no page').max(MAX_PAGES_PER_FILE) }),
    format: OcrExportFormat,
  })
  .strict();
export type OcrExportParams = z.input<typeof OcrExportParams>;

export const OcrExportResult = z.object({
  /** The input's name without its extension, plus the format's: scan.png → scan.pdf. */
  name: z.string(),
  mime: z.string(),
  bytes: z.number().int().nonnegative(),
  base64: z.string(),
});
export type OcrExportResult = z.infer<typeof OcrExportResult>;

/** The OCR feature's methods; methods.ts spreads them into the one table. */
export const ocrMethods = {
  'ocr.export': {
    params: OcrExportParams,
    result: OcrExportResult,
    summary: 'One OCR result as a file (base64): text, JSON, a searchable PDF over the page images, or tables as xlsx.',
  },
} as const;
