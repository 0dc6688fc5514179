import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { efSearchFor, HNSW_PARAMS, VectorIndex } from '../../../main/node/capabilities/kg/retrieval/vector-index.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';

afterAll(cleanupTempDirs);

function unit(seed: number, dims = 16): Float32Array {
  const v = new Float32Array(dims);
  let s = seed;
  for (let i = 0; i < dims; i++) v[i] = ((s = (s * 16807) % 2147483647) / 2147483647) - 0.5;
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

describe('hnswlib vector index', () => {
  it('gives back its own vectors for a rebuild without an embedder (a model index after many removals)', () => {
    const file = path.join(tempDir(), 'm.hnsw');
    const a = VectorIndex.create(file, 'model:x', 16, 16);
    for (let i = 1; i <= 10; i++) a.add(i, unit(i));
    const points = [...a.points([2, 5, 99])]; // 99 was never added: skipped
    expect(points.map((p) => p.rid)).toEqual([2, 5]);
    for (const p of points) for (let d = 0; d < 16; d++) expect(p.vector[d]).toBeCloseTo(unit(p.rid)[d]!, 5);
    const b = VectorIndex.build(file, 'model:x', 16, a.points([1, 3, 4]));
    expect(b.size).toBe(3);
    expect(b.search(unit(3), 1)[0]!.rid).toBe(3);
  });

  it('persists, grows past its capacity, forgets deleted vectors and refuses another embedder’s file', () => {
    const file = path.join(tempDir(), 'v.hnsw');
    const a = VectorIndex.create(file, 'emb-a', 16, 16);
    for (let i = 1; i <= 40; i++) a.add(i, unit(i)); // beyond the initial capacity: resizeIndex
    a.remove(7);
    a.save();
    expect(fs.existsSync(file)).toBe(true);
    const b = VectorIndex.open(file, 'emb-a', 16)!;
    expect(b.size).toBe(39);
    expect(b.search(unit(12), 1)[0]!.rid).toBe(12);
    expect(b.search(unit(7), 40).map((r) => r.rid)).not.toContain(7);
    expect(VectorIndex.open(file, 'emb-b', 16)).toBeUndefined();
    expect(VectorIndex.open(file, 'emb-a', 32)).toBeUndefined();
  });

  it('asks for a rebuild when deletions pile up', () => {
    const v = VectorIndex.create(path.join(tempDir(), 'w.hnsw'), 'e', 16, 64);
    for (let i = 1; i <= 300; i++) v.add(i, unit(i));
    for (let i = 1; i <= 50; i++) v.remove(i);
    expect(v.needsRebuild()).toBe(false);
    for (let i = 51; i <= 80; i++) v.remove(i);
    expect(v.needsRebuild()).toBe(true);
    const rebuilt = VectorIndex.build(v.file, 'e', 16, Array.from({ length: 220 }, (_, i) => ({ rid: i + 81, vector: unit(i + 81) })));
    expect(rebuilt.size).toBe(220);
    expect(rebuilt.needsRebuild()).toBe(false);
  });

  it('widens the search beam (efSearch) as the index grows, within bounds, and never below k', () => {
    expect(efSearchFor(100)).toBe(HNSW_PARAMS.efSearch);
    expect(efSearchFor(10_000)).toBeGreaterThanOrEqual(efSearchFor(1_000));
    expect(efSearchFor(100_000)).toBeGreaterThan(efSearchFor(10_000));
    expect(efSearchFor(10_000_000)).toBe(HNSW_PARAMS.efSearchMax);
    const v = VectorIndex.create(path.join(tempDir(), 'e.hnsw'), 'e', 16, 256);
    for (let i = 1; i <= 200; i++) v.add(i, unit(i));
    expect(v.search(unit(5), 10)[0]!.rid).toBe(5);
    expect(v.efSearch).toBe(efSearchFor(200));
    expect(v.search(unit(5), 150)).toHaveLength(150);
    expect(v.efSearch).toBe(150);
    v.efOverride = 80;
    v.search(unit(5), 10);
    expect(v.efSearch).toBe(80);
  });
});
