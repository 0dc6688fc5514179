import fs from 'node:fs';
import path from 'node:path';
import { HubError, type CatalogPack, type PackRecord, type PackSource, type Progress } from '../../../common/contract/index.js';
import { packRecordFor } from '../catalog.js';
import { sha256File } from '../hash.js';
import type { InstalledPack, PackStore } from '../pack-store.js';
import { downloadFile, SizeMismatchError } from './download.js';
import { hubBase, resolveUrl } from './hub-urls.js';

export interface FetchPackOptions {
  id: string;
  /** The hub or mirror; defaults to HF_ENDPOINT, then https://huggingface.co. */
  baseUrl?: string;
  signal: AbortSignal;
  onProgress?: (p: Progress) => void;
  env?: NodeJS.ProcessEnv;
  retries?: number;
  retryDelayMs?: number;
  stallMs?: number;
}

export interface FetchPackResult {
  id: string;
  files: number;
  bytes: number;
  hashesPinned: boolean;
  /** The base URL the files came from. */
  base: string;
  dir: string;
}

/** What a downloaded file must be, and who said so (for messages). */
interface Expectation {
  path: string;
  size: number | null;
  sha256: string | null;
  from: 'the manifest' | 'the hashes pinned at the first download' | null;
}

/** `<data>/models/.downloads/<id>/`: partial (`.part`) and finished files between runs. Hidden from the pack list. */
export const downloadsDir = (store: PackStore, id: string) => path.join(store.opts.dataDir, '.downloads', id);

/**
 * Downloads a catalog pack whose source is a Hugging Face repository, file by file into the data folder's
 * download area (resumable), checks each file against the manifest's size and SHA-256 — or, where the manifest does
 * not know them, against the hashes pinned when this pack was first downloaded — and installs the pack only when
 * every file passed. Any failure leaves the installed pack, if there is one, as it was.
 * Where no hash is known yet, the hashes of this download are recorded (`hashesPinnedAtDownload`).
 */
export async function fetchPack(store: PackStore, o: FetchPackOptions): Promise<FetchPackResult> {
  const entry = store.catalogEntry(o.id);
  if (!entry) {
    const fetchable = store.opts.catalog.packs.filter((p) => p.source.kind === 'huggingface').map((p) => p.id);
    throw new HubError('NOT_FOUND', `no model pack "${o.id}" in the manifest (packs that can be fetched: ${fetchable.join(', ') || 'none'})`);
  }
  const source = entry.source;
  if (source.kind !== 'huggingface') throw new HubError('BAD_REQUEST', notFetchable(entry, source));
  const base = hubBase(o.baseUrl, o.env);

  const installed = store.get(o.id);
  const pins = pinsOf(installed, entry);
  const expected: Expectation[] = entry.files.map((f) => {
    const pin = pins?.get(f.path);
    const size = f.size ?? pin?.size ?? null;
    const sha256 = f.sha256 ?? pin?.sha256 ?? null;
    return { path: f.path, size, sha256, from: f.sha256 ? 'the manifest' : pin ? 'the hashes pinned at the first download' : null };
  });
  const hashesPinned = entry.files.some((f) => f.sha256 === null);
  const unchanged = installed ? `the installed pack was left as it was` : 'nothing was installed';

  const root = downloadsDir(store, o.id);
  const release = lock(store, o.id);
  let staging: string | undefined;
  try {
    const progress = new ProgressTracker(expected, o.onProgress);
    const got: PackRecord['files'] = [];
    for (const [i, f] of expected.entries()) {
      o.signal.throwIfAborted();
      const done = path.join(root, f.path);
      const part = `${done}.part`;
      progress.startFile(i);

      // A file finished by an earlier run is kept if it still passes; anything else is fetched (or resumed).
      if (fs.existsSync(done) && !(await passes(done, f))) fs.rmSync(done, { force: true });
      if (!fs.existsSync(done)) {
        const url = resolveUrl(base, source.repo, source.revision, f.path);
        try {
          await downloadFile({
            url,
            partFile: part,
            expectedSize: f.size,
            label: `${o.id}: ${f.path}`,
            signal: o.signal,
            onProgress: (bytes, total) => progress.file(i, bytes, total),
            ...(o.retries !== undefined ? { retries: o.retries } : {}),
            ...(o.retryDelayMs !== undefined ? { retryDelayMs: o.retryDelayMs } : {}),
            ...(o.stallMs !== undefined ? { stallMs: o.stallMs } : {}),
          });
        } catch (err) {
          if (err instanceof SizeMismatchError) {
            throw new HubError(
              'UNAVAILABLE',
              `${o.id}: ${f.path} is ${err.actual} bytes on ${err.where}, expected ${err.expected} (${f.from ?? 'the manifest'}): the mirror serves another or a truncated file; ${unchanged}`,
            );
          }
          if (err instanceof HubError && err.code === 'UNAVAILABLE') throw new HubError('UNAVAILABLE', `${err.message}; ${unchanged}`);
          throw err;
        }
        fs.renameSync(part, done);
      }

      const size = fs.statSync(done).size;
      if (f.size !== null && size !== f.size) {
        fs.rmSync(done, { force: true });
        throw new HubError('UNAVAILABLE', `${o.id}: ${f.path} arrived with ${size} bytes, expected ${f.size} (${f.from}): the download was truncated; ${unchanged}`);
      }
      const sha256 = await sha256File(done);
      if (f.sha256 !== null && sha256 !== f.sha256) {
        fs.rmSync(done, { force: true });
        throw new HubError(
          'UNAVAILABLE',
          `${o.id}: ${f.path} fails its SHA-256 check (got ${sha256.slice(0, 12)}…, expected ${f.sha256.slice(0, 12)}… from ${f.from}): the download is corrupted or the mirror serves another file; ${unchanged}`,
        );
      }
      got.push({ path: f.path, size, sha256 });
      progress.fileDone(i, size);
    }

    o.signal.throwIfAborted();
    const record = packRecordFor(entry, got, { source, ...(hashesPinned ? { hashesPinnedAtDownload: true } : {}) });
    staging = store.stagingDir(o.id);
    for (const f of got) {
      const to = path.join(staging, f.path);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.renameSync(path.join(root, f.path), to);
    }
    // The store's own check on the assembled folder, the same one `ic models verify` runs later.
    const problems = await store.verifyDir(o.id, staging, record);
    if (problems.length) throw new HubError('UNAVAILABLE', `${o.id}: the assembled pack fails its check (${problems.join('; ')}); ${unchanged}`);
    o.signal.throwIfAborted();
    const pack = store.installStaged(staging, record);
    staging = undefined;
    fs.rmSync(root, { recursive: true, force: true });
    return { id: o.id, files: got.length, bytes: got.reduce((n, f) => n + f.size, 0), hashesPinned, base, dir: pack.dir };
  } finally {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
    release();
  }
}

