import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Worker as ThreadWorker } from 'node:worker_threads';
import sharp, { type Sharp } from 'sharp';
import Tesseract from 'tesseract.js';
import { HubError, type Box, type Catalog, type OcrLine, type Rotation } from '../../../../common/contract/index.js';
import { loadCatalog } from '../../../models/catalog.js';
import type { InstalledPack } from '../../../models/pack-store.js';
import { OCR_CAPABILITY, OCR_ENGINE_PACKS } from '../engine-registry.js';
import type { EngineResult, OcrEngine, OcrLang, RasterPage } from '../engine.js';
import { toGrey as cleanGrey, paperLevel } from '../preprocess/grey.js';
import type { GreyImage } from '../preprocess/image.js';
import { evenLight, findPaper, paintOutside } from '../preprocess/paper.js';
import { buildLineSheet, wordsToLines, type SheetLine, type SheetWord } from './line-sheet.js';
import { OCR_DEFAULTS } from '../defaults.js';

/** The traineddata each language set needs. */
export const LANG_SETS = {
  'chi_sim+eng': ['chi_sim', 'eng'],
  'chi_tra+eng': ['chi_tra', 'eng'],
  eng: ['eng'],
} as const;
export type LangSet = keyof typeof LANG_SETS;

/**
 * The pack that carries each `<lang>.traineddata`, read from the model manifest (packs of capability "ocr" and
 * engine "tesseract" and the files they list), so no pack id is written in code.
 */
export function traineddataPacks(catalog: Catalog): Map<string, string> {
  const engine = OCR_ENGINE_PACKS.tesseract.packEngine;
  const packOf = new Map<string, string>();
  for (const p of catalog.packs) {
    if (p.capability !== OCR_CAPABILITY || p.engine !== engine) continue;
    for (const f of p.files) {
      const m = /^([A-Za-z_]+)\.traineddata$/.exec(f.path);
      if (m && !packOf.has(m[1]!)) packOf.set(m[1]!, p.id);
    }
  }
  return packOf;
}

export const langSetFor = (lang: OcrLang): LangSet => (lang === 'zh-Hant' ? 'chi_tra+eng' : lang === 'en' ? 'eng' : 'chi_sim+eng');

/** Where packs come from: PackStore, or anything with the same require() (the manifest: the app's by default). */
export interface PackLookup {
  require(id: string): Pick<InstalledPack, 'id' | 'dir'>;
  opts?: { dataDir: string; catalog?: Catalog };
}

export interface TesseractEngineOptions {
  /** Folder where the langPath is assembled (links to the packs' traineddata). Default: <models data dir>/.tessdata. */
  workDir?: string;
  /** Detect the page's orientation (OSD, then recognition confidence). Default true. */
  detectRotation?: boolean;
  /** Use the tesseract-osd pack when it is installed. Default true; without it, rotations are tried by confidence. */
  osd?: boolean;
  /** Time for a worker to start (load its core and traineddata). */
  startTimeoutMs?: number;
}

/** A result at least this confident (0..1, Tesseract's mean word confidence) is taken without trying other rotations. */
const GOOD_CONFIDENCE = OCR_DEFAULTS.tesseract.goodConfidence;
/** Below this, a pass at the rotation OSD chose is taken as wrong, and the other rotations are tried. */
const POOR_CONFIDENCE = OCR_DEFAULTS.tesseract.poorConfidence;
/** OSD answers below this orientation confidence are ignored. */
const OSD_MIN_CONFIDENCE = OCR_DEFAULTS.tesseract.osdMinConfidence;
/** OSD needs no more pixels than this on its longest side. */
const OSD_MAX_SIDE = OCR_DEFAULTS.tesseract.osdMaxSide;

interface Slot {
  key: string;
  worker: Tesseract.Worker;
  /** Rejects when the worker thread dies. */
  dead: Promise<never>;
  queue: Promise<unknown>;
}

interface Pass {
  rotation: Rotation;
  confidence: number;
  lines: OcrLine[];
}

