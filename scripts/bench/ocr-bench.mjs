// OCR benchmark: our engine (the hub capability `ocr`) against the native `tesseract` command, on the same rendered
// pages in the same run. Scores document-level CER (NFKC, whitespace ignored) per variant, times every page, and
// reads the peak resident memory (VmHWM) of the process that hosts our OCR models.
//
//   npm run bench -- ocr [--variants clean,rot90] [--docs id1,id2] [--tsv FILE] [--json] [--memory] …
//   npm run bench -- ocr --help
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cer, pooledCer } from './cer.mjs';
import { checkTesseract, runTesseract, tesseractLangFor } from './native-tesseract.mjs';
import { DEFAULT_CACHE_DIR, DEFAULT_TSV, RENDER_VERSION, VARIANTS, renderEvalSet } from './render-ocr-eval.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const USAGE = `npm run bench -- ocr [options]

  --profile                per-stage profile of our engine in-process instead (decode, grey/seal, detection,
                           classifier, recognition; model runs timed on their own); --profile-reps N, --dist DIR
                           (another build's dist/, for before/after), --details for every page, --original-models
                           (the pack's own models, not the folded ones preparation derives), --data-dir (its pack)
  --tsv FILE               evaluation documents (id<TAB>font<TAB>line|line|…); default ../shared/eval/ocr-dev.tsv
  --docs ID,ID             only these documents
  --variants V,V           only these variants (${VARIANTS.join(', ')})
  --engine E               auto (default) | ppocr | tesseract: the engine our \`ocr\` capability is asked for;
                           tesseract-native-only: skip our engine; ours-only: skip native Tesseract
  --no-batch               skip the batch rows (every page at once: ours as one job, native Tesseract one process
                           per core at a time; time per page = the batch's wall time ÷ pages)
  --memory                 also run 20 pages as one batch job in a fresh hub and report the OCR host's VmHWM
  --memory-pages N         pages in that batch (default 20; the selected pages are repeated to reach N)
  --memory-only            only the batch memory measurement
  --tesseract-threads N    OMP_THREAD_LIMIT for native tesseract (default 1; 0 leaves OpenMP's default)
  --cache DIR              rendered images (default ${DEFAULT_CACHE_DIR})
  --data-dir DIR           hub data folder (default: IC_DATA_DIR or the app-data folder, where model packs live)
  --details                add per-document CER tables
  --json                   print the full result as JSON instead of markdown
`;

/**
 * @typedef {{
 *   tsv: string, docs?: string[], variants?: string[], engine: 'auto' | 'ppocr' | 'tesseract',
 *   native: boolean, ours: boolean, memory: boolean, memoryOnly: boolean, memoryPages: number,
 *   tesseractThreads: number, cacheDir: string, dataDir?: string, details: boolean, json: boolean, help: boolean,
 *   profile: boolean, profileReps: number, dist?: string, originalModels?: boolean, batch: boolean
 * }} BenchOptions
 */

/**
 * @param {readonly string[]} argv arguments after `ocr`
 * @returns {BenchOptions}
 */
export function parseBenchArgs(argv) {
  /** @type {BenchOptions} */
  const o = {
    tsv: DEFAULT_TSV,
    engine: 'auto',
    native: true,
    ours: true,
    memory: false,
    memoryOnly: false,
    memoryPages: 20,
    tesseractThreads: 1,
    cacheDir: DEFAULT_CACHE_DIR,
    details: false,
    json: false,
    help: false,
    profile: false,
    profileReps: 1,
    batch: true,
  };
  const list = (v) => v.split(',').map((x) => x.trim()).filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const raw = /** @type {string} */ (argv[i]);
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const value = () => {
      if (raw.startsWith('--') && eq > 0) return raw.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    const int = (min) => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) throw new Error(`${flag} needs an integer ≥ ${min}, got "${v}"`);
      return n;
    };
    switch (flag) {
      case '--tsv':
        o.tsv = path.resolve(value());
        break;
      case '--docs':
        o.docs = list(value());
        break;
      case '--variants': {
        const vs = list(value());
        const bad = vs.filter((v) => !VARIANTS.includes(/** @type {any} */ (v)));
        if (bad.length) throw new Error(`unknown variant ${bad.join(', ')} (known: ${VARIANTS.join(', ')})`);
        o.variants = vs;
        break;
      }
      case '--engine': {
        const e = value();
        if (e === 'tesseract-native-only') o.ours = false;
        else if (e === 'ours-only') o.native = false;
        else if (e === 'auto' || e === 'ppocr' || e === 'tesseract') o.engine = e;
        else throw new Error(`--engine: auto, ppocr, tesseract, tesseract-native-only or ours-only, not "${e}"`);
        break;
      }
      case '--memory':
        o.memory = true;
        break;
      case '--no-batch':
        o.batch = false;
        break;
      case '--memory-only':
        o.memory = true;
        o.memoryOnly = true;
        break;
      case '--memory-pages':
        o.memoryPages = int(1);
        break;
      case '--tesseract-threads':
        o.tesseractThreads = int(0);
        break;
      case '--cache':
        o.cacheDir = path.resolve(value());
        break;
      case '--data-dir':
        o.dataDir = path.resolve(value());
        break;
      case '--details':
        o.details = true;
        break;
      case '--json':
        o.json = true;
        break;
      case '--profile':
        o.profile = true;
        break;
      case '--profile-reps':
        o.profileReps = int(1);
        break;
      case '--dist':
        o.dist = path.resolve(value());
        break;
      case '--original-models':
        o.originalModels = true;
        break;
      case '--help':
      case '-h':
        o.help = true;
        break;
      default:
        throw new Error(`unknown option "${raw}"\n\n${USAGE}`);
    }
  }
  if (o.memoryOnly && !o.ours) throw new Error('--memory-only measures our engine; it cannot go with --engine tesseract-native-only');
  return o;
}

