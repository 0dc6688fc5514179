import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HubError } from '../../../common/contract/index.js';
import { PACK_RECORD } from '../pack-store.js';

const GiB = 1024 ** 3;

/** Bounds on what one import may write. Counted on the bytes actually written, not on what headers claim. */
export interface ImportLimits {
  /** Largest single file (model weights are split well below this). */
  maxFileBytes: number;
  /** All files of one pack together. */
  maxTotalBytes: number;
  /** Files and folders in the archive or folder. */
  maxEntries: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxFileBytes: 4 * GiB, maxTotalBytes: 16 * GiB, maxEntries: 5000 };
/** pack.json is read into memory: it is a few kB, never this much. */
export const MAX_PACK_JSON_BYTES = 1024 * 1024;

/** A pack that fails a check. The importer prefixes the archive's name; messages stay on one line. */
export function refuse(message: string): never {
  throw refusal(message);
}
export const refusal = (message: string): HubError => new HubError('BAD_REQUEST', message);

/** An entry name as it may be shown in a message: quoted, escaped, cut short. */
export const show = (name: string): string => JSON.stringify(name.length > 120 ? `${name.slice(0, 117)}...` : name);

const WINDOWS_FORBIDDEN = /[<>:"|?*\u0000-\u001f]/;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * The relative path an archive entry or folder item would be written to, or a refusal. Refused: absolute paths,
 * drive letters, backslashes, "..", and names Windows cannot hold or would silently change (":" streams, reserved
 * device names, trailing dots or spaces), so a pack extracts to the same files on every machine.
 * Returns "" for the archive's root folder itself ("./").
 */
export function safeRelativePath(raw: string): string {
  if (raw.includes('\u0000')) refuse(`entry ${show(raw)} has a NUL character in its name`);
  if (raw.includes('\\')) refuse(`entry ${show(raw)} has a backslash in its path (paths inside a pack use "/")`);
  if (raw.startsWith('/')) refuse(`entry ${show(raw)} has an absolute path`);
  if (/^[A-Za-z]:/.test(raw)) refuse(`entry ${show(raw)} has a drive letter`);
  const segments = raw.split('/').filter((s) => s !== '' && s !== '.');
  for (const s of segments) {
    if (s === '..') refuse(`entry ${show(raw)} climbs out of the pack ("..")`);
    if (WINDOWS_FORBIDDEN.test(s)) refuse(`entry ${show(raw)} has characters not allowed in file names (<>:"|?* or control characters)`);
    if (WINDOWS_RESERVED.test(s)) refuse(`entry ${show(raw)} uses a reserved device name`);
    if (/[. ]$/.test(s)) refuse(`entry ${show(raw)} has a name ending in a dot or space`);
    if (Buffer.byteLength(s) > 255) refuse(`entry ${show(raw)} has a name longer than 255 bytes`);
  }
  const rel = segments.join('/');
  if (rel.length > 1000) refuse(`entry ${show(raw)} has a path longer than 1000 characters`);
  return rel;
}

const foldKey = (rel: string) => rel.normalize('NFC').toLowerCase();

export interface FileDigest {
  size: number;
  sha256: string;
}

/**
 * Watches one extraction: validates every entry's path, refuses duplicates and names that collide on
 * case-insensitive file systems, counts entries, and counts and hashes the bytes of every file as it is written
 * (so a header that claims a small size cannot smuggle in a large file, and verification needs no second read).
 */
export class ExtractionGuard {
  private entries = 0;
  private declaredTotal = 0;
  private writtenTotal = 0;
  private readonly fileKeys = new Set<string>();
  private readonly dirKeys = new Set<string>();
  /** Every file written, by its path relative to the extraction folder. */
  readonly digests = new Map<string, FileDigest>();
  /** Set once the archive's own root pack.json has been read: later entries not listed in it are refused early. */
  private listed?: Set<string>;

  constructor(
    readonly limits: ImportLimits,
    /** Checks the root pack.json as soon as it is read (before the rest is extracted); returns the listed paths. */
    private readonly onRootRecord?: (bytes: Buffer) => Iterable<string>,
  ) {}

  /** Validates one entry; returns its relative path ("" for the root folder). */
  entry(raw: string, kind: 'file' | 'dir', declaredSize = 0): string {
    if (++this.entries > this.limits.maxEntries) refuse(`it has more than ${this.limits.maxEntries} entries`);
    const rel = safeRelativePath(raw);
    const key = foldKey(rel);
    const parts = key.split('/');
    const prefixes = parts.slice(0, kind === 'file' ? -1 : undefined).map((_, i) => parts.slice(0, i + 1).join('/'));
    if (kind === 'file') {
      if (!rel) refuse(`entry ${show(raw)} is a file without a name`);
      if (this.fileKeys.has(key)) refuse(`${show(rel)} appears twice (names are compared ignoring case)`);
      if (this.dirKeys.has(key)) refuse(`${show(rel)} is both a file and a folder`);
      if (declaredSize > this.limits.maxFileBytes) refuse(`${show(rel)} is ${declaredSize} bytes, over the limit of ${this.limits.maxFileBytes} per file`);
      this.declaredTotal += declaredSize;
      if (this.declaredTotal > this.limits.maxTotalBytes) refuse(`its files add up to more than the limit of ${this.limits.maxTotalBytes} bytes`);
      if (this.listed && rel !== PACK_RECORD && !this.listed.has(rel)) refuse(`${show(rel)} is in the pack but not listed in pack.json`);
    }
    for (const p of prefixes) {
      if (this.fileKeys.has(p)) refuse(`${show(rel)} is inside ${show(p)}, which is a file`);
      this.dirKeys.add(p);
    }
    if (kind === 'file') this.fileKeys.add(key);
    return rel;
  }

  /**
   * Writes one file's bytes under `dest` (never over an existing file), counting and hashing them. With
   * `declaredSize` (what the archive's header claims), a file that turns out longer or shorter is refused.
   */
  async writeFile(
    dest: string,
    rel: string,
    source: AsyncIterable<Buffer | Uint8Array | string> | NodeJS.ReadableStream,
    declaredSize?: number,
  ): Promise<void> {
    const target = path.join(dest, ...rel.split('/'));
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    // The metering generator below is a function* (generators cannot be arrows), so it reaches the guard by name.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const guard = this;
    const isRootRecord = rel === PACK_RECORD && this.onRootRecord !== undefined;
    async function* meter(chunks: AsyncIterable<Buffer | Uint8Array | string>) {
      const hash = createHash('sha256');
      const kept: Buffer[] = [];
      let size = 0;
      for await (const c of chunks) {
        const chunk = typeof c === 'string' ? Buffer.from(c) : Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
        size += chunk.length;
        guard.writtenTotal += chunk.length;
        if (declaredSize !== undefined && size > declaredSize) refuse(`${show(rel)} expands beyond the ${declaredSize} bytes its header declares`);
        if (size > guard.limits.maxFileBytes) refuse(`${show(rel)} expands to more than the limit of ${guard.limits.maxFileBytes} bytes per file`);
        if (guard.writtenTotal > guard.limits.maxTotalBytes) refuse(`its files expand to more than the limit of ${guard.limits.maxTotalBytes} bytes`);
        if (isRootRecord) {
          if (size > MAX_PACK_JSON_BYTES) refuse(`pack.json is larger than ${MAX_PACK_JSON_BYTES} bytes`);
          kept.push(chunk);
        }
        hash.update(chunk);
        yield chunk;
      }
      if (declaredSize !== undefined && size !== declaredSize) refuse(`${show(rel)} has ${size} bytes, its header declares ${declaredSize}`);
      guard.digests.set(rel, { size, sha256: hash.digest('hex') });
      if (isRootRecord) guard.listed = new Set(guard.onRootRecord!(Buffer.concat(kept)));
    }
    await pipeline(source, meter, fs.createWriteStream(target, { flags: 'wx', mode: 0o644 }));
  }

  /** Creates a folder entry (validated by entry()). */
  makeDir(dest: string, rel: string): void {
    if (rel) fs.mkdirSync(path.join(dest, ...rel.split('/')), { recursive: true });
  }
}
