import type { z } from 'zod';
import {
  fileLabel,
  HubError,
  OCR_ENGINES,
  type OcrEngineId,
  type OcrInput,
  type OcrOutput,
  type OcrPage,
  type Progress,
} from '../../../common/contract/index.js';
import type { OcrInput as OcrInputSchema } from '../../../common/contract/index.js';
import type { PackStore } from '../../models/pack-store.js';
import { OCR_DEFAULTS, PAGES_AT_ONCE } from './defaults.js';
import type { EngineResult, LoadedPage, OcrLang } from './engine.js';
import { enginePackQuery, OCR_ENGINE_PACKS } from './engine-registry.js';
import { loadPages } from './input/load-pages.js';
import type { PpOcrEngine, PpOcrResult } from './ppocr-engine.js';
import { loadPpOcr } from './ppocr-loader.js';
import type { PpOcrPool } from './ppocr-pool.js';
import { cropLine } from './rec/crop.js';
import { fuseTraditional } from './tesseract/fuse.js';
import { looksTraditional } from './tesseract/script-detect.js';
import { TesseractEngine } from './tesseract/tesseract-engine.js';

type ParsedInput = z.output<typeof OcrInputSchema>;
export type { OcrInput };

const TESS_UNSURE = OCR_DEFAULTS.hybrid.tesseractUnsure;

/** The engine class behind each id of the registry (engine-registry.ts). */
interface Engines {
  ppocr: PpOcrPool | PpOcrEngine;
  tesseract: TesseractEngine;
}

/** How each engine starts on the packs it runs on. */
const LOADERS: { [K in OcrEngineId]: (packs: PackStore) => Promise<Engines[K]> } = {
  ppocr: (packs) => loadPpOcr(requireEnginePack(packs, 'ppocr').dir),
  tesseract: (packs) => TesseractEngine.load(packs),
};

/** The first intact pack an engine runs on, or UNAVAILABLE saying how to get one (the manifest's howToGet). */
function requireEnginePack(packs: PackStore, id: OcrEngineId) {
  const pack = packs.matching(enginePackQuery(id))[0];
  if (pack) return pack;
  const engine = OCR_ENGINE_PACKS[id].packEngine;
  const how = packs.opts.catalog.packs.find((p) => p.capability === 'ocr' && p.engine === engine)?.howToGet;
  throw new HubError('UNAVAILABLE', `no intact ${OCR_ENGINE_PACKS[id].title} model pack is installed${how ? `: ${how}` : ''}`);
}

/** Engine id of pages whose lines PP-OCRv4 found and Tesseract read. */
export const HYBRID_ENGINE_ID = 'ppocr-v4+tesseract';

/**
 * OCR of whole files: pages come from the input loader (images, TIFF pages, PDF pages), each page goes to an
 * engine, and the result says which engine answered. Engines are loaded once, on first use, and reused.
 * Routing for engine "auto": PP-OCRv4 reads every page (faster, better on simplified Chinese). On a page in
 * traditional Chinese (asked for with lang zh-Hant, or detected in PP-OCRv4's text) the lines PP-OCRv4 found are
 * read again by Tesseract chi_tra, because PP-OCRv4 writes some traditional characters as simplified ones: the
 * line crops PP-OCRv4 cut (upright, red seal ink lifted) go to Tesseract as one sheet, so Tesseract's page layout
 * analysis never sees the desk around a photographed page or a stamp across the text. Engine "tesseract" reads
 * the whole page with Tesseract (the same grey page cleanup, outside of the paper painted over).
 */
export class OcrService {
  private readonly engines: { [K in OcrEngineId]: Lazy<Engines[K]> };

  constructor(private readonly packs: PackStore) {
    this.engines = { ppocr: new Lazy(() => LOADERS.ppocr(packs)), tesseract: new Lazy(() => LOADERS.tesseract(packs)) };
  }

  /** Which engines can run here (an intact pack of theirs installed). */
  available(): Record<OcrEngineId, boolean> {
    return Object.fromEntries(OCR_ENGINES.map((id) => [id, this.packs.matching(enginePackQuery(id)).length > 0])) as Record<OcrEngineId, boolean>;
  }

  private engine<K extends OcrEngineId>(id: K): Promise<Engines[K]> {
    return this.engines[id].get();
  }

  /**
   * Pages of one file are read PAGES_AT_ONCE at a time (the next page is decoded or rendered while the pool reads
   * the ones before it) and come back in the file's order; progress counts them in that order.
   */
  async ocr(input: ParsedInput, ctx: { signal?: AbortSignal; progress?: (p: Progress) => void } = {}): Promise<OcrOutput> {
    const file = fileLabel(input.file);
    const pages: OcrPage[] = [];
    const reading: { page: number; read: Promise<OcrPage> }[] = [];
    const takeFirst = async () => {
      const { page, read } = reading.shift()!;
      pages.push(await read);
      ctx.progress?.({ done: pages.length, message: `${file} page ${page}` });
    };
    try {
      for await (const loaded of loadPages(input.file, { pages: input.pages, signal: ctx.signal })) {
        ctx.signal?.throwIfAborted();
        const read = this.page(file, loaded, input, ctx.signal);
        read.catch(() => undefined); // awaited in order below; a later page failing first is not "unhandled"
        reading.push({ page: loaded.page, read });
        if (reading.length >= PAGES_AT_ONCE) await takeFirst();
      }
      while (reading.length) await takeFirst();
    } finally {
      // A failed page or file: the pages still being read are let finish, their results unused.
      await Promise.allSettled(reading.map((r) => r.read));
    }
    if (!pages.length) throw new HubError('BAD_REQUEST', `${file}: no pages to read`);
    return { file, pages };
  }

