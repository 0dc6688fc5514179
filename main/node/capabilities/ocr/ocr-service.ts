import { fileLabel, HubError, type OcrInput, type OcrOutput, type OcrPage, type Progress } from '../../../common/contract/index.js';
import type { z } from 'zod';
import type { OcrInput as OcrInputSchema } from '../../../common/contract/index.js';
import type { PackStore } from '../../models/pack-store.js';
import type { LoadedPage, OcrEngine, OcrLang } from './engine.js';
import { loadPages } from './input/load-pages.js';
import { PpOcrEngine } from './ppocr-engine.js';
import { looksTraditional } from './tesseract/script-detect.js';
import { TesseractEngine } from './tesseract/tesseract-engine.js';

type ParsedInput = z.output<typeof OcrInputSchema>;
export type { OcrInput };

/**
 * OCR of whole files: pages come from the input loader (images, TIFF pages, PDF pages), each page goes to an
 * engine, and the result says which engine answered. Engines are loaded once, on first use, and reused.
 * Routing for engine "auto": PP-OCRv4 first (faster, better on simplified Chinese); a page in traditional
 * Chinese (asked for, or detected in PP-OCRv4's text) is read again by Tesseract chi_tra, because PP-OCRv4 writes
 * some traditional characters as simplified ones.
 */
export class OcrService {
  private ppocr: Promise<OcrEngine> | undefined;
  private tesseract: Promise<OcrEngine> | undefined;

  constructor(private readonly packs: PackStore) {}

  /** Which engines can run here (packs installed). */
  available(): { ppocr: boolean; tesseract: boolean } {
    const ok = (id: string) => this.packs.get(id) !== undefined && this.packs.quickProblems(this.packs.get(id)!).length === 0;
    return { ppocr: ok('pp-ocrv4-ch'), tesseract: ok('tesseract-chi-sim') || ok('tesseract-eng') };
  }

  private engine(id: 'ppocr' | 'tesseract'): Promise<OcrEngine> {
    if (id === 'ppocr') {
      this.ppocr ??= PpOcrEngine.load(this.packs.require('pp-ocrv4-ch').dir).catch((err) => {
        this.ppocr = undefined;
        throw err;
      });
      return this.ppocr;
    }
    this.tesseract ??= TesseractEngine.load(this.packs).catch((err) => {
      this.tesseract = undefined;
      throw err;
    });
    return this.tesseract;
  }

  async ocr(input: ParsedInput, ctx: { signal?: AbortSignal; progress?: (p: Progress) => void } = {}): Promise<OcrOutput> {
    const file = fileLabel(input.file);
    const pages: OcrPage[] = [];
    for await (const loaded of loadPages(input.file, { pages: input.pages, signal: ctx.signal })) {
      ctx.signal?.throwIfAborted();
      pages.push(await this.page(file, loaded, input, ctx.signal));
      ctx.progress?.({ done: pages.length, message: `${file} page ${loaded.page}` });
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
    let engineId: 'ppocr' | 'tesseract' = input.engine === 'tesseract' || (input.engine === 'auto' && lang === 'zh-Hant') ? 'tesseract' : 'ppocr';
    if (engineId === 'ppocr' && !this.available().ppocr && input.engine === 'auto') engineId = 'tesseract';
    let engine = await this.engine(engineId);
    let result = await engine.recognize(loaded.raster, { lang, signal });
    if (input.engine === 'auto' && lang === 'auto' && engineId === 'ppocr' && this.available().tesseract) {
      const text = result.lines.map((l) => l.text).join('');
      if (looksTraditional(text)) {
        engine = await this.engine('tesseract');
        result = await engine.recognize(loaded.raster, { lang: 'zh-Hant', signal });
      }
    }
    return {
      file,
      page: loaded.page,
      engine: engine.id,
      rotation: result.rotation,
      text: result.lines.map((l) => l.text).join('\n'),
      lines: result.lines,
      ms: round(performance.now() - t0),
      width: loaded.raster.width,
      height: loaded.raster.height,
      source: 'ocr',
    };
  }

  async dispose(): Promise<void> {
    const engines = await Promise.allSettled([this.ppocr, this.tesseract].filter(Boolean) as Promise<OcrEngine>[]);
    await Promise.all(engines.map((e) => (e.status === 'fulfilled' ? e.value.dispose() : undefined)));
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
