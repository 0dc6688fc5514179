import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { create } from 'tar';

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export interface TestPack {
  id: string;
  capability?: string;
  version?: string;
  files: Record<string, Buffer | string>;
  /** Changes to the generated pack.json (e.g. a wrong hash). */
  record?: Record<string, unknown>;
}

/** The pack.json of a test pack, with correct sizes and hashes of its files. */
export function packRecord(p: TestPack): Record<string, unknown> {
  return {
    id: p.id,
    capability: p.capability ?? 'embed',
    version: p.version ?? '1.0.0',
    languages: ['en'],
    licence: 'MIT',
    source: { kind: 'import', from: 'test' },
    files: Object.entries(p.files).map(([file, body]) => ({ path: file, size: Buffer.byteLength(body), sha256: sha256(body) })),
    ...p.record,
  };
}

/** Writes a pack folder (pack.json + files) at `dir`. */
export function writePackDir(dir: string, p: TestPack): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'pack.json'), JSON.stringify(packRecord(p), null, 2));
  for (const [file, body] of Object.entries(p.files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), body);
  }
  return dir;
}

/** A .tar / .tar.gz of a folder made with node-tar (as `tar -cf out -C dir .` would, or with the folder itself). */
export async function tarOf(dir: string, out: string, opts: { gzip?: boolean; wrap?: boolean } = {}): Promise<string> {
  const cwd = opts.wrap ? path.dirname(dir) : dir;
  const entries = opts.wrap ? [path.basename(dir)] : fs.readdirSync(dir).sort((a, b) => (a === 'pack.json' ? -1 : b === 'pack.json' ? 1 : a.localeCompare(b)));
  await create({ file: out, cwd, gzip: opts.gzip ?? false, portable: true }, entries);
  return out;
}

export interface RawEntry {
  name: string;
  body?: Buffer | string;
  /** tar typeflag: '0' file, '5' folder, '2' symlink, '1' hard link, '3' char device, '6' FIFO. */
  type?: string;
  linkname?: string;
}

/** A ustar archive written by hand, so tests can make entries no well-behaved tool would (../, links, devices). */
export function rawTar(entries: RawEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = Buffer.from(e.body ?? '');
    const h = Buffer.alloc(512);
    const put = (s: string, off: number, len: number) => h.write(s, off, len, 'utf8');
    const octal = (n: number, len: number) => n.toString(8).padStart(len - 1, '0') + '\0';
    put(e.name, 0, 100);
    put(octal(0o644, 8), 100, 8);
    put(octal(0, 8), 108, 8);
    put(octal(0, 8), 116, 8);
    put(octal(e.type && e.type !== '0' ? 0 : body.length, 12), 124, 12);
    put(octal(1_700_000_000, 12), 136, 12);
    put('        ', 148, 8);
    put(e.type ?? '0', 156, 1);
    put(e.linkname ?? '', 157, 100);
    put('ustar\u000000', 257, 8);
    let sum = 0;
    for (const b of h) sum += b;
    put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
    blocks.push(h);
    if (!e.type || e.type === '0') {
      blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  body?: Buffer | string;
  /** Unix mode (type and permissions) stored in the external attributes; default a regular 0644 file. */
  mode?: number;
  deflate?: boolean;
  /** Claim a different uncompressed size than the data really has (a lying header). */
  declaredSize?: number;
}

/** A .zip written by hand (stored or deflated entries, Unix modes), for the same reason as rawTar. */
export function rawZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = Buffer.from(e.body ?? '');
    const data = e.deflate ? zlib.deflateRawSync(body) : body;
    const crc = crc32(body);
    const usize = e.declaredSize ?? body.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(usize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(usize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.mode ?? (e.name.endsWith('/') ? 0o040755 : 0o100644)) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Every file under a folder with its bytes' hash: to show a folder is byte-identical before and after. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const d of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) walk(r);
      else out[r] = sha256(fs.readFileSync(path.join(dir, r)));
    }
  };
  walk('');
  return out;
}
