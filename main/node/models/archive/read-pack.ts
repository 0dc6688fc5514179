import fs from 'node:fs';
import path from 'node:path';
import { HubError, PackRecord, parseOrThrow } from '../../../common/contract/index.js';
import { PACK_RECORD, type InstalledPack, type PackStore } from '../pack-store.js';
import { copyFolder } from './copy-folder.js';
import { extractTar } from './extract-tar.js';
import { extractZip } from './extract-zip.js';
import { DEFAULT_IMPORT_LIMITS, ExtractionGuard, MAX_PACK_JSON_BYTES, refuse, show, type FileDigest, type ImportLimits } from './guard.js';

export interface ImportOptions {
  /** Capabilities a pack may serve: the built-in model capabilities and those of installed plugins. */
  knownCapabilities: () => Iterable<string>;
  /** Defaults: DEFAULT_IMPORT_LIMITS (tests pass small ones). */
  limits?: Partial<ImportLimits>;
}

export type PackFormat = 'folder' | 'tar' | 'zip';

/**
 * Installs an offline model pack — a folder, .tar, .tar.gz/.tgz or .zip with pack.json at its root or inside a
 * single top-level folder — into the data folder. Everything is extracted into a staging folder and checked
 * there (paths, entry types, limits, pack.json, capability, that the files are exactly those listed, sizes and
 * SHA-256 against the app's manifest where it knows the pack, else against pack.json); only then does
 * PackStore.installStaged swap it in. Any refusal removes the staging folder and leaves installed packs as they were.
 *
 * The installed record's source becomes {kind: "import", from: <archive name>}: it says how this copy reached this
 * machine (what `ic models list` shows an operator), and the provenance a pack.json claims cannot be checked here —
 * the hashes are what is verified, and for packs the app knows, the manifest still carries their real source.
 */
export async function importPack(store: PackStore, source: string, opts: ImportOptions): Promise<InstalledPack> {
  const src = path.resolve(source);
  const name = path.basename(src);
  let st: fs.Stats;
  try {
    st = fs.statSync(src);
  } catch {
    throw new HubError('NOT_FOUND', `cannot import ${src}: no such file or folder`);
  }
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...opts.limits };
  const known = new Set(opts.knownCapabilities());
  const check = (bytes: Buffer) => checkRecord(store, bytes, known);
  let work: string | undefined;
  try {
    const format: PackFormat = st.isDirectory() ? 'folder' : st.isFile() ? sniffFormat(src) : refuse('it is not a regular file or a folder');
    const guard = new ExtractionGuard(limits, (bytes) => check(bytes).files.map((f) => f.path));
    work = store.stagingDir('import');
    if (format === 'folder') await copyFolder(src, work, guard);
    else if (format === 'zip') await extractZip(src, work, guard);
    else await extractTar(src, work, guard);

    const prefix = findRoot(work);
    const root = prefix ? path.join(work, prefix) : work;
    const record = check(readPackJson(root));
    checkContents(store, record, filesUnder(guard.digests, prefix));
    return store.installStaged(root, { ...record, source: { kind: 'import', from: name } });
  } catch (err) {
    throw importError(name, err);
  } finally {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }
}

