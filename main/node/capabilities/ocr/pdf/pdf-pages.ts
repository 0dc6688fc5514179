import { HubError } from '../../../../common/contract/index.js';
import type { LoadedPage, RasterPage } from '../engine.js';
import { badInput, fitWithin, INPUT_LIMITS, megapixels, throwIfCancelled } from '../input/limits.js';
import { rasterFromPixels } from '../input/raster.js';
import { selectPages } from '../input/select-pages.js';
import { documentOptions, loadPdfjs, type Pdfjs, type PdfPage, type PdfTextItem } from './pdfjs.js';
import { textLines, textStats } from './text-lines.js';
import { OCR_DEFAULTS } from '../defaults.js';

/** A text layer with fewer readable characters than this is not used (the page is read as pixels). */
const MIN_TEXT_CHARS = OCR_DEFAULTS.pdfText.minTextChars;
/** Share of a text layer's characters that must be readable (not replacement / private-use / control). */
const MIN_GOOD_SHARE = OCR_DEFAULTS.pdfText.minGoodShare;
/** A page whose biggest image covers this much of it is a scan, unless its text layer is long (an OCR layer). */
const SCAN_COVERAGE = OCR_DEFAULTS.pdfText.scanCoverage;
const LONG_TEXT_CHARS = OCR_DEFAULTS.pdfText.longTextChars;

/**
 * Pages of a PDF. A page with a usable text layer becomes {kind:'text'} with line boxes in pixels at
 * INPUT_LIMITS.pdfTextDpi; any other page (a scan, or text drawn as outlines) becomes pixels: rendered with
 * pdfjs on @napi-rs/canvas at the scan's own resolution (150-300 dpi), or, without a canvas, the page's biggest
 * image taken as it is stored. Encrypted (password), damaged and bomb-like files fail with BAD_REQUEST.
 */
export async function* pdfPages(
  file: string,
  buf: Buffer,
  o: { pages?: number[]; signal?: AbortSignal; /** 'extract' takes images out even when a canvas is there. */ renderer?: 'canvas' | 'extract' },
): AsyncGenerator<LoadedPage> {
  const loaded = await loadPdfjs();
  const p = o.renderer === 'extract' ? { ...loaded, canvas: undefined } : loaded;
  refuseHugeImages(file, buf);
  // pdfjs may take over the bytes it is given; give it a copy and keep ours.
  const task = p.lib.getDocument(documentOptions(p, new Uint8Array(buf), INPUT_LIMITS.maxPagePixels));
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      throw openError(file, err);
    }
    const wanted = selectPages(file, doc.numPages, o.pages, 'PDF');
    for (const n of wanted) {
      throwIfCancelled(o.signal, file);
      let page: PdfPage;
      try {
        page = await doc.getPage(n);
      } catch (err) {
        throw badInput(file, `page ${n} cannot be read: the PDF is damaged (${messageOf(err)})`);
      }
      let loaded: LoadedPage;
      try {
        loaded = await readPage(p, file, n, page);
      } finally {
        page.cleanup();
      }
      yield loaded;
    }
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function readPage(p: Pdfjs, file: string, n: number, page: PdfPage): Promise<LoadedPage> {
  let items: PdfTextItem[];
  try {
    items = (await page.getTextContent()).items.filter((i): i is PdfTextItem => 'str' in i);
  } catch (err) {
    throw badInput(file, `page ${n} cannot be read: the PDF is damaged (${messageOf(err)})`);
  }
  const stats = textStats(items);
  const usable = stats.good >= MIN_TEXT_CHARS && stats.good >= stats.chars * MIN_GOOD_SHARE;
  const images = usable && stats.good >= LONG_TEXT_CHARS ? undefined : await pageImages(p, file, n, page);
  if (usable && !(images && images.coverage >= SCAN_COVERAGE && stats.good < LONG_TEXT_CHARS)) {
    const viewport = page.getViewport({ scale: INPUT_LIMITS.pdfTextDpi / 72 });
    return { page: n, kind: 'text', width: Math.round(viewport.width), height: Math.round(viewport.height), lines: textLines(items, viewport) };
  }
  const dpi = images?.largest && images.coverage >= SCAN_COVERAGE ? clampDpi(images.largest.dpi) : INPUT_LIMITS.pdfRenderDpi.default;
  const raster = p.canvas ? await render(p, file, n, page, dpi) : await extractLargest(p, file, n, page, images);
  return { page: n, kind: 'raster', raster };
}