// ---------------------------------------------------------------- statistics

/** @param {readonly number[]} xs */
export function median(xs) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? /** @type {number} */ (s[m]) : (/** @type {number} */ (s[m - 1]) + /** @type {number} */ (s[m])) / 2;
}

/**
 * Peak resident set size of a process in kB (VmHWM in /proc/<pid>/status), or undefined (no such process, not Linux).
 * @param {number} pid
 * @returns {number | undefined}
 */
export function readVmHWMkB(pid) {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

let clkTck;
/**
 * CPU time (user + system, all threads) a process has used so far, in ms, from /proc/<pid>/stat; undefined if unreadable.
 * @param {number} pid
 * @returns {number | undefined}
 */
export function readCpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (clkTck === undefined) {
      try {
        clkTck = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
      } catch {
        clkTck = 100;
      }
    }
    // Fields 14 and 15 of stat (utime, stime); f[0] is field 3.
    return ((Number(f[11]) + Number(f[12])) * 1000) / clkTck;
  } catch {
    return undefined;
  }
}

/**
 * Samples VmHWM of whatever pid `getPid` returns, every `everyMs`, keeping the highest value seen (the host may be
 * started lazily by the first job, or replaced after a crash: every pid seen is reported).
 * @param {() => number | undefined} getPid
 */
export function startHwmSampler(getPid, everyMs = 200) {
  /** @type {Map<number, number>} */
  const peaks = new Map();
  const sample = () => {
    let pid;
    try {
      pid = getPid();
    } catch {
      pid = undefined;
    }
    if (!pid) return;
    const kb = readVmHWMkB(pid);
    if (kb !== undefined) peaks.set(pid, Math.max(kb, peaks.get(pid) ?? 0));
  };
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    sample,
    /** @returns {{ peakKB: number | null, pids: number[] }} */
    stop() {
      sample();
      clearInterval(timer);
      const pids = [...peaks.keys()];
      return { peakKB: pids.length ? Math.max(...peaks.values()) : null, pids };
    },
  };
}

/**
 * @typedef {{ text: string, ms: number, cpuMs?: number, cer: number, distance: number, refLength: number, error?: string,
 *   engine?: string, rotation?: number, engineMs?: number }} EngineScore
 * @typedef {{ doc: string, font: string, variant: string, image: string, refLength: number,
 *   native?: EngineScore, ours?: EngineScore }} PageResult
 */

/**
 * @param {PageResult[]} pages
 * @param {'native' | 'ours'} who
 */
function engineStats(pages, who) {
  const scored = pages.map((p) => p[who]).filter((s) => s !== undefined);
  if (scored.length === 0) return null;
  const ok = scored.filter((s) => !s.error);
  return {
    pages: scored.length,
    errors: scored.length - ok.length,
    cer: pooledCer(scored),
    meanCer: scored.reduce((a, s) => a + s.cer, 0) / scored.length,
    medianMs: median(ok.map((s) => s.ms)),
    medianCpuMs: median(ok.flatMap((s) => (s.cpuMs === undefined ? [] : [s.cpuMs]))),
    medianNetMs: median(ok.flatMap((s) => (s.netMs === undefined ? [] : [s.netMs]))),
  };
}

