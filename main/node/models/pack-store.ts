import fs from 'node:fs';
import path from 'node:path';
import {
  HubError,
  PackRecord,
  parseOrThrow,
  type Catalog,
  type CatalogPack,
  type ModelInfo,
  type PackSource,
  type VerifyResult,
} from '../../common/contract/index.js';
import { sha256File } from './hash.js';

export const PACK_RECORD = 'pack.json';

export interface InstalledPack {
  id: string;
  dir: string;
  location: 'app' | 'data';
  record: PackRecord;
}

/** A need for a model pack, in the manifest's terms (see PackStore.matching). */
export interface PackQuery {
  capability: string;
  /** Any of these engines (the manifest's `engine`). */
  engines?: readonly string[];
  /** Reads at least one of these languages. */
  languages?: readonly string[];
  /** Carries this file (a path inside the pack). */
  file?: string;
  /** Only packs whose files pass the quick (size) check. */
  intact?: boolean;
}

export interface PackStoreOptions {
  catalog: Catalog;
  /** Prepared at install time, read-only at run time. */
  appDir: string;
  /** Fetched and imported packs (the data folder's models/). Wins over the app's pack of the same id. */
  dataDir: string;
}

export const describeSource = (s: PackSource): string =>
  s.kind === 'huggingface' ? `huggingface:${s.repo}@${s.revision}` : s.kind === 'import' ? `import:${s.from}` : `${s.kind}:${s.package}@${s.version}`;

/**
 * Installed model packs in two roots. A pack is a folder with pack.json and its files. It is "verified" when every
 * file has the size and SHA-256 the catalog expects (or, for hashes the catalog does not know yet, that its
 * record pinned at the first download). `list()` checks sizes only; `verify()` re-hashes.
 */
export class PackStore {
  constructor(readonly opts: PackStoreOptions) {}

  catalogEntry(id: string): CatalogPack | undefined {
    return this.opts.catalog.packs.find((p) => p.id === id);
  }

  installed(): InstalledPack[] {
    const byId = new Map<string, InstalledPack>();
    for (const [location, root] of [['app', this.opts.appDir], ['data', this.opts.dataDir]] as const) {
      for (const name of safeReaddir(root)) {
        const dir = path.join(root, name);
        const record = readRecord(dir);
        if (record && record.id === name) byId.set(name, { id: name, dir, location, record });
      }
    }
    return [...byId.values()];
  }

  get(id: string): InstalledPack | undefined {
    return this.installed().find((p) => p.id === id);
  }

  /**
   * Installed packs that serve a need, described by the manifest's fields (capability, engine, languages, a file
   * they carry), never by pack ids: features and engine registries ask for "an ocr pack of engine tesseract with
   * chi_tra.traineddata", so a pack added to models/manifest.json is found without code changes. In the manifest's
   * order; with `intact`, only packs whose files pass the quick check.
   */
  matching(need: PackQuery): InstalledPack[] {
    const order = new Map(this.opts.catalog.packs.map((p, i) => [p.id, i]));
    return this.installed()
      .filter((p) => {
        const r = p.record;
        if (r.capability !== need.capability) return false;
        const engine = r.engine ?? this.catalogEntry(p.id)?.engine;
        if (need.engines && !(engine !== undefined && need.engines.includes(engine))) return false;
        if (need.languages && !r.languages.some((l) => need.languages!.includes(l))) return false;
        if (need.file && !r.files.some((f) => f.path === need.file)) return false;
        return !need.intact || this.quickProblems(p).length === 0;
      })
      .sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  }

  /** The folder of an installed pack whose files pass the quick check, or an UNAVAILABLE error saying how to get it. */
  require(id: string): InstalledPack {
    const pack = this.get(id);
    const how = this.catalogEntry(id)?.howToGet;
    if (!pack) throw new HubError('UNAVAILABLE', `model pack "${id}" is not installed${how ? `: ${how}` : ''}`);
    const problems = this.quickProblems(pack);
    if (problems.length) throw new HubError('UNAVAILABLE', `model pack "${id}" is damaged (${problems[0]}); run ic models verify`);
    return pack;
  }

  list(): ModelInfo[] {
    const installed = new Map(this.installed().map((p) => [p.id, p]));
    const out: ModelInfo[] = [];
    for (const entry of this.opts.catalog.packs) {
      const pack = installed.get(entry.id);
      installed.delete(entry.id);
      if (pack) out.push(this.info(pack));
      else
        out.push({
          id: entry.id,
          capability: entry.capability,
          version: entry.version,
          languages: entry.languages,
          sizeBytes: entry.files.reduce((n, f) => n + (f.size ?? 0), 0),
          verified: false,
          source: describeSource(entry.source),
          licence: entry.licence,
          installed: false,
          location: null,
          problems: [`not installed: ${entry.howToGet}`],
        });
    }
    for (const pack of installed.values()) out.push(this.info(pack)); // packs from plugins or other catalogs
    return out;
  }