interface PageImage {
  id: string | undefined;
  inline: unknown;
  width: number;
  height: number;
  /** Share of the page it covers (bounding box, clipped to the page). */
  coverage: number;
  dpi: number;
}

/** The images a page paints, found by walking its operator list with the transformation matrix. */
async function pageImages(p: Pdfjs, file: string, n: number, page: PdfPage): Promise<{ coverage: number; largest?: PageImage }> {
  let ops;
  try {
    ops = await page.getOperatorList();
  } catch (err) {
    throw badInput(file, `page ${n} cannot be read: the PDF is damaged (${messageOf(err)})`);
  }
  const OPS = p.lib.OPS;
  const view = page.getViewport({ scale: 1 });
  const pageArea = view.width * view.height || 1;
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  let largest: PageImage | undefined;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] ?? [];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      const inline = fn === OPS.paintImageXObject ? undefined : args[0];
      const id = typeof args[0] === 'string' ? args[0] : undefined;
      const dims = (inline ?? {}) as { width?: number; height?: number };
      const width = Number(id ? args[1] : dims.width) || 0;
      const height = Number(id ? args[2] : dims.height) || 0;
      const corners = [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ].map(([x, y]) => view.convertToViewportPoint(ctm[0]! * x! + ctm[2]! * y! + ctm[4]!, ctm[1]! * x! + ctm[3]! * y! + ctm[5]!));
      const xs = corners.map((c) => c[0]!);
      const ys = corners.map((c) => c[1]!);
      const w = Math.max(0, Math.min(view.width, Math.max(...xs)) - Math.max(0, Math.min(...xs)));
      const h = Math.max(0, Math.min(view.height, Math.max(...ys)) - Math.max(0, Math.min(...ys)));
      const coverage = (w * h) / pageArea;
      const inches = Math.max(Math.hypot(ctm[0]!, ctm[1]!), Math.hypot(ctm[2]!, ctm[3]!)) / 72;
      const dpi = inches > 0 ? Math.max(width, height) / inches : 0;
      if (!largest || coverage > largest.coverage) largest = { id, inline, width, height, coverage, dpi };
    }
  }
  return { coverage: largest?.coverage ?? 0, largest };
}

async function render(p: Pdfjs, file: string, n: number, page: PdfPage, dpi: number): Promise<RasterPage> {
  const base = page.getViewport({ scale: 1 });
  const fit = fitWithin((base.width * dpi) / 72, (base.height * dpi) / 72);
  const viewport = page.getViewport({ scale: (dpi / 72) * fit.scale });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  try {
    const canvas = p.canvas!.createCanvas(width, height);
    await page.render({ canvas, viewport, background: 'rgb(255,255,255)' }).promise;
    const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    return await rasterFromPixels(pixels, width, height, 4);
  } catch (err) {
    throw badInput(file, `page ${n} cannot be drawn: the PDF is damaged (${messageOf(err)})`);
  }
}

