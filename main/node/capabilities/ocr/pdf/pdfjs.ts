import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HubError } from '../../../../common/contract/index.js';

/**
 * pdfjs-dist (legacy build, for Node), loaded on the first PDF and only then. The few parts used here are typed
 * below, so this compiles whether or not the package is installed. Its resources (CMaps for CJK text, standard
 * font data, wasm decoders, ICC profiles) are read from the package folder on disk: pdfjs never fetches.
 * Rendering image-only pages uses @napi-rs/canvas, pdfjs-dist's optional dependency, when it is there.
 */
export const PDFJS_PACKAGE = 'pdfjs-dist@5.6.205';

export interface PdfjsLib {
  getDocument(src: Record<string, unknown>): PdfLoadingTask;
  OPS: Record<string, number>;
  ImageKind: { GRAYSCALE_1BPP: number; RGB_24BPP: number; RGBA_32BPP: number };
  VerbosityLevel: { ERRORS: number };
  version: string;
}
export interface PdfLoadingTask {
  promise: Promise<PdfDocument>;
  destroy(): Promise<void>;
}
export interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
}
export interface PdfViewport {
  width: number;
  height: number;
  convertToViewportPoint(x: number, y: number): number[];
}
export interface PdfTextItem {
  str: string;
  dir: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}
export interface PdfPage {
  rotate: number;
  getViewport(o: { scale: number }): PdfViewport;
  getTextContent(o?: Record<string, unknown>): Promise<{ items: (PdfTextItem | { type: string })[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  render(o: Record<string, unknown>): { promise: Promise<void>; cancel(): void };
  objs: PdfObjects;
  commonObjs: PdfObjects;
  cleanup(): boolean;
}
export interface PdfObjects {
  has(id: string): boolean;
  get(id: string): unknown;
}
export interface CanvasLib {
  createCanvas(w: number, h: number): {
    getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  };
}

export interface Pdfjs {
  lib: PdfjsLib;
  /** Folder of the installed pdfjs-dist package. */
  dir: string;
  /** @napi-rs/canvas, when it can be loaded (renders image-only pages); undefined otherwise. */
  canvas: CanvasLib | undefined;
}

let loading: Promise<Pdfjs> | undefined;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= load().catch((err) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

async function load(): Promise<Pdfjs> {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = path.dirname(require.resolve('pdfjs-dist/package.json'));
  } catch {
    throw new HubError('UNAVAILABLE', `reading PDF files needs the ${PDFJS_PACKAGE} package, which is not installed`);
  }
  const url = (rel: string) => pathToFileURL(path.join(dir, rel)).href;
  // The worker code runs in this thread (Node has no web workers); give it to pdfjs up front.
  const worker = (await import(url('legacy/build/pdf.worker.mjs'))) as unknown;
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  const lib = (await import(url('legacy/build/pdf.mjs'))) as PdfjsLib;
  let canvas: CanvasLib | undefined;
  try {
    canvas = createRequire(path.join(dir, 'package.json'))('@napi-rs/canvas') as CanvasLib;
  } catch {
    canvas = undefined;
  }
  return { lib, dir, canvas };
}

/** Options for getDocument that keep pdfjs local, quiet and bounded. */
export function documentOptions(p: Pdfjs, data: Uint8Array, maxImagePixels: number): Record<string, unknown> {
  const folder = (rel: string) => path.join(p.dir, rel) + path.sep;
  return {
    data,
    cMapUrl: folder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: folder('standard_fonts'),
    wasmUrl: folder('wasm'),
    iccUrl: folder('iccs'),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    maxImageSize: maxImagePixels,
    verbosity: p.lib.VerbosityLevel.ERRORS,
  };
}