/**
 * Tesseract (tesseract.js 7, WebAssembly, in worker threads). One worker per language set (chi_sim+eng,
 * chi_tra+eng, eng) plus one for orientation (osd, legacy core), each created on first use and reused. Workers
 * read traineddata only from a local folder assembled from the installed packs (gzip off, cache off), so
 * tesseract.js never reaches for its CDN. Pages are rotated upright before recognition (OSD's answer, checked by
 * the recognition confidence) and boxes are mapped back to the page as given.
 */
export class TesseractEngine implements OcrEngine {
  readonly id = 'tesseract';
  private readonly slots = new Map<string, Promise<Slot>>();
  private disposed = false;

  private constructor(
    private readonly packs: PackLookup,
    private readonly packOf: Map<string, string>,
    private readonly workDir: string,
    private readonly o: Required<Omit<TesseractEngineOptions, 'workDir'>>,
  ) {}

  /** Checks that some language set is installed and prepares the langPath folder; workers start on first use. */
  static async load(packs: PackLookup, o: TesseractEngineOptions = {}): Promise<TesseractEngine> {
    const packOf = traineddataPacks(packs.opts?.catalog ?? loadCatalog());
    const sets = Object.keys(LANG_SETS) as LangSet[];
    const problems: string[] = [];
    for (const set of sets) {
      try {
        for (const lang of LANG_SETS[set]) packs.require(packIdOf(packOf, lang));
      } catch (err) {
        problems.push((err as Error).message);
      }
    }
    if (problems.length === sets.length) throw new HubError('UNAVAILABLE', `Tesseract has no language installed: ${problems[0]}`);
    const workDir = o.workDir ?? path.join(packs.opts?.dataDir ?? path.join(os.tmpdir(), 'intelligent-center'), '.tessdata');
    await fs.mkdir(workDir, { recursive: true });
    return new TesseractEngine(packs, packOf, workDir, {
      detectRotation: o.detectRotation ?? true,
      osd: o.osd ?? true,
      startTimeoutMs: o.startTimeoutMs ?? OCR_DEFAULTS.tesseract.startTimeoutMs,
    });
  }

  async recognize(page: RasterPage, o: { lang: OcrLang; signal?: AbortSignal }): Promise<EngineResult> {
    cancelled(o.signal);
    const grey = pageGrey(page);
    const set = langSetFor(o.lang);
    const slot = await this.slot(set);
    cancelled(o.signal);
    if (!this.o.detectRotation) {
      const only = await this.pass(slot, grey, 0, o.signal);
      return { rotation: 0, lines: only.lines };
    }
    const guess = await this.orientation(grey, o.signal);
    const order: Rotation[] = guess === undefined ? [0, 180, 90, 270] : [guess, ...([0, 180, 90, 270] as Rotation[]).filter((r) => r !== guess)];
    // OSD's answer is trusted unless reading that way makes no sense; without one, rotations are tried until one
    // reads well (reading a page the wrong way up is slow: several times an upright pass).
    const enough = guess === undefined ? GOOD_CONFIDENCE : POOR_CONFIDENCE;
    let best: Pass | undefined;
    for (const rotation of order) {
      const p = await this.pass(slot, grey, rotation, o.signal);
      if (!best || p.confidence > best.confidence) best = p;
      // Nothing found at all, or confident enough: done.
      if (p.confidence >= enough || (rotation === order[0] && p.lines.length === 0)) break;
    }
    return { rotation: best!.rotation, lines: best!.lines };
  }

