import fs from 'node:fs';
import path from 'node:path';
import { HubError } from '../../../common/contract/index.js';
import { appVersion } from '../../config/app-paths.js';
import { displayUrl, secureOrLoopback } from './hub-urls.js';

export interface DownloadOptions {
  url: string;
  /** Where the bytes accumulate. Kept when the download fails, so that the next run resumes with a Range request. */
  partFile: string;
  /** Size known in advance (manifest or pinned): a server offering another size is refused before any byte. */
  expectedSize?: number | null;
  /** Names the file in messages. */
  label: string;
  signal: AbortSignal;
  /** Bytes of this file on disk so far, and its size when the server has said it. */
  onProgress?: (done: number, total: number | undefined) => void;
  /** Attempts in a row that bring no new byte, after the first one (default 3). An attempt that brings bytes resets the count. */
  retries?: number;
  /** First pause between attempts, doubled each time (default 500 ms). */
  retryDelayMs?: number;
  /** An attempt that receives nothing for this long is dropped and retried (default 60 s). */
  stallMs?: number;
}

export interface DownloadResult {
  /** Size of the complete file. */
  bytes: number;
  /** Bytes already there from an earlier run (0 for a fresh download). */
  resumedFrom: number;
  attempts: number;
}

/** The server offered (or sent) a file of another size than the one expected. */
export class SizeMismatchError extends Error {
  constructor(
    readonly actual: number,
    readonly expected: number,
    readonly where: string,
  ) {
    super(`${where} offers ${actual} bytes, expected ${expected}`);
  }
}

/** A failure worth another attempt: network errors, cut connections, 5xx, 408, 429, stalls. */
class Retriable extends Error {}

/**
 * Downloads one file into `partFile`, resuming what is there with `Range: bytes=N-`. Redirects are followed (a hub
 * sends the bytes from a CDN); a server that ignores the range gets the file from the start. Network failures are
 * retried with a doubling pause; 4xx answers (other than 408/429) fail at once. Aborting the signal stops at once
 * and keeps the partial file.
 */
export async function downloadFile(o: DownloadOptions): Promise<DownloadResult> {
  const retries = o.retries ?? 3;
  const retryDelayMs = o.retryDelayMs ?? 500;
  const stallMs = o.stallMs ?? 60_000;
  fs.mkdirSync(path.dirname(o.partFile), { recursive: true });
  let attempts = 0;
  let failures = 0;
  let resumedFrom = 0;
  for (;;) {
    o.signal.throwIfAborted();
    let have = sizeOf(o.partFile);
    if (o.expectedSize != null && have > o.expectedSize) {
      fs.rmSync(o.partFile, { force: true });
      have = 0;
    }
    if (attempts === 0) resumedFrom = have;
    // Every byte is there already (an earlier run stopped after the last one): the caller's checks decide.
    if (o.expectedSize != null && have === o.expectedSize && have > 0) return { bytes: have, resumedFrom, attempts };
    attempts++;
    try {
      const bytes = await attempt(o, have, stallMs);
      return { bytes, resumedFrom, attempts };
    } catch (err) {
      if (o.signal.aborted) throw o.signal.reason;
      if (!(err instanceof Retriable)) throw err;
      const now = sizeOf(o.partFile);
      failures = now > have ? 0 : failures + 1;
      if (failures > retries) {
        const kept = now > 0 ? `; ${now} bytes are kept and the next run resumes from there` : '';
        throw new HubError('UNAVAILABLE', `${o.label}: download from ${displayUrl(o.url)} failed after ${attempts} attempts (${err.message})${kept}`);
      }
      await sleep(retryDelayMs * 2 ** Math.max(0, failures - 1), o.signal);
    }
  }
}

