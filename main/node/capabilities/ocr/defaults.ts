import os from 'node:os';
import { MAX_FILE_BYTES, MAX_PAGES_PER_FILE } from '../../../common/contract/index.js';

/**
 * Every tunable of the OCR pipeline in one place, as RapidOCR keeps its settings in one config: input limits, DB
 * detection thresholds and sizes, the direction classifier, the recogniser, page orientation, Tesseract and the
 * hybrid re-reading. The stages read their values from here; a change here is a change of behaviour, to be
 * measured with `npm run bench -- ocr` (never tuned to single documents).
 */
export const OCR_DEFAULTS = {
  /** What the page loader accepts. A page over maxPagePixels is refused; a bigger side than maxSide is scaled down. */
  input: {
    /** Bytes of one input file: the contract's one limit (an upload's base64 is capped at the same size). */
    maxFileBytes: MAX_FILE_BYTES,
    /** Pixels of one page as stored (before any downscale): more is refused as a likely decompression bomb. */
    maxPagePixels: 100_000_000,
    /** Longest side of a page handed to OCR; bigger pages are scaled down to it (aspect kept). */
    maxSide: 4000,
    /** Pages of one file (TIFF pages, PDF pages) when no page list is given. */
    maxPages: MAX_PAGES_PER_FILE,
    /** Resolution of PDF text-layer boxes (PDF points are 1/72 inch). */
    pdfTextDpi: 150,
    /** Rendering resolution of image-only PDF pages: the scan's own resolution, kept within these bounds. */
    pdfRenderDpi: { min: 150, default: 200, max: 300 },
  },
  /** When a PDF's own text layer is used instead of reading its pixels. */
  pdfText: {
    /** A text layer with fewer readable characters than this is not used (the page is read as pixels). */
    minTextChars: 8,
    /** Share of a text layer's characters that must be readable (not replacement / private-use / control). */
    minGoodShare: 0.9,
    /** A page whose biggest image covers this much of it is a scan, unless its text layer is long (an OCR layer). */
    scanCoverage: 0.5,
    longTextChars: 200,
  },
  /** PP-OCRv4 text detection (DB). */
  det: {
    /** DB post-processing; RapidOCR's values for PP-OCRv4. */
    db: { thresh: 0.3, boxThresh: 0.5, unclipRatio: 1.6, maxCandidates: 1000, useDilation: true },
    /** Side the detector's input is fitted to when text size is unknown (RapidOCR's limit_side_len). */
    limitSideLen: 736,
    /** Text smaller than this (pixels of line height) is enlarged before a second detection pass. */
    minTextPx: 14,
    targetTextPx: 20,
    /** Longest side the detector is ever given. */
    maxSide: 1440,
    /** RapidOCR's letterbox: a strip thinner than minSide, or longer than maxRatio times its thickness, is padded. */
    letterboxMinSide: 30,
    letterboxMaxRatio: 8,
    /**
     * The detector runs on the inked part of the page (at the whole page's scale): pixels `contrast` grey levels
     * darker than the paper are ink where a row or column has at least `minDark` of them (sampling every other
     * pixel), with a margin of this share of the longer side; not cropped when the part is over `keep` of the page.
     */
    ink: { contrast: 40, minDark: 3, margin: 0.03, keep: 0.85 },
  },
  /**
   * PP-OCRv4 pages read at once (PpOcrPool): one worker thread with its own engine per page in flight, up to
   * `workers(cores)`, each engine's models on `threadsPerWorker` threads.
   *
   * One worker on two cores: a lone page already keeps about 1.5 cores busy (two intra-op threads), so a second
   * engine bought a batch only 0–4 % through the hub (`npm run bench -- ocr`, batch rows: development 188 against
   * 195 ms/page, synthetic 300 against 304) for about 300 MB more (OCR host peak 949 / 986 MB against the 1 GB
   * budget). One worker with a page waiting beside it (PAGES_AT_ONCE) measured better: development batch 178
   * against 189 ms/page lone, a 12-page scanned PDF 250 against 282–308 ms/page before, peak 672 / 737 MB. Two
   * from four cores, where each engine gets two cores of its own — not measured (this machine has two).
   */
  pool: {
    workers: (cores: number): number => (cores >= 4 ? 2 : 1),
    /**
     * In-process on the development set (49 pages, 2 cores, quiet, two runs each, two workers): 2 threads each
     * lone page 149–162 ms, batch 127–134 ms/page; 1 each lone 213–219, batch 124–125; 2 for the first worker and 1
     * for the second (an option then, removed since) lone 144–146, batch 135–138.
     */
    threadsPerWorker: 2,
  },
  /** PP-OCRv4 direction classifier. */
  cls: {
    /** RapidOCR turns a single line only when the classifier says 180 with more than this. */
    thresh: 0.9,
  },
  /** PP-OCRv4 recognition. */
  rec: {
    /** Lines read with less confidence than this are dropped… */
    minConfidence: 0.5,
    /** …except long lines (at least longLine characters), kept down to this. */
    minLongConfidence: 0.3,
    longLine: 4,
    batchSize: 8,
  },
  /** How PP-OCRv4 settles a page's direction. */
  orientation: {
    /** At most this many lines (the longest) vote on the page's direction. */
    voters: 8,
    /** A classifier vote this close to even is checked by recognising a few lines both ways round. */
    unsure: 0.3,
    checkLines: 4,
    /** Lifted red ink must outweigh remaining dark ink this many times for a box to count as seal text. */
    sealRatio: 1.5,
    /**
     * Upright vs upside down from the layout (alignmentFlip): with at least `alignMinLines` lines, a page whose
     * lines mostly (≥ alignFlush) start at one x and rarely (≤ alignRagged) end at one x is flush left.
     */
    alignMinLines: 6,
    alignFlush: 0.6,
    alignRagged: 0.25,
  },
  /** Tesseract (tesseract.js). */
  tesseract: {
    /** A result at least this confident (0..1, mean word confidence) is taken without trying other rotations. */
    goodConfidence: 0.6,
    /** Below this, a pass at the rotation OSD chose is taken as wrong, and the other rotations are tried. */
    poorConfidence: 0.35,
    /** OSD answers below this orientation confidence are ignored. */
    osdMinConfidence: 0.5,
    /** OSD needs no more pixels than this on its longest side. */
    osdMaxSide: 2000,
    /** Time for a worker to start (load its core and traineddata). */
    startTimeoutMs: 120_000,
  },
  /** Traditional pages: PP-OCRv4's lines re-read by Tesseract chi_tra. */
  hybrid: {
    /** Tesseract's confidence in a line (0..1) below which PP-OCRv4's reading of it is kept instead. */
    tesseractUnsure: 0.6,
  },
  /** Seals and handwriting (input `marks`, pre-review's seal and signature checks). */
  marks: {
    /** Lines read with at least this confidence are printed text; less, and their ink may be handwriting. */
    printedConfidence: 0.8,
  },
  /** Red ink lifted off the page (preprocess/red-ink.ts): seals, and red lines of text given back. */
  redInk: {
    /** A seal is at least this share of the page's shorter side across, and about round (aspect within). */
    sealMinSide: 0.04,
    sealAspect: [0.6, 1.67],
    /** A red line of text is at least this many pixels high, counted on its ink (a thinner one is a rule). */
    minLineHeight: 12,
    /** ... and at least this many times as wide as high: about that many characters (a two-character mark stays lifted). */
    minLineGlyphs: 3,
  },
} as const;

/**
 * Pages in flight at once (a file's pages, a batch's files): one more than the pool's workers, so the next page is
 * being decoded (or a PDF page rendered) on the host's own thread while the workers read.
 */
export const PAGES_AT_ONCE = OCR_DEFAULTS.pool.workers(os.availableParallelism()) + 1;