  private info(pack: InstalledPack): ModelInfo {
    const r = pack.record;
    const problems = this.quickProblems(pack);
    return {
      id: pack.id,
      capability: r.capability,
      version: r.version,
      languages: r.languages,
      sizeBytes: r.files.reduce((n, f) => n + f.size, 0),
      verified: problems.length === 0,
      source: describeSource(r.source),
      licence: r.licence,
      installed: true,
      location: pack.location,
      problems,
    };
  }

  /** Expected files: the catalog's where it knows the hash, the pack record's otherwise. */
  expectedFiles(pack: { id: string; record: PackRecord }): { path: string; size: number; sha256: string }[] {
    const entry = this.catalogEntry(pack.id);
    const problems: string[] = [];
    if (entry) {
      for (const f of entry.files) {
        const recorded = pack.record.files.find((r) => r.path === f.path);
        if (!recorded) problems.push(f.path);
      }
      if (problems.length) throw new HubError('BAD_REQUEST', `pack "${pack.id}" lacks files the manifest requires: ${problems.join(', ')}`);
      return entry.files.map((f) => {
        const recorded = pack.record.files.find((r) => r.path === f.path)!;
        return { path: f.path, size: f.size ?? recorded.size, sha256: f.sha256 ?? recorded.sha256 };
      });
    }
    return pack.record.files;
  }

  /** Existence and size of every file (cheap: no hashing). */
  quickProblems(pack: InstalledPack): string[] {
    let expected;
    try {
      expected = this.expectedFiles(pack);
    } catch (err) {
      return [(err as Error).message];
    }
    const problems: string[] = [];
    for (const f of expected) {
      const st = statOrNull(path.join(pack.dir, f.path));
      if (!st) problems.push(`${f.path} is missing`);
      else if (st.size !== f.size) problems.push(`${f.path} has ${st.size} bytes, expected ${f.size}`);
    }
    return problems;
  }

  /** Re-hashes every file of a pack folder against what is expected of it. */
  async verifyDir(id: string, dir: string, record: PackRecord): Promise<string[]> {
    const problems: string[] = [];
    let expected;
    try {
      expected = this.expectedFiles({ id, record });
    } catch (err) {
      return [(err as Error).message];
    }
    for (const f of expected) {
      const file = path.join(dir, f.path);
      const st = statOrNull(file);
      if (!st) problems.push(`${f.path} is missing`);
      else if (st.size !== f.size) problems.push(`${f.path} has ${st.size} bytes, expected ${f.size}`);
      else if ((await sha256File(file)) !== f.sha256) problems.push(`${f.path} fails its SHA-256 check`);
    }
    return problems;
  }

  async verify(id?: string): Promise<VerifyResult[]> {
    const packs = id ? [this.get(id) ?? notInstalled(id)] : this.installed();
    const out: VerifyResult[] = [];
    for (const p of packs) {
      const problems = await this.verifyDir(p.id, p.dir, p.record);
      out.push({ id: p.id, ok: problems.length === 0, problems });
    }
    return out;
  }

  /**
   * Installs a complete, already verified pack folder (staged in the data root) under its id: the old pack, if any,
   * is moved aside first and restored if the swap fails, so a failure never leaves a half-installed pack.
   */
  installStaged(stagingDir: string, record: PackRecord): InstalledPack {
    const target = path.join(this.opts.dataDir, record.id);
    fs.writeFileSync(path.join(stagingDir, PACK_RECORD), JSON.stringify({ ...record, installedAt: new Date().toISOString() }, null, 2));
    const backup = `${target}.old-${process.pid}-${Date.now()}`;
    const hadOld = fs.existsSync(target);
    if (hadOld) fs.renameSync(target, backup);
    try {
      fs.renameSync(stagingDir, target);
    } catch (err) {
      if (hadOld) fs.renameSync(backup, target);
      throw err;
    }
    if (hadOld) fs.rmSync(backup, { recursive: true, force: true });
    return this.get(record.id)!;
  }

  /** A fresh staging folder in the data root (same file system, so installStaged can rename). */
  stagingDir(id: string): string {
    fs.mkdirSync(this.opts.dataDir, { recursive: true });
    return fs.mkdtempSync(path.join(this.opts.dataDir, `.staging-${id}-`));
  }
}

function notInstalled(id: string): never {
  throw new HubError('NOT_FOUND', `model pack "${id}" is not installed`);
}

export function readRecord(dir: string): PackRecord | undefined {
  try {
    return parseOrThrow(PackRecord, JSON.parse(fs.readFileSync(path.join(dir, PACK_RECORD), 'utf8')), PACK_RECORD);
  } catch {
    return undefined;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((n) => !n.startsWith('.') && !n.includes('.old-'));
  } catch {
    return [];
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    const st = fs.statSync(file);
    return st.isFile() ? st : null;
  } catch {
    return null;
  }
}