async function attempt(o: DownloadOptions, have: number, stallMs: number): Promise<number> {
  const stall = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const kick = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stall.abort(new Retriable(`no data for ${Math.round(stallMs / 1000)} s`)), stallMs);
  };
  kick();
  const headers: Record<string, string> = {
    // Byte ranges and sizes must be those of the file itself, not of a compressed form of it.
    'accept-encoding': 'identity',
    'user-agent': `IntelligentCenter/${appVersion}`,
  };
  if (have > 0) headers.range = `bytes=${have}-`;
  let fh: fs.promises.FileHandle | undefined;
  try {
    let res: Response;
    try {
      res = await fetch(o.url, { headers, redirect: 'follow', signal: AbortSignal.any([o.signal, stall.signal]) });
    } catch (err) {
      throw new Retriable(describe(err));
    }
    const where = displayUrl(res.url || o.url);
    const drop = async () => {
      await res.body?.cancel().catch(() => undefined);
    };
    // A redirect may not downgrade to plain http (only a mirror on this machine may speak http).
    if (res.url && !secureOrLoopback(res.url)) {
      await drop();
      throw new HubError('FORBIDDEN', `${where}: the download was redirected to plain http; refused`);
    }

    let start: number;
    let total: number | undefined;
    if (res.status === 416) {
      await drop();
      const m = /^bytes \*\/(\d+)$/.exec(res.headers.get('content-range') ?? '');
      if (have > 0 && m && Number(m[1]) === have) return have; // complete already (an earlier run got every byte)
      fs.rmSync(o.partFile, { force: true });
      throw new Retriable(`${where} refused to resume at byte ${have}; starting over`);
    } else if (res.status === 206) {
      const range = parseContentRange(res.headers.get('content-range'));
      if (!range || range.start !== have) {
        await drop();
        fs.rmSync(o.partFile, { force: true });
        throw new Retriable(`${where} resumed at another byte than ${have}; starting over`);
      }
      start = have;
      total = range.total;
    } else if (res.status === 200) {
      start = 0; // no range asked, or the server ignores ranges: the whole file again
      const len = res.headers.get('content-length');
      const encoded = (res.headers.get('content-encoding') ?? 'identity') !== 'identity';
      total = len !== null && /^\d+$/.test(len) && !encoded ? Number(len) : undefined;
    } else if (res.status === 408 || res.status === 429 || res.status >= 500) {
      await drop();
      throw new Retriable(`${where} answered ${res.status} ${res.statusText}`.trim());
    } else {
      await drop();
      throw new HubError('UNAVAILABLE', `${o.label}: ${where} answered ${res.status} ${res.statusText}${hint(res.status)}`.trim());
    }
    if (o.expectedSize != null && total !== undefined && total !== o.expectedSize) {
      await drop();
      fs.rmSync(o.partFile, { force: true });
      throw new SizeMismatchError(total, o.expectedSize, where);
    }

    fh = await fs.promises.open(o.partFile, start > 0 ? 'a' : 'w');
    let done = start;
    o.onProgress?.(done, total);
    if (res.body) {
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          await fh.write(chunk);
          done += chunk.byteLength;
          kick();
          o.onProgress?.(done, total);
        }
      } catch (err) {
        throw new Retriable(describe(err));
      }
    }
    if (total !== undefined && done < total) throw new Retriable(`the connection closed after ${done} of ${total} bytes`);
    if (total !== undefined && done > total) {
      await fh.close();
      fh = undefined;
      fs.rmSync(o.partFile, { force: true });
      throw new Retriable(`${where} sent ${done} bytes, more than the ${total} it announced; starting over`);
    }
    return done;
  } finally {
    clearTimeout(timer);
    await fh?.close();
  }
}

function parseContentRange(v: string | null): { start: number; total: number | undefined } | undefined {
  const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(v?.trim() ?? '');
  if (!m) return undefined;
  return { start: Number(m[1]), total: m[3] === '*' ? undefined : Number(m[3]) };
}

function hint(status: number): string {
  if (status === 404) return ' (does this hub or mirror carry the repository, revision and file?)';
  if (status === 401 || status === 403) return ' (the repository may be gated or private; ic sends no access token)';
  return '';
}

/** One line for a network error (undici wraps the useful part in `cause`). */
function describe(err: unknown): string {
  if (err instanceof Retriable) return err.message;
  const e = err as { message?: string; cause?: unknown };
  const cause = e.cause instanceof Error ? e.cause.message : undefined;
  if (e.message === 'terminated') return `the connection was cut${cause ? ` (${cause})` : ''}`;
  if (e.message === 'fetch failed' && cause) return cause;
  return e.message ?? String(err);
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