  /**
   * Reads text lines already cut out of a page (upright, one line each, e.g. by PP-OCRv4's detector): all of them
   * in one Tesseract call, stacked on a sheet and read as a single block (PSM 6). One result per crop, in order;
   * an empty text where Tesseract found nothing on that line.
   */
  async readLines(crops: readonly GreyImage[], o: { lang: OcrLang; signal?: AbortSignal }): Promise<SheetLine[]> {
    cancelled(o.signal);
    if (!crops.length) return [];
    const slot = await this.slot(langSetFor(o.lang));
    const sheet = buildLineSheet(crops);
    const { data, width, height } = sheet.image;
    const g: Grey = { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), width, height };
    // Tesseract parameters for this call only (tesseract.js restores them afterwards).
    const params = { tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK, preserve_interword_spaces: '1' } as unknown as Partial<Tesseract.RecognizeOptions>;
    const r = await this.run(slot, o.signal, (w) => w.recognize(pgm(g), params, { text: false, blocks: true }));
    const words: SheetWord[] = [];
    for (const block of r.data.blocks ?? [])
      for (const para of block.paragraphs)
        for (const line of para.lines) for (const word of line.words) words.push({ text: word.text, confidence: word.confidence, bbox: word.bbox });
    return wordsToLines(words, sheet);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const slots = [...this.slots.values()];
    this.slots.clear();
    await Promise.all(slots.map((s) => s.then((x) => x.worker.terminate()).catch(() => undefined)));
  }

  /** Clockwise rotation that makes the page upright, by Tesseract OSD; undefined when unsure or unavailable. */
  private async orientation(grey: Grey, signal?: AbortSignal): Promise<Rotation | undefined> {
    if (!this.o.osd) return undefined;
    let slot: Slot;
    try {
      slot = await this.slot('osd');
    } catch (err) {
      if (err instanceof HubError && err.code === 'UNAVAILABLE') return undefined; // no osd pack: try rotations
      throw err;
    }
    const small = await scaleDown(grey, OSD_MAX_SIDE);
    const r = await this.run(slot, signal, (w) => w.detect(pgm(small)));
    const deg = r.data.orientation_degrees;
    if (deg === null || (r.data.orientation_confidence ?? 0) < OSD_MIN_CONFIDENCE) return undefined;
    return ([0, 90, 180, 270] as const).find((x) => x === deg);
  }

  /** Recognises the page turned clockwise by `rotation`; boxes come back in the unturned page's pixels. */
  private async pass(slot: Slot, grey: Grey, rotation: Rotation, signal?: AbortSignal): Promise<Pass> {
    const turned = rotation === 0 ? grey : await rotate(grey, rotation);
    const r = await this.run(slot, signal, (w) => w.recognize(pgm(turned), {}, { text: false, blocks: true }));
    const lines: OcrLine[] = [];
    for (const block of r.data.blocks ?? [])
      for (const para of block.paragraphs)
        for (const line of para.lines) {
          const text = tidy(line.text);
          if (!text) continue;
          lines.push({ text, box: mapBack(line.bbox, rotation, grey.width, grey.height), confidence: clamp01(line.confidence / 100) });
        }
    return { rotation, confidence: lines.length ? clamp01((r.data.confidence ?? 0) / 100) : 0, lines };
  }

  /** Runs one job on a worker, one job per worker at a time. A cancelled job kills its worker (a new one starts next time). */
  private run<T>(slot: Slot, signal: AbortSignal | undefined, job: (w: Tesseract.Worker) => Promise<T>): Promise<T> {
    const next = slot.queue.then(async () => {
      cancelled(signal);
      let onAbort: (() => void) | undefined;
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(new HubError('CANCELLED', 'OCR cancelled'));
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      try {
        return await Promise.race([job(slot.worker), aborted, slot.dead]);
      } catch (err) {
        if (signal?.aborted) this.kill(slot);
        if (err instanceof HubError) throw err;
        throw new HubError('INTERNAL', `tesseract: ${typeof err === 'string' ? err : (err as Error).message}`);
      } finally {
        if (onAbort) signal?.removeEventListener('abort', onAbort);
      }
    });
    slot.queue = next.catch(() => undefined);
    return next;
  }

  private kill(slot: Slot): void {
    void this.slots.get(slot.key)?.then((s) => {
      if (s === slot) this.slots.delete(slot.key);
    });
    void slot.worker.terminate().catch(() => undefined);
  }

  private slot(key: LangSet | 'osd'): Promise<Slot> {
    if (this.disposed) return Promise.reject(new HubError('UNAVAILABLE', 'the Tesseract engine was disposed'));
    let s = this.slots.get(key);
    if (!s) {
      s = this.start(key);
      this.slots.set(key, s);
      s.catch(() => this.slots.delete(key));
    }
    return s;
  }

  private async start(key: LangSet | 'osd'): Promise<Slot> {
    const langs: readonly string[] = key === 'osd' ? ['osd'] : LANG_SETS[key];
    const langPath = await this.langPath(langs);
    let startFailed: (err: Error) => void = () => undefined;
    let started = false;
    const failure = new Promise<never>((_, reject) => {
      startFailed = reject;
    });
    const timer = setTimeout(() => startFailed(new Error(`no answer in ${this.o.startTimeoutMs} ms`)), this.o.startTimeoutMs);
    const legacy = key === 'osd';
    // tesseract.js spawns the worker's thread synchronously inside createWorker(): claim the next thread Node announces.
    const claim = claimNextThread();
    const creating = Tesseract.createWorker(langs.join('+'), legacy ? Tesseract.OEM.TESSERACT_ONLY : Tesseract.OEM.LSTM_ONLY, {
      langPath, // a local folder: never the CDN
      gzip: false,
      cacheMethod: 'none',
      legacyCore: legacy,
      legacyLang: legacy,
      logger: () => undefined,
      // Without an errorHandler tesseract.js throws job errors from its message listener (an uncaught exception).
      errorHandler: (e: unknown) => {
        if (!started) startFailed(new Error(String(e)));
      },
    });
    let worker: Tesseract.Worker;
    try {
      worker = await Promise.race([creating, failure]);
    } catch (err) {
      claim.cancel();
      creating.then((w) => w.terminate()).catch(() => undefined); // if it ever finishes starting
      throw new HubError('UNAVAILABLE', `Tesseract ${langs.join('+')} could not start: ${(err as Error).message ?? String(err)}`);
    } finally {
      clearTimeout(timer);
    }
    started = true;
    // Tesseract prints notes ("Invalid resolution 0 dpi") to stdout, which is the CLI's JSON output: send them nowhere.
    await worker.setParameters({ debug_file: '/dev/null' }).catch(() => undefined);
    // Announced long before the worker finished loading; if it was not (another library's thread came first), the
    // worker runs unwatched, as before: a dead thread then fails its job at the job's timeout or cancellation.
    const thread = await Promise.race([claim.thread, Promise.resolve(undefined)]);
    if (!thread) claim.cancel();
    const dead = new Promise<never>((_, reject) => {
      const died = (why: string) => {
        // Forget this worker, not a newer one started under the same key after this one was killed.
        void this.slots.get(key)?.then((s) => s.worker === worker && this.slots.delete(key)).catch(() => undefined);
        reject(new HubError('WORKER_CRASHED', `Tesseract ${langs.join('+')} worker ${why}`));
      };
      thread?.on('error', (e) => died(`failed: ${e.message}`));
      thread?.on('exit', (code) => died(`exited (${code})`));
    });
    dead.catch(() => undefined);
    return { key, worker, dead, queue: Promise.resolve() };
  }

  /**
   * A folder holding <lang>.traineddata for every language asked for: links (or copies, where links cannot be
   * made) to the files of the installed packs, replaced atomically when a pack moves.
   */
  private async langPath(langs: readonly string[]): Promise<string> {
    for (const lang of langs) {
      const pack = this.packs.require(packIdOf(this.packOf, lang));
      await linkFile(path.join(pack.dir, `${lang}.traineddata`), path.join(this.workDir, `${lang}.traineddata`));
    }
    return this.workDir;
  }
}

