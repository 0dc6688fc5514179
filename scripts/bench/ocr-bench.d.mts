export interface BenchOptions {
  tsv: string;
  docs?: string[];
  variants?: string[];
  /** The engine our `ocr` capability is asked for. */
  engine: 'auto' | 'ppocr' | 'tesseract';
  /** Run native Tesseract (false with --engine ours-only). */
  native: boolean;
  /** Run our engine (false with --engine tesseract-native-only). */
  ours: boolean;
  memory: boolean;
  memoryOnly: boolean;
  memoryPages: number;
  tesseractThreads: number;
  cacheDir: string;
  dataDir?: string;
  details: boolean;
  json: boolean;
  help: boolean;
  profile: boolean;
  profileReps: number;
  dist?: string;
  originalModels?: boolean;
  /** The batch rows (default true; --no-batch). */
  batch: boolean;
}

export interface EngineScore {
  text: string;
  /** Wall time for the page: tesseract spawn → exit, or the `jobs.run` call. */
  ms: number;
  /** CPU (user + system) the page cost: the tesseract process, or the model host (when its pid is known). */
  cpuMs?: number;
  cer: number;
  distance: number;
  refLength: number;
  error?: string;
  engine?: string;
  rotation?: number;
  /** What our engine reported for the page itself (OcrPage.ms). */
  engineMs?: number;
  /** Native only: ms less Tesseract's start-up for the page's languages, measured in the same run (meta.tesseractStartupMs). */
  netMs?: number;
}

export interface PageResult {
  doc: string;
  font: string;
  variant: string;
  image: string;
  refLength: number;
  native?: EngineScore;
  ours?: EngineScore;
}

export interface EngineStats {
  pages: number;
  errors: number;
  /** Pooled: all edits / all reference characters. */
  cer: number | null;
  meanCer: number;
  medianMs: number | null;
  medianCpuMs: number | null;
  /** Median of netMs (native with its start-up excluded); null where not measured. */
  medianNetMs: number | null;
}

export interface SummaryRow {
  label: string;
  pages: number;
  native: EngineStats | null;
  ours: EngineStats | null;
  /** native median ms ÷ ours median ms (> 1: ours is faster). */
  speedRatio: number | null;
  /** The same with Tesseract's start-up excluded: native median netMs ÷ ours median ms. */
  speedRatioNet: number | null;
}

export interface Summary {
  variants: SummaryRow[];
  overall: SummaryRow;
}

export interface BenchResult {
  meta: {
    date: string;
    tsv: string;
    docs: string[];
    variants: string[];
    cacheDir: string;
    renderVersion: number;
    node: string;
    cpus: number;
    cpuModel: string;
    memGB: number;
    loadAvg: number;
    tesseract: string | null;
    tesseractThreads: number;
    oursEngine: string;
    /** Tesseract's start-up per language set (spawn, traineddata, exit on a blank page; median of 5), when native ran. */
    tesseractStartupMs?: Record<string, number>;
  };
  pages: PageResult[];
  summary: Summary | null;
  ours: {
    available: boolean;
    reason?: string;
    peakKB: number | null;
    pids: number[];
    peakNote?: string;
    coldMs: number | null;
    firstError?: string;
  };
  memory: null | {
    available: boolean;
    reason?: string;
    pages?: number;
    status?: string;
    itemsDone?: number;
    itemsFailed?: number;
    totalMs?: number;
    peakKB?: number | null;
    pids?: number[];
    peakNote?: string;
    firstError?: string;
  };
  /** Every page at once: ours as one job, native one process per core at a time; null when skipped. */
  batch?: null | {
    lanes: number;
    ours?: { wallMs: number; msPerPage: number; failed: number; otherText: number };
    native?: { wallMs: number; msPerPage: number; netMsPerPage: number; failed: number };
    /** native msPerPage ÷ ours msPerPage. */
    speed: number | null;
    /** native netMsPerPage ÷ ours msPerPage. */
    speedNet: number | null;
  };
}

export const USAGE: string;
/** Throws on unknown options, bad values and unknown variants. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions;
export function median(xs: readonly number[]): number | null;
/** utime + stime of /proc/<pid>/stat in ms; undefined when unreadable. */
export function readCpuMs(pid: number): number | undefined;
/** VmHWM of /proc/<pid>/status in kB; undefined when unreadable. */
export function readVmHWMkB(pid: number): number | undefined;
export function startHwmSampler(
  getPid: () => number | undefined,
  everyMs?: number,
): { sample(): void; stop(): { peakKB: number | null; pids: number[] } };
export function summarize(pages: PageResult[], variants: readonly string[]): Summary;
export function formatMarkdown(result: BenchResult, o?: { details?: boolean }): string;
/** hub.modelHost.pid when the hub exposes it. */
export function defaultHostPid(hub: unknown): number | undefined;
export function runOcrBench(
  opts: BenchOptions,
  deps?: {
    /** The pid of the process running our OCR models; default hub.modelHost.pid. */
    hostPid?: (hub: unknown) => number | undefined;
    log?: (s: string) => void;
    /** Instead of createHub from dist/main/node/hub/hub.js (tests). */
    createHub?: (options: object) => unknown;
  },
): Promise<BenchResult>;
/** `npm run bench -- ocr …`; resolves to the exit code. */
export function main(argv: readonly string[]): Promise<number>;