/** What the file is, from its first bytes (not its name): gzip (a .tar.gz), zip, or a ustar/GNU tar. */
export function sniffFormat(file: string): PackFormat {
  const head = Buffer.alloc(512);
  const fd = fs.openSync(file, 'r');
  let n: number;
  try {
    n = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'tar';
  if (n >= 4 && head[0] === 0x50 && head[1] === 0x4b && [0x0304, 0x0506, 0x0708].includes(head.readUInt16BE(2))) return 'zip';
  if (n >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
  refuse('it is not a .tar, .tar.gz or .zip archive (nor a folder)');
}

/** "" when pack.json is at the top of the extracted tree, else the name of the single top-level folder holding it. */
function findRoot(work: string): string {
  const names = fs.readdirSync(work);
  if (names.includes(PACK_RECORD)) return '';
  const only = names[0];
  if (names.length === 1 && only && fs.lstatSync(path.join(work, only)).isDirectory() && fs.existsSync(path.join(work, only, PACK_RECORD))) return only;
  refuse('there is no pack.json at the top of the pack (nor inside a single top-level folder)');
}

function readPackJson(root: string): Buffer {
  const file = path.join(root, PACK_RECORD);
  const st = fs.lstatSync(file);
  if (!st.isFile()) refuse('pack.json is not a file');
  if (st.size > MAX_PACK_JSON_BYTES) refuse(`pack.json is larger than ${MAX_PACK_JSON_BYTES} bytes`);
  return fs.readFileSync(file);
}

const WINDOWS_RESERVED_ID = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/;

/** Parses and checks a pack.json: schema, its file list, and that this machine knows the capability it serves. */
function checkRecord(store: PackStore, bytes: Buffer, known: Set<string>): PackRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    refuse(`pack.json is not valid JSON (${(err as Error).message})`);
  }
  const record = parseOrThrow(PackRecord, raw, 'pack.json');
  if (WINDOWS_RESERVED_ID.test(record.id) || record.id.endsWith('.')) refuse(`pack id "${record.id}" cannot be a folder name on Windows`);
  const seen = new Set<string>();
  for (const f of record.files) {
    if (f.path === PACK_RECORD) refuse('pack.json lists pack.json itself among its files');
    const key = f.path.normalize('NFC').toLowerCase();
    if (seen.has(key)) refuse(`pack.json lists ${show(f.path)} twice (names are compared ignoring case)`);
    seen.add(key);
  }
  const entry = store.catalogEntry(record.id);
  if (entry && entry.capability !== record.capability) {
    refuse(`pack "${record.id}" serves capability "${entry.capability}" in the app's manifest, but its pack.json says "${record.capability}"`);
  }
  if (!known.has(record.capability)) {
    refuse(
      `capability "${record.capability}" is unknown here (known: ${[...known].sort().join(', ')}); install the plugin that provides it first`,
    );
  }
  return record;
}

/** The files extracted under the pack root, by their path inside the pack. */
function filesUnder(digests: Map<string, FileDigest>, prefix: string): Map<string, FileDigest> {
  if (!prefix) return digests;
  const out = new Map<string, FileDigest>();
  for (const [rel, d] of digests) if (rel.startsWith(`${prefix}/`)) out.set(rel.slice(prefix.length + 1), d);
  return out;
}

/**
 * The files are exactly those pack.json lists, and each has the size and SHA-256 expected of it: the app's
 * manifest's where it knows them (PackStore.expectedFiles), pack.json's otherwise. Digests were taken of the very
 * bytes written into staging.
 */
function checkContents(store: PackStore, record: PackRecord, files: Map<string, FileDigest>): void {
  const listed = new Map(record.files.map((f) => [f.path, f]));
  for (const rel of files.keys()) if (rel !== PACK_RECORD && !listed.has(rel)) refuse(`${show(rel)} is in the pack but not listed in pack.json`);
  for (const f of record.files) if (!files.has(f.path)) refuse(`pack.json lists ${show(f.path)} but the pack does not contain it`);

  const catalog = store.catalogEntry(record.id);
  const expected = store.expectedFiles({ id: record.id, record });
  const problems: string[] = [];
  const covered = new Set<string>();
  for (const e of expected) {
    covered.add(e.path);
    const known = catalog?.files.find((c) => c.path === e.path);
    const by = known?.sha256 ? "the app's manifest" : 'pack.json';
    const d = files.get(e.path);
    const r = listed.get(e.path);
    if (!d || !r) {
      problems.push(`${show(e.path)} is missing`);
      continue;
    }
    if (d.size !== e.size) problems.push(`${show(e.path)} has ${d.size} bytes, ${by} expects ${e.size}`);
    else if (d.sha256 !== e.sha256) problems.push(`${show(e.path)} fails its SHA-256 check against ${by}`);
    else if (r.size !== e.size || r.sha256 !== e.sha256) problems.push(`pack.json's size or SHA-256 of ${show(e.path)} differs from the app's manifest`);
  }
  for (const r of record.files) {
    if (covered.has(r.path)) continue;
    const d = files.get(r.path)!;
    if (d.size !== r.size) problems.push(`${show(r.path)} has ${d.size} bytes, pack.json expects ${r.size}`);
    else if (d.sha256 !== r.sha256) problems.push(`${show(r.path)} fails its SHA-256 check against pack.json`);
  }
  if (problems.length) refuse(problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : ''));
}

/** One line naming the archive; HubErrors keep their code, system errors (disk full, permissions) are INTERNAL. */
function importError(name: string, err: unknown): HubError {
  const message = `cannot import ${name}: ${err instanceof Error ? err.message : String(err)}`.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  if (err instanceof HubError) return new HubError(err.code, message, err.details);
  if ((err as NodeJS.ErrnoException)?.syscall) return new HubError('INTERNAL', message);
  return new HubError('BAD_REQUEST', message);
}