/**
 * Per-variant and overall summary. Pooled CER = all edits / all reference characters; a failed page counts as
 * empty output (CER 1 for that page). Median ms over the pages that succeeded.
 * @param {PageResult[]} pages
 * @param {readonly string[]} variants in display order
 */
export function summarize(pages, variants) {
  const row = (label, ps) => {
    const native = engineStats(ps, 'native');
    const ours = engineStats(ps, 'ours');
    const speed = native?.medianMs && ours?.medianMs ? native.medianMs / ours.medianMs : null;
    const speedNet = native?.medianNetMs && ours?.medianMs ? native.medianNetMs / ours.medianMs : null;
    return { label, pages: ps.length, native, ours, speedRatio: speed, speedRatioNet: speedNet };
  };
  return {
    variants: variants.map((v) => row(v, pages.filter((p) => p.variant === v))).filter((r) => r.pages > 0),
    overall: row('overall', pages),
  };
}

// ---------------------------------------------------------------- markdown

const pct = (x) => (x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const msf = (x) => (x === null || x === undefined ? 'n/a' : String(Math.round(x)));
const mb = (kb) => (kb === null || kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);

/**
 * @param {any} result what runOcrBench returns
 * @param {{ details?: boolean }} [o]
 */
export function formatMarkdown(result, o = {}) {
  const { meta, summary, pages, ours, memory } = result;
  const out = [];
  if (summary) {
    out.push(
      `OCR benchmark — ${meta.docs.length} documents × ${meta.variants.length} variants = ${pages.length} pages (${path.basename(meta.tsv)}); ` +
        'CER = edits / reference characters over all pages of a row (NFKC, whitespace ignored); ms = wall time per page, median.',
      '',
      '| Variant | Pages | CER ours | CER native Tesseract | ms/page ours | ms/page native | Speed (native ÷ ours) | CPU ms/page ours | CPU ms/page native |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const r of [...summary.variants, summary.overall]) {
      const label = r.label === 'overall' ? '**overall**' : r.label;
      const err = (s) => (s && s.errors ? ` (${s.errors} failed)` : '');
      out.push(
        `| ${label} | ${r.pages} | ${pct(r.ours?.cer)}${err(r.ours)} | ${pct(r.native?.cer)}${err(r.native)} | ${msf(r.ours?.medianMs)} | ${msf(r.native?.medianMs)} | ${r.speedRatio ? `${r.speedRatio.toFixed(2)}×` : 'n/a'} | ${msf(r.ours?.medianCpuMs)} | ${msf(r.native?.medianCpuMs)} |`,
      );
    }
    if (summary.overall.speedRatioNet) {
      const startup = Object.entries(meta.tesseractStartupMs ?? {}).map(([lang, ms]) => `${lang} ${msf(ms)} ms`).join(', ');
      out.push(
        '',
        `Native Tesseract with its start-up excluded (spawn, traineddata loading and exit, measured on a blank page in this run, median of 5: ${startup}; subtracted from each page of that language):`,
        '',
        '| Variant | ms/page native, start-up excluded | Speed (native ÷ ours) |',
        '|---|---:|---:|',
        ...[...summary.variants, summary.overall].map(
          (r) => `| ${r.label === 'overall' ? '**overall**' : r.label} | ${msf(r.native?.medianNetMs)} | ${r.speedRatioNet ? `${r.speedRatioNet.toFixed(2)}×` : 'n/a'} |`,
        ),
      );
    }
    if (result.batch) {
      const b = result.batch;
      const x = (v) => (v ? `${v.toFixed(2)}×` : 'n/a');
      out.push(
        '',
        `Batch — all ${pages.length} pages at once, as a scanned batch goes in; both engines on all ${b.lanes} cores (ours: one \`ocr\` job, its pages read in parallel; native: ${b.lanes} \`tesseract\` processes at a time). ms/page = the batch's wall time ÷ pages:`,
        '',
        '| | ms/page ours | ms/page native | Speed (native ÷ ours) | ms/page native, start-up excluded | Speed, start-up excluded |',
        '|---|---:|---:|---:|---:|---:|',
        `| batch | ${msf(b.ours?.msPerPage)} | ${msf(b.native?.msPerPage)} | ${x(b.speed)} | ${msf(b.native?.netMsPerPage)} | ${x(b.speedNet)} |`,
      );
      if (b.ours?.failed || b.ours?.otherText) out.push(`Our batch: ${b.ours.failed} pages failed, ${b.ours.otherText} read otherwise than one by one.`);
      if (b.native?.failed) out.push(`Native batch: ${b.native.failed} pages failed.`);
    }
    out.push('');
    out.push(`Peak memory of our OCR worker (VmHWM, this run): ${ours.available ? mb(ours.peakKB) : 'n/a'}${ours.peakKB === null && ours.available ? ` (${ours.peakNote})` : ''}`);
    if (ours.available && ours.coldMs !== null) out.push(`Our first page (cold: host start + model load): ${msf(ours.coldMs)} ms`);
    if (!ours.available && ours.reason) out.push(`Our engine: n/a — ${ours.reason}`);
    if (ours.available && ours.firstError) {
      const failed = summary.overall.ours?.errors ?? 0;
      out.push(`Our engine failed on ${failed} of ${summary.overall.pages} pages (counted as CER 100%); first error: ${ours.firstError}`);
    }
  }
  if (memory) {
    out.push(
      memory.available
        ? `Batch memory: ${memory.pages} pages as one \`ocr\` job in a fresh hub — VmHWM ${mb(memory.peakKB)}${memory.peakKB === null ? ` (${memory.peakNote})` : ''}, ${memory.itemsDone} done / ${memory.itemsFailed} failed, ${msf(memory.totalMs)} ms total (${msf(memory.totalMs / memory.pages)} ms/page)`
        : `Batch memory: n/a — ${memory.reason}`,
    );
    if (memory.firstError) out.push(`Batch: first failed item: ${memory.firstError}`);
  }
  out.push('');
  if (meta.loadAvg > 0.5) out.push(`Note: the load average was ${meta.loadAvg} when the run started — other work shared the CPUs, so wall times are inflated; the CPU-time columns are the steadier comparison.`);
  out.push(
    `Machine: ${meta.cpus}× ${meta.cpuModel}, ${meta.memGB} GB, load ${meta.loadAvg} at start, Node ${meta.node}. Native: ${meta.tesseract ?? 'n/a'}, --psm 1, chi_sim+eng (chi_tra+eng for TC fonts), ` +
      `${meta.tesseractThreads > 0 ? `OMP_THREAD_LIMIT=${meta.tesseractThreads}` : 'OpenMP default threads'}, one process per page. Renderer v${meta.renderVersion}.`,
  );
  if (o.details && summary) {
    for (const who of /** @type {const} */ (['ours', 'native'])) {
      if (!pages.some((p) => p[who])) continue;
      out.push('', `Per document — ${who === 'ours' ? 'ours' : 'native Tesseract'} (CER):`, '');
      out.push(`| Document | ${meta.variants.join(' | ')} |`, `|---|${meta.variants.map(() => '---:').join('|')}|`);
      for (const d of meta.docs) {
        const cells = meta.variants.map((v) => {
          const s = pages.find((p) => p.doc === d && p.variant === v)?.[who];
          return s ? (s.error ? 'error' : pct(s.cer)) : 'n/a';
        });
        out.push(`| ${d} | ${cells.join(' | ')} |`);
      }
    }
  }
  return out.join('\n');
}

// ---------------------------------------------------------------- our engine through the hub

/**
 * The pid of the process that runs our OCR models: the hub's model host (`hub.modelHost.pid`, set once the first job
 * has started it). Undefined when this build's hub does not expose it; VmHWM is then reported as n/a.
 * @param {any} hub
 * @returns {number | undefined}
 */
export function defaultHostPid(hub) {
  const pid = hub?.modelHost?.pid;
  return typeof pid === 'number' && pid > 0 ? pid : undefined;
}

const PEAK_NOTE = 'no OCR host pid: this build of the hub does not expose hub.modelHost.pid, or the host never started';

/**
 * Opens a hub (from dist/, unless `createHub` is given) and checks it has the `ocr` capability.
 * @param {{ dataDir?: string }} o
 * @param {((options: object) => any) | undefined} createHubFn
 * @returns {Promise<{ hub: any, stderrTail: () => string } | { reason: string }>}
 */
async function openHub(o, createHubFn) {
  let createHub = createHubFn;
  if (!createHub) {
    // The app root: the hub with the app's features (OCR among them).
    const appJs = path.join(repoRoot, 'dist', 'main', 'node', 'app', 'app.js');
    if (!fs.existsSync(appJs)) return { reason: `${path.relative(repoRoot, appJs)} is missing; run \`npm run build:main\` first` };
    ({ createApp: createHub } = await import(pathToFileURL(appJs).href));
  }
  let tail = '';
  const hub = /** @type {(options: object) => any} */ (createHub)({
    ...(o.dataDir ? { dataDir: o.dataDir } : {}),
    onHostStderr: (chunk) => {
      tail = (tail + chunk).slice(-4000);
    },
  });
  // Listed as unavailable (with the reason) when its model packs are missing.
  const ocrInfo = hub.registry.list?.().find((/** @type {{ id: string }} */ c) => c.id === 'ocr');
  if (!hub.registry.has('ocr') || ocrInfo?.unavailable) {
    await hub.close();
    return {
      reason:
        `the hub has no \`ocr\` capability that can run (${ocrInfo?.unavailable ?? 'not wired in this build yet, or its model pack is not installed: `npm run models:prepare`'}); ` +
        'ran native Tesseract only — pass `--engine tesseract-native-only` to skip this check',
    };
  }
  return { hub, stderrTail: () => tail };
}

/** @param {any} output */
function pagesText(output) {
  const pages = Array.isArray(output?.pages) ? output.pages : [];
  return {
    text: pages.map((p) => String(p?.text ?? '')).join('\n'),
    engine: pages[0]?.engine,
    rotation: pages[0]?.rotation,
    engineMs: pages.reduce((a, p) => a + (typeof p?.ms === 'number' ? p.ms : 0), 0),
  };
}

/** @param {(hub: any) => number | undefined} hostPid @param {any} hub */
function safePid(hostPid, hub) {
  try {
    return hostPid(hub);
  } catch {
    return undefined;
  }
}

const errMessage = (e) => (e instanceof Error ? e.message : typeof e === 'object' && e && 'message' in e ? String(e.message) : String(e));

/**
 * Runs N pages as one batch job in a fresh hub (fresh host process) and reads the host's VmHWM.
 * @param {{ images: { path: string }[], pages: number, engine: string, dataDir?: string,
 *   hostPid: (hub: any) => number | undefined, log: (s: string) => void, createHub?: (options: object) => any }} o
 */
async function batchMemory(o) {
  const opened = await openHub(o, o.createHub);
  if (!('hub' in opened)) return { available: false, reason: opened.reason };
  const { hub } = opened;
  const inputs = Array.from({ length: o.pages }, (_, i) => ({ file: { path: /** @type {{path: string}} */ (o.images[i % o.images.length]).path }, engine: o.engine }));
  const sampler = startHwmSampler(() => o.hostPid(hub));
  try {
    o.log(`memory: ${o.pages} pages as one job…`);
    const t0 = performance.now();
    const job = await hub.client.call('jobs.start', { capability: 'ocr', inputs });
    const detail = await jobEnd(hub, job.id, 250, () => sampler.sample());
    const totalMs = performance.now() - t0;
    const peak = sampler.stop();
    return {
      available: true,
      pages: o.pages,
      status: detail.job.status,
      itemsDone: detail.job.itemsDone,
      itemsFailed: detail.job.itemsFailed,
      totalMs,
      peakKB: peak.peakKB,
      pids: peak.pids,
      ...(peak.peakKB === null ? { peakNote: PEAK_NOTE } : {}),
      ...(detail.job.itemsFailed ? { firstError: errMessage(detail.items.find((it) => it.error)?.error ?? detail.job.error ?? 'unknown') } : {}),
    };
  } catch (e) {
    sampler.stop();
    return { available: false, reason: `the batch job failed: ${errMessage(e)}\n${opened.stderrTail()}` };
  } finally {
    await hub.close();
  }
}

/**
 * The job's detail (`jobs.get`) once it is no longer queued or running, asked every `everyMs`; `onPoll` runs
 * between the asks (e.g. a memory sample).
 * @param {any} hub @param {string} id @param {number} everyMs @param {() => void} [onPoll]
 */
async function jobEnd(hub, id, everyMs, onPoll) {
  for (;;) {
    const detail = await hub.client.call('jobs.get', { id });
    if (!['queued', 'running'].includes(detail.job.status)) return detail;
    onPoll?.();
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

// ---------------------------------------------------------------- the run

/**
 * @param {BenchOptions} opts
 * @param {{ hostPid?: (hub: any) => number | undefined, log?: (s: string) => void, createHub?: (options: object) => any }} [deps]
 *   hostPid: the pid of our OCR host (default hub.modelHost.pid); createHub: instead of createApp from dist/main/node/app/app.js (tests)
 */
export async function runOcrBench(opts, deps = {}) {
  const log = deps.log ?? ((s) => process.stderr.write(`${s}\n`));
  const hostPid = deps.hostPid ?? defaultHostPid;
  const variants = opts.variants ?? [...VARIANTS];
  const tess = opts.native ? checkTesseract() : undefined;

  log(`rendering into ${opts.cacheDir} …`);
  const set = await renderEvalSet({ tsv: opts.tsv, docs: opts.docs, variants, cacheDir: opts.cacheDir });
  const byId = new Map(set.docs.map((d) => [d.id, d]));
  /** @type {PageResult[]} */
  const pages = set.images.map((im) => {
    const doc = /** @type {{ id: string, font: string, lines: string[] }} */ (byId.get(im.doc));
    return { doc: doc.id, font: doc.font, variant: im.variant, image: im.path, refLength: cer(doc.lines, '').refLength };
  });
  // Display order: variants as asked, documents as in the TSV.
  const order = (p) => variants.indexOf(p.variant) * 1e6 + set.docs.findIndex((d) => d.id === p.doc);
  pages.sort((a, b) => order(a) - order(b));

  const meta = {
    date: new Date().toISOString(),
    tsv: set.tsv,
    docs: set.docs.map((d) => d.id),
    variants,
    cacheDir: opts.cacheDir,
    renderVersion: RENDER_VERSION,
    node: process.versions.node,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memGB: Math.round(os.totalmem() / 2 ** 30),
    /** 1-minute load average when the run started: timings are only comparable on an otherwise idle machine. */
    loadAvg: Number(os.loadavg()[0]?.toFixed(2)),
    tesseract: tess?.version ?? null,
    tesseractThreads: opts.tesseractThreads,
    oursEngine: opts.engine,
  };

  /** @type {{ lanes: number, native?: { wallMs: number, msPerPage: number, netMsPerPage: number, failed: number }, ours?: { wallMs: number, msPerPage: number, failed: number, otherText: number } }} */
  const batch = { lanes: os.availableParallelism() };
  /** @type {{ available: boolean, reason?: string, peakKB: number | null, pids: number[], peakNote?: string, coldMs: number | null, firstError?: string }} */
  let ours = { available: false, peakKB: null, pids: [], coldMs: null, ...(opts.ours ? {} : { reason: 'skipped (--engine tesseract-native-only)' }) };
  const runPages = !opts.memoryOnly;

  // Native Tesseract first, then ours: one engine at a time, so neither competes with the other for the 2 cores.
  if (runPages && opts.native) {
    // Its start-up (spawn, traineddata, exit) is in every page's time: measured once per language set on a blank
    // page, for the comparison with it excluded.
    const langs = [...new Set(pages.map((p) => tesseractLangFor(/** @type {{ font: string }} */ (byId.get(p.doc)))))];
    meta.tesseractStartupMs = await tesseractStartup(langs, opts);
    let i = 0;
    for (const p of pages) {
      i++;
      const doc = /** @type {{ lines: string[], font: string }} */ (byId.get(p.doc));
      const lang = tesseractLangFor(doc);
      try {
        const r = await runTesseract(p.image, { lang, threads: opts.tesseractThreads });
        const startup = meta.tesseractStartupMs?.[lang];
        p.native = {
          text: r.text,
          ms: r.ms,
          ...(startup !== undefined ? { netMs: Math.max(0, r.ms - startup) } : {}),
          ...(r.cpuMs !== undefined ? { cpuMs: r.cpuMs } : {}),
          ...cer(doc.lines, r.text),
        };
      } catch (e) {
        p.native = { text: '', ms: 0, ...cer(doc.lines, ''), error: errMessage(e) };
      }
      log(`[native ${i}/${pages.length}] ${p.doc}/${p.variant} ${lang} ${Math.round(p.native.ms)} ms CER ${pct(p.native.cer)}${p.native.error ? ` ERROR ${p.native.error}` : ''}`);
    }
    if (opts.batch) {
      log(`[native batch] ${pages.length} pages, ${batch.lanes} processes at a time…`);
      const t0 = performance.now();
      let next = 0;
      let failed = 0;
      let startups = 0;
      const lane = async () => {
        while (next < pages.length) {
          const p = /** @type {PageResult} */ (pages[next++]);
          const lang = tesseractLangFor(/** @type {{ font: string }} */ (byId.get(p.doc)));
          startups += meta.tesseractStartupMs?.[lang] ?? 0;
          await runTesseract(p.image, { lang, threads: opts.tesseractThreads }).catch(() => failed++);
        }
      };
      await Promise.all(Array.from({ length: batch.lanes }, lane));
      const wallMs = performance.now() - t0;
      // Each lane paid its pages' start-ups one after another: the lanes' share of them is taken off the wall time.
      batch.native = { wallMs, msPerPage: wallMs / pages.length, netMsPerPage: Math.max(0, wallMs - startups / batch.lanes) / pages.length, failed };
    }
  }

  if (runPages && opts.ours) {
    const opened = await openHub(opts, deps.createHub);
    if (!('hub' in opened)) {
      ours = { ...ours, reason: opened.reason };
      log(`our engine: ${opened.reason}`);
      if (!opts.native) throw new Error(opened.reason);
    } else {
      const { hub } = opened;
      const sampler = startHwmSampler(() => hostPid(hub));
      try {
        let i = 0;
        for (const p of pages) {
          i++;
          const doc = /** @type {{ lines: string[] }} */ (byId.get(p.doc));
          const pid0 = safePid(hostPid, hub);
          const cpu0 = pid0 ? readCpuMs(pid0) : undefined;
          const t0 = performance.now();
          try {
            const r = await hub.client.call('jobs.run', { capability: 'ocr', input: { file: { path: p.image }, engine: opts.engine } });
            const ms = performance.now() - t0;
            // CPU the model host spent on this page (from its start, if this page started it).
            const pid1 = safePid(hostPid, hub);
            const cpu1 = pid1 ? readCpuMs(pid1) : undefined;
            const cpuMs = cpu1 === undefined ? undefined : cpu1 - (pid1 === pid0 ? (cpu0 ?? 0) : 0);
            const t = pagesText(r.output);
            p.ours = {
              text: t.text,
              ms,
              ...(cpuMs !== undefined ? { cpuMs } : {}),
              engineMs: t.engineMs,
              engine: t.engine ?? r.engine,
              rotation: t.rotation,
              ...cer(doc.lines, t.text),
            };
          } catch (e) {
            p.ours = { text: '', ms: performance.now() - t0, ...cer(doc.lines, ''), error: errMessage(e) };
            const tail = opened.stderrTail().trim();
            if (!ours.firstError) {
              ours.firstError = p.ours.error;
              if (tail) log(`OCR host stderr (last lines):\n${tail.split('\n').slice(-12).join('\n')}`);
            }
          }
          if (i === 1 && !p.ours.error) ours.coldMs = p.ours.ms;
          log(`[ours ${i}/${pages.length}] ${p.doc}/${p.variant} ${p.ours.engine ?? ''} ${Math.round(p.ours.ms)} ms CER ${pct(p.ours.cer)}${p.ours.error ? ` ERROR ${p.ours.error}` : ''}`);
        }
        if (opts.batch) {
          try {
            batch.ours = await oursBatch(hub, pages, opts.engine, log);
          } catch (e) {
            log(`[ours batch] failed: ${errMessage(e)}`);
          }
        }
        const peak = sampler.stop();
        ours = { ...ours, available: true, peakKB: peak.peakKB, pids: peak.pids, ...(peak.peakKB === null ? { peakNote: PEAK_NOTE } : {}) };
      } finally {
        sampler.stop();
        await hub.close();
      }
    }
  }

  /** @type {any} */
  let memory = null;
  if (opts.memory) {
    if (!opts.ours) memory = { available: false, reason: 'measures our engine; skipped with --engine tesseract-native-only' };
    else memory = await batchMemory({ images: pages.map((p) => ({ path: p.image })), pages: opts.memoryPages, engine: opts.engine, dataDir: opts.dataDir, hostPid, log, createHub: deps.createHub });
  }

  const batchResult = runPages && (batch.ours || batch.native) ? { ...batch, speed: batch.ours && batch.native ? batch.native.msPerPage / batch.ours.msPerPage : null, speedNet: batch.ours && batch.native ? batch.native.netMsPerPage / batch.ours.msPerPage : null } : null;
  return { meta, pages: runPages ? pages : [], summary: runPages ? summarize(pages, variants) : null, ours, memory, batch: batchResult };
}

/**
 * Every page at once as one `ocr` job (as a clerk's scanned batch goes in): the job's wall time ÷ pages, and how
 * many pages read otherwise than when they went in one by one (there should be none).
 * @param {any} hub @param {PageResult[]} pages @param {string} engine @param {(s: string) => void} log
 */
async function oursBatch(hub, pages, engine, log) {
  log(`[ours batch] ${pages.length} pages as one job…`);
  const t0 = performance.now();
  const job = await hub.client.call('jobs.start', { capability: 'ocr', inputs: pages.map((p) => ({ file: { path: p.image }, engine })) });
  const detail = await jobEnd(hub, job.id, 20);
  const wallMs = performance.now() - t0;
  const otherText = detail.items.filter((/** @type {any} */ it) => it.output && pagesText(it.output).text !== pages[it.index]?.ours?.text).length;
  return { wallMs, msPerPage: wallMs / pages.length, failed: detail.job.itemsFailed, otherText };
}

/**
 * Tesseract's start-up per language set: the median wall time of five runs on a blank 64×64 page (spawn, loading
 * the traineddata, layout analysis of nothing, exit). A language set it cannot run is left out.
 * @param {readonly string[]} langs
 * @param {{ cacheDir: string, tesseractThreads: number }} opts
 * @returns {Promise<Record<string, number>>}
 */
async function tesseractStartup(langs, opts) {
  const blank = path.join(opts.cacheDir, 'blank-64.png');
  if (!fs.existsSync(blank)) {
    const { default: sharp } = await import('sharp');
    fs.mkdirSync(opts.cacheDir, { recursive: true });
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#ffffff' } }).png().toFile(blank);
  }
  /** @type {Record<string, number>} */
  const out = {};
  for (const lang of langs) {
    try {
      const ms = [];
      for (let k = 0; k < 5; k++) ms.push((await runTesseract(blank, { lang, threads: opts.tesseractThreads })).ms);
      out[lang] = /** @type {number} */ (median(ms));
    } catch {
      // not installed: that language's pages fail anyway and say so
    }
  }
  return out;
}

/**
 * `npm run bench -- ocr …`
 * @param {readonly string[]} argv
 * @returns {Promise<number>} exit code
 */
export async function main(argv) {
  let opts;
  try {
    opts = parseBenchArgs(argv);
  } catch (e) {
    process.stderr.write(`${errMessage(e)}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!fs.existsSync(opts.tsv)) {
    // The development sets live beside the repository (../shared/eval/), not in it: without them there is nothing to measure.
    process.stderr.write(
      `bench ocr: skipped — the evaluation set ${opts.tsv} is missing (benchmarks read ../shared/eval/ beside the repository; ` +
        'give another with --tsv FILE, e.g. test/fixtures/bench/ocr-dev.tsv)\n',
    );
    return 0;
  }
  if (opts.profile) {
    // Where a page's time goes, stage by stage, in-process (no hub, no native Tesseract): ocr-profile.mjs.
    const { profile, formatProfile } = await import('./ocr-profile.mjs');
    const load0 = os.loadavg()[0] ?? 0;
    // The pack the hub would use: the data folder's pp-ocrv4-ch when there is one (it wins over the app's), else the app's.
    const dataPack = opts.dataDir ? path.join(opts.dataDir, 'models', 'pp-ocrv4-ch') : undefined;
    const pack = dataPack && fs.existsSync(path.join(dataPack, 'pack.json')) ? dataPack : undefined;
    const res = await profile({ tsv: opts.tsv, docs: opts.docs, variants: opts.variants, reps: opts.profileReps, dist: opts.dist, pack, originalModels: opts.originalModels });
    process.stdout.write(opts.json ? `${JSON.stringify(res, null, 2)}\n` : `${formatProfile(res, load0, opts.details)}\n`);
    return 0;
  }
  const result = await runOcrBench(opts);
  process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatMarkdown(result, { details: opts.details })}\n`);
  return 0;
}