/** Without a canvas: the page's biggest image as stored (placement, page rotation and other content ignored). */
async function extractLargest(p: Pdfjs, file: string, n: number, page: PdfPage, images?: { largest?: PageImage }): Promise<RasterPage> {
  images ??= await pageImages(p, file, n, page);
  const img = images.largest;
  if (!img)
    throw badInput(file, `page ${n} has no text layer and no image; drawing it needs @napi-rs/canvas (an optional dependency of pdfjs-dist)`);
  const objs = img.id?.startsWith('g_') ? page.commonObjs : page.objs;
  const data = (img.inline ?? (img.id && objs.has(img.id) ? objs.get(img.id) : undefined)) as
    | { width: number; height: number; kind?: number; data?: Uint8Array | Uint8ClampedArray }
    | undefined;
  if (!data?.data || !data.width || !data.height)
    throw badInput(file, `page ${n}: its image cannot be taken out without @napi-rs/canvas (an optional dependency of pdfjs-dist)`);
  const K = p.lib.ImageKind;
  let channels: 1 | 3 | 4;
  let pixels = data.data;
  if (data.kind === K.RGB_24BPP) channels = 3;
  else if (data.kind === K.RGBA_32BPP) channels = 4;
  else if (data.kind === K.GRAYSCALE_1BPP) {
    channels = 1;
    pixels = unpackBits(data.data, data.width, data.height);
  } else throw badInput(file, `page ${n}: its image has a pixel layout that cannot be read without @napi-rs/canvas`);
  return rasterFromPixels(pixels, data.width, data.height, channels);
}

function unpackBits(src: Uint8Array | Uint8ClampedArray, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  const stride = (w + 7) >> 3;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) out[y * w + x] = (src[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
  return out;
}

/**
 * Image XObjects are streams, and stream dictionaries are never compressed, so their /Width and /Height can be read
 * from the raw bytes before pdfjs decodes anything. An image over the page pixel limit refuses the file.
 * (pdfjs's maxImageSize would only drop such an image silently.)
 */
export function refuseHugeImages(file: string, buf: Buffer): void {
  let at = 0;
  for (;;) {
    at = buf.indexOf('/Image', at, 'latin1');
    if (at < 0) return;
    const start = Math.max(0, buf.lastIndexOf('obj', at, 'latin1'));
    let end = buf.indexOf('stream', at, 'latin1');
    if (end < 0 || end - at > 4096) end = Math.min(buf.length, at + 4096);
    const dict = buf.toString('latin1', Math.max(start, at - 4096), end);
    at += 6;
    if (!/\/Subtype\s*\/Image\b/.test(dict)) continue;
    const w = Number(/\/Width\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dict)?.[1] ?? 0);
    const h = Number(/\/Height\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dict)?.[1] ?? 0);
    if (w * h > INPUT_LIMITS.maxPagePixels)
      throw badInput(
        file,
        `the PDF holds an image of ${megapixels(w, h)}, over the ${INPUT_LIMITS.maxPagePixels / 1e6} MP limit (refused as a possible decompression bomb)`,
      );
  }
}

function openError(file: string, err: unknown): HubError {
  if (err instanceof HubError) return err;
  const name = (err as { name?: string })?.name;
  if (name === 'PasswordException')
    return badInput(file, 'the PDF is encrypted and needs a password to open; save an unprotected copy and try again');
  if (name === 'InvalidPDFException') return badInput(file, `not a readable PDF: it is damaged or truncated (${messageOf(err)})`);
  return badInput(file, `not a readable PDF (${messageOf(err)})`);
}

const clampDpi = (dpi: number) => {
  const { min, max, default: def } = INPUT_LIMITS.pdfRenderDpi;
  return Number.isFinite(dpi) && dpi > 0 ? Math.min(max, Math.max(min, Math.round(dpi))) : def;
};

const multiply = (m: number[], t: number[]): number[] => [
  m[0]! * t[0]! + m[2]! * t[1]!,
  m[1]! * t[0]! + m[3]! * t[1]!,
  m[0]! * t[2]! + m[2]! * t[3]!,
  m[1]! * t[2]! + m[3]! * t[3]!,
  m[0]! * t[4]! + m[2]! * t[5]! + m[4]!,
  m[1]! * t[4]! + m[3]! * t[5]! + m[5]!,
];

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String((err as { message?: unknown })?.message ?? err)).split('\n')[0];