/**
 * Threads as Node announces them (the public `process.on('worker')` event, emitted for every worker_threads Worker
 * once constructed), handed in creation order to the Tesseract workers being started. tesseract.js keeps its thread
 * to itself; watching the thread is how a worker that dies mid-job fails that job with WORKER_CRASHED instead of
 * leaving it waiting for its timeout. Nothing else in the model host starts worker threads.
 */
const threadClaims: ((t: ThreadWorker) => void)[] = [];
let watchingThreads = false;
function claimNextThread(): { thread: Promise<ThreadWorker>; cancel(): void } {
  if (!watchingThreads) {
    process.on('worker', (t) => threadClaims.shift()?.(t));
    watchingThreads = true;
  }
  let claim!: (t: ThreadWorker) => void;
  const thread = new Promise<ThreadWorker>((resolve) => (claim = resolve));
  threadClaims.push(claim);
  return {
    thread,
    cancel: () => {
      const i = threadClaims.indexOf(claim);
      if (i >= 0) threadClaims.splice(i, 1);
    },
  };
}

function packIdOf(packOf: Map<string, string>, lang: string): string {
  const id = packOf.get(lang);
  if (!id) throw new HubError('UNAVAILABLE', `the model manifest lists no Tesseract pack with ${lang}.traineddata`);
  return id;
}