function notFetchable(entry: CatalogPack, source: Exclude<PackSource, { kind: 'huggingface' }>): string {
  const from =
    source.kind === 'npm'
      ? `npm (package ${source.package}@${source.version})`
      : source.kind === 'debian'
        ? `a Debian package (${source.package} ${source.version})`
        : `an import (${source.from})`;
  return `${entry.id} comes from ${from}, not from a model hub: ${entry.howToGet}`;
}

/**
 * Hashes pinned by an earlier download of the same pack (same repository, revision and version): a new download
 * must match them. They are taken from the pack record even when the installed files are damaged, so a repair
 * cannot bring in different files unnoticed.
 */
function pinsOf(installed: InstalledPack | undefined, entry: CatalogPack): Map<string, { size: number; sha256: string }> | undefined {
  if (!installed || installed.record.hashesPinnedAtDownload !== true) return undefined;
  const r = installed.record;
  const s = entry.source;
  if (s.kind !== 'huggingface' || r.version !== entry.version) return undefined;
  if (r.source.kind === 'huggingface' && (r.source.repo !== s.repo || r.source.revision !== s.revision)) return undefined;
  return new Map(r.files.map((f) => [f.path, { size: f.size, sha256: f.sha256 }]));
}

async function passes(file: string, f: Expectation): Promise<boolean> {
  if (f.size !== null && fs.statSync(file).size !== f.size) return false;
  return f.sha256 === null || (await sha256File(file)) === f.sha256;
}

/** Bytes done / total over the whole pack; totals of files without a known size join when their server says it. */
class ProgressTracker {
  private readonly done: number[];
  private readonly totals: (number | undefined)[];
  private current = 0;
  private last = 0;

  constructor(
    private readonly files: Expectation[],
    private readonly emit?: (p: Progress) => void,
  ) {
    this.done = files.map(() => 0);
    this.totals = files.map((f) => f.size ?? undefined);
  }

  startFile(i: number): void {
    this.current = i;
    this.send(true);
  }

  file(i: number, bytes: number, total: number | undefined): void {
    this.done[i] = bytes;
    if (total !== undefined) this.totals[i] = total;
    this.send(false);
  }

  fileDone(i: number, size: number): void {
    this.done[i] = size;
    this.totals[i] = size;
    this.send(true);
  }

  private send(force: boolean): void {
    if (!this.emit) return;
    const now = Date.now();
    if (!force && now - this.last < 150) return;
    this.last = now;
    const done = this.done.reduce((a, b) => a + b, 0);
    const total = this.totals.reduce<number>((a, b) => a + (b ?? 0), 0);
    const i = this.current;
    const f = this.files[i]!;
    const fileTotal = this.totals[i];
    const message = `${f.path} (file ${i + 1}/${this.files.length}) ${mb(this.done[i]!)}${fileTotal !== undefined ? ` of ${mb(fileTotal)}` : ''}`;
    this.emit({ done, ...(total > 0 ? { total: Math.max(total, done) } : {}), message });
  }
}

const mb = (n: number) => (n < 1e6 ? `${(n / 1e3).toFixed(1)} kB` : `${(n / 1e6).toFixed(1)} MB`);

/** One download of a pack at a time per data folder (two would write the same partial files). */
const held = new Set<string>();
function lock(store: PackStore, id: string): () => void {
  const file = path.join(store.opts.dataDir, '.downloads', `${id}.lock`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = path.resolve(file);
  if (held.has(key)) throw new HubError('CONFLICT', `${id} is already being downloaded into this data folder`);
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && alive(pid)) throw new HubError('CONFLICT', `${id} is already being downloaded into this data folder (process ${pid})`);
    fs.writeFileSync(file, String(process.pid)); // left by a process that is gone
  }
  held.add(key);
  return () => {
    held.delete(key);
    fs.rmSync(file, { force: true });
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
