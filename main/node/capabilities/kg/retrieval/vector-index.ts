/**
 * Passage vectors in hnswlib-node (cosine), persisted beside the graph database and updated in place: added
 * passages are added (the index grows with resizeIndex), removed ones markDelete'd; when deletions pile up past a
 * fifth of the index it is rebuilt from the vectors the graph keeps. A sidecar JSON records which embedder made
 * the vectors, so vectors of different embedders never mix.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { HierarchicalNSW as Hnsw } from 'hnswlib-node';

// hnswlib-node is a CommonJS addon.
const { HierarchicalNSW } = createRequire(import.meta.url)('hnswlib-node') as typeof import('hnswlib-node');

export interface VectorIndexMeta {
  embedder: string;
  dims: number;
  count: number;
  deleted: number;
}

export const HNSW_PARAMS = { m: 16, efConstruction: 200, efSearch: 64, efSearchMax: 512 };

/**
 * efSearch for an index of `size` vectors: HNSW's recall at a fixed ef falls as the index grows (and sooner on
 * corpora with many near-duplicates, whose neighbour lists fill with copies), so the search beam grows with the
 * square root of the size: 64 up to ~1.6k vectors, 160 at 10k, 506 at 100k, capped at 512. Measured on the qa
 * bench's 100k synthetic corpus (M 16, efConstruction 200): recall@10 0.72 at ef 64, 0.95 at 256, 0.98 at 512,
 * where a search still takes ~1 ms against ~340 ms for exact search.
 */
export function efSearchFor(size: number): number {
  return Math.min(HNSW_PARAMS.efSearchMax, Math.max(HNSW_PARAMS.efSearch, Math.ceil(1.6 * Math.sqrt(size))));
}

export class VectorIndex {
  private index: Hnsw;
  meta: VectorIndexMeta;
  private dirty = false;
  private ef = 0;
  /** A fixed efSearch instead of efSearchFor(size) (the benchmark compares both). */
  efOverride: number | undefined;

  private constructor(
    readonly file: string,
    index: Hnsw,
    meta: VectorIndexMeta,
  ) {
    this.index = index;
    this.meta = meta;
  }

  static create(file: string, embedder: string, dims: number, capacity = 1024): VectorIndex {
    const index = new HierarchicalNSW('cosine', dims);
    index.initIndex({ maxElements: Math.max(16, capacity), m: HNSW_PARAMS.m, efConstruction: HNSW_PARAMS.efConstruction, randomSeed: 100 });
    return new VectorIndex(file, index, { embedder, dims, count: 0, deleted: 0 });
  }

  /** The persisted index when it exists and was made by `embedder`; undefined otherwise (the caller rebuilds). */
  static open(file: string, embedder: string, dims: number): VectorIndex | undefined {
    try {
      const meta = JSON.parse(fs.readFileSync(file + '.json', 'utf8')) as VectorIndexMeta;
      if (meta.embedder !== embedder || meta.dims !== dims || !fs.existsSync(file)) return undefined;
      const index = new HierarchicalNSW('cosine', dims);
      index.readIndexSync(file);
      return new VectorIndex(file, index, meta);
    } catch {
      return undefined;
    }
  }

  /** A fresh index from `vectors`, written to `file`. */
  static build(file: string, embedder: string, dims: number, vectors: Iterable<{ rid: number; vector: Float32Array }>): VectorIndex {
    const list = [...vectors];
    const v = VectorIndex.create(file, embedder, dims, Math.ceil(list.length * 1.25) + 64);
    for (const { rid, vector } of list) v.add(rid, vector);
    v.save();
    return v;
  }

  /** The efSearch the last search used (0 before the first). */
  get efSearch(): number {
    return this.ef;
  }

  get size(): number {
    return this.meta.count - this.meta.deleted;
  }

  add(rid: number, vector: Float32Array): void {
    if (this.index.getCurrentCount() >= this.index.getMaxElements()) this.index.resizeIndex(Math.ceil(this.index.getMaxElements() * 1.5) + 64);
    this.index.addPoint(Array.from(vector), rid);
    this.meta.count++;
    this.dirty = true;
  }

  remove(rid: number): boolean {
    try {
      this.index.markDelete(rid);
    } catch {
      return false; // not in the index (e.g. a passage without a vector)
    }
    this.meta.deleted++;
    this.dirty = true;
    return true;
  }

  /** Deleted entries past a fifth of the index: time to rebuild (search slows and memory is wasted). */
  needsRebuild(): boolean {
    return this.meta.deleted > 64 && this.meta.deleted > this.meta.count / 5;
  }

  search(vector: Float32Array, k: number): { rid: number; similarity: number }[] {
    const n = this.size;
    if (!n) return [];
    const ef = Math.max(k, this.efOverride ?? efSearchFor(n));
    if (ef !== this.ef) {
      this.index.setEf(ef);
      this.ef = ef;
    }
    const r = this.index.searchKnn(Array.from(vector), Math.min(k, n));
    return r.neighbors.map((rid, i) => ({ rid, similarity: 1 - r.distances[i]! }));
  }

  /** The stored vectors of `rids` (a rebuild without the deleted entries needs no embedder); rids not held are skipped. */
  *points(rids: Iterable<number>): Iterable<{ rid: number; vector: Float32Array }> {
    for (const rid of rids) {
      let point: number[];
      try {
        point = this.index.getPoint(rid);
      } catch {
        continue;
      }
      yield { rid, vector: Float32Array.from(point) };
    }
  }

  save(): void {
    if (!this.dirty && fs.existsSync(this.file)) return;
    const tmp = this.file + '.tmp';
    this.index.writeIndexSync(tmp);
    fs.renameSync(tmp, this.file);
    fs.writeFileSync(this.file + '.json', JSON.stringify(this.meta));
    this.dirty = false;
  }
}