async function linkFile(src: string, target: string): Promise<void> {
  const want = await fs.stat(src);
  try {
    const st = await fs.lstat(target);
    if (st.isSymbolicLink() && (await fs.readlink(target)) === src) return;
    if (st.isFile() && ((st.ino === want.ino && st.dev === want.dev) || st.size === want.size)) return;
  } catch {
    // not there yet
  }
  const tmp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.symlink(src, tmp);
  } catch {
    try {
      await fs.link(src, tmp);
    } catch {
      await fs.copyFile(src, tmp);
    }
  }
  await fs.rename(tmp, target);
}

interface Grey {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * The page as Tesseract gets it: the same grey conversion as PP-OCRv4's (red seal ink lifted to the paper, a
 * washed-out page stretched); in a photo everything outside the sheet of paper (and a thin rim inside its edge,
 * where the outline is approximate) painted over with the paper's grey, so that the desk's texture is not read as
 * text; uneven light evened out, since Tesseract binarises with one threshold for the whole page.
 */
function pageGrey(page: RasterPage): Grey {
  const grey = cleanGrey(page);
  const outline = findPaper(grey);
  if (outline) {
    const lit = evenLight(grey);
    paintOutside(grey, outline.hull, lit ? paperLevel(grey) : outline.paper, -Math.round(Math.max(grey.width, grey.height) * 0.012));
  }
  return { data: Buffer.from(grey.data.buffer, grey.data.byteOffset, grey.data.byteLength), width: grey.width, height: grey.height };
}

function firstChannel(data: Buffer, channels: number): Buffer {
  const out = Buffer.alloc(data.length / channels);
  for (let i = 0; i < out.length; i++) out[i] = data[i * channels]!;
  return out;
}

async function rotate(g: Grey, rotation: Rotation): Promise<Grey> {
  return greyOut(sharp(g.data, { raw: { width: g.width, height: g.height, channels: 1 } }).rotate(rotation));
}

async function scaleDown(g: Grey, maxSide: number): Promise<Grey> {
  if (Math.max(g.width, g.height) <= maxSide) return g;
  return greyOut(sharp(g.data, { raw: { width: g.width, height: g.height, channels: 1 } }).resize({ width: maxSide, height: maxSide, fit: 'inside' }));
}

/** One channel out (sharp turns 1-channel raw input into sRGB unless told otherwise). */
async function greyOut(img: Sharp): Promise<Grey> {
  const { data, info } = await img.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data: info.channels === 1 ? data : firstChannel(data, info.channels), width: info.width, height: info.height };
}

/** Binary PGM: Leptonica reads it without decompression, the cheapest way to hand pixels to tesseract.js. */
function pgm(g: Grey): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${g.width} ${g.height}\n255\n`, 'latin1'), g.data]);
}

/**
 * Corners of a box found on the page turned clockwise by `rotation`, in the pixels of the page before turning
 * (width W, height H), clockwise from the text's top-left.
 */
export function mapBack(b: { x0: number; y0: number; x1: number; y1: number }, rotation: Rotation, W: number, H: number): Box {
  const corners: [number, number][] = [
    [b.x0, b.y0],
    [b.x1, b.y0],
    [b.x1, b.y1],
    [b.x0, b.y1],
  ];
  const back = ([x, y]: [number, number]): [number, number] => {
    switch (rotation) {
      case 90:
        return [y, H - x];
      case 180:
        return [W - x, H - y];
      case 270:
        return [W - y, x];
      default:
        return [x, y];
    }
  };
  return corners.map(back) as Box;
}

const HAN_GAP = /([\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF])\s+(?=[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF])/gu;

/** Tesseract puts spaces between Chinese characters; drop those, keep the ones between words. */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(HAN_GAP, '$1');
}

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

function cancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new HubError('CANCELLED', 'OCR cancelled');
}
