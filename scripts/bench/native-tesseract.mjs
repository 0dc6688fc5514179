// The baseline: the native `tesseract` command (Debian tesseract-ocr 5), one process per page, timed wall-clock
// from spawn to exit (so model loading is inside every page, as it is for anyone calling the CLI).
//
//   tesseract IMAGE stdout --psm 1 -l chi_sim+eng      (chi_tra+eng for traditional-Chinese pages)
//
// --psm 1 is automatic page segmentation with orientation and script detection (needs tesseract-ocr-osd), so rotated
// pages are turned upright by Tesseract itself.
//
// Threads: Debian's tesseract is built with OpenMP, and on a 2-core machine its default threading makes a page ~3×
// slower than one thread. The bench sets OMP_THREAD_LIMIT=1 unless told otherwise (`threads`), i.e. Tesseract at its
// best here; pass threads: 0 to leave OpenMP at its default.
import { spawn, execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { isTraditional } from './render-ocr-eval.mjs';

/**
 * @param {{ font: string }} doc
 * @returns {string}
 */
export function tesseractLangFor(doc) {
  return isTraditional(doc) ? 'chi_tra+eng' : 'chi_sim+eng';
}

/**
 * The installed tesseract's version line and languages, or an Error explaining what to install.
 * @param {readonly string[]} [needLangs]
 * @returns {{ version: string, langs: string[] }}
 */
export function checkTesseract(needLangs = ['chi_sim', 'chi_tra', 'eng', 'osd']) {
  let version;
  let listed;
  try {
    version = execFileSync('tesseract', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0]?.trim() ?? '';
    listed = execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw new Error('the `tesseract` command is not installed; Debian: apt-get install tesseract-ocr tesseract-ocr-osd tesseract-ocr-eng tesseract-ocr-chi-sim tesseract-ocr-chi-tra');
  }
  const langs = listed
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter(Boolean);
  const missing = needLangs.filter((l) => !langs.includes(l));
  if (missing.length) {
    throw new Error(`tesseract lacks language data ${missing.join(', ')}; Debian: apt-get install ${missing.map((l) => `tesseract-ocr-${l.replace('_', '-')}`).join(' ')}`);
  }
  return { version, langs };
}

// Through sh, whose `times` builtin prints the CPU time its children used (user and system): a second measure that,
// unlike wall time, hardly moves when other work shares the machine.
const SH_TIMED = 'tesseract "$@"; s=$?; echo @@times >&2; times >&2; exit $s';

/**
 * The children's line of `times` ("0m1.230000s 0m0.040000s") as milliseconds of user + system CPU.
 * @param {string} stderr
 * @returns {number | undefined}
 */
export function parseShTimes(stderr) {
  const at = stderr.lastIndexOf('@@times');
  if (at < 0) return undefined;
  const lines = stderr.slice(at).trim().split('\n');
  const m = /^(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(lines[2]?.trim() ?? '');
  if (!m) return undefined;
  return (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000;
}

/**
 * Runs tesseract on one image.
 * @param {string} image
 * @param {{ lang: string, psm?: number, threads?: number, timeoutMs?: number }} o
 * @returns {Promise<{ text: string, ms: number, cpuMs?: number }>}
 */
export function runTesseract(image, o) {
  const env = { ...process.env };
  const threads = o.threads ?? 1;
  if (threads > 0) env.OMP_THREAD_LIMIT = String(threads);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const args = [image, 'stdout', '--psm', String(o.psm ?? 1), '-l', o.lang];
    const child = spawn('sh', ['-c', SH_TIMED, 'sh', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    /** @type {Buffer[]} */
    const out = [];
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => {
      err += b;
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - t0;
      const cpuMs = parseShTimes(err);
      if (code === 0) resolve({ text: Buffer.concat(out).toString('utf8'), ms, ...(cpuMs !== undefined ? { cpuMs } : {}) });
      else {
        const msg = err.includes('@@times') ? err.slice(0, err.lastIndexOf('@@times')) : err;
        reject(new Error(`tesseract ${image} exited ${signal ?? code}: ${msg.trim().slice(-500)}`));
      }
    });
  });
}