  private async page(file: string, loaded: LoadedPage, input: ParsedInput, signal?: AbortSignal): Promise<OcrPage> {
    const t0 = performance.now();
    if (loaded.kind === 'text') {
      return {
        file,
        page: loaded.page,
        engine: 'pdf-text',
        rotation: 0,
        text: loaded.lines.map((l) => l.text).join('\n'),
        lines: loaded.lines,
        ms: round(performance.now() - t0),
        width: loaded.width,
        height: loaded.height,
        source: 'pdf-text',
      };
    }
    const lang: OcrLang = input.lang;
    const avail = this.available();
    const useTesseract = input.engine === 'tesseract' || (input.engine === 'auto' && !avail.ppocr);
    let result: EngineResult;
    let engineName: string;
    if (useTesseract) {
      const tess = await this.engine('tesseract');
      result = await tess.recognize(loaded.raster, { lang, signal }); // marks (seals, handwriting) come with PP-OCRv4 only
      engineName = tess.id;
    } else {
      const pp = await this.engine('ppocr');
      const read = await pp.recognize(loaded.raster, { lang, signal, marks: input.marks });
      result = read;
      engineName = pp.id;
      const traditional = lang === 'zh-Hant' || (lang === 'auto' && looksTraditional(read.lines.map((l) => l.text).join('')));
      if (input.engine === 'auto' && avail.tesseract && traditional) {
        const reread = await this.rereadLines(read, signal);
        if (reread) {
          result = reread;
          engineName = HYBRID_ENGINE_ID;
        }
      }
    }
    return {
      file,
      page: loaded.page,
      engine: engineName,
      rotation: result.rotation,
      text: result.lines.map((l) => l.text).join('\n'),
      lines: result.lines,
      ms: round(performance.now() - t0),
      width: loaded.raster.width,
      height: loaded.raster.height,
      source: 'ocr',
      ...(result.marks ? { marks: result.marks } : {}),
    };
  }

  /**
   * PP-OCRv4's lines read again by Tesseract chi_tra+eng (one sheet of line crops). A line keeps PP-OCRv4's
   * reading where Tesseract found nothing on it or is itself unsure of what it read (below TESS_UNSURE: a garbled
   * line, where PP-OCRv4's reading, simplified forms and all, is the better one); elsewhere Tesseract's reading,
   * with the traditional-only characters PP-OCRv4 read where Tesseract read another (fuseTraditional). Undefined
   * when Tesseract's traditional-Chinese data is not installed.
   */
  private async rereadLines(result: PpOcrResult, signal?: AbortSignal): Promise<PpOcrResult | undefined> {
    if (!result.lines.length) return result;
    let tess: TesseractEngine;
    try {
      tess = await this.engine('tesseract');
    } catch {
      return undefined;
    }
    const crops = result.lines.map((l) => cropLine(result.page, l.box));
    let read;
    try {
      read = await tess.readLines(crops, { lang: 'zh-Hant', signal });
    } catch (err) {
      if (err instanceof HubError && err.code === 'UNAVAILABLE') return undefined; // no chi_tra pack
      throw err;
    }
    return {
      ...result,
      lines: result.lines.map((l, i) => {
        const r = read[i];
        if (!r?.text || (r.confidence < TESS_UNSURE && r.confidence < l.confidence)) return l;
        const text = fuseTraditional(r.text, l.text);
        // Tesseract's reading has no character positions; PP-OCRv4's still fit when it has as many characters.
        const { chars, ...rest } = l;
        return { ...rest, text, confidence: r.confidence, ...(chars && chars.length === [...text].length ? { chars } : {}) };
      }),
    };
  }

  async dispose(): Promise<void> {
    await Promise.all(OCR_ENGINES.map((id) => this.engines[id].loaded()?.then((e) => e.dispose()).catch(() => undefined)));
  }
}

/** An engine loaded on first use and kept; a failed load is forgotten, so the next page tries again (e.g. after the pack was installed). */
class Lazy<T> {
  private loading: Promise<T> | undefined;
  constructor(private readonly load: () => Promise<T>) {}
  get(): Promise<T> {
    if (!this.loading) {
      const p = this.load();
      this.loading = p;
      p.catch(() => {
        if (this.loading === p) this.loading = undefined;
      });
    }
    return this.loading;
  }
  /** The load started so far, if any (for disposal). */
  loaded(): Promise<T> | undefined {
    return this.loading;
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
