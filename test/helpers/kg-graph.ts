import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildBase, KgEngine } from '../../main/node/capabilities/kg/kg-engine.js';
import { cleanupTempDirs, fixturesDir, tempDir } from './temp.js';

/** The test graph's sources: a plan excerpt, three catalog items and a glossary (test/fixtures/kg/shipped). */
export const fixtureShippedRoot = path.join(fixturesDir, 'kg', 'shipped');

/**
 * The test graph for one test file: built into a temporary base and opened on a fresh data folder before the file's
 * tests, closed and removed after them. `engine` is set once beforeAll has run.
 */
export function fixtureGraph(prefix: string): { engine: KgEngine } {
  const graph = {} as { engine: KgEngine };
  beforeAll(async () => {
    const baseDir = tempDir(`${prefix}base-`);
    await buildBase(fixtureShippedRoot, baseDir);
    graph.engine = await KgEngine.open({ dataDir: tempDir(`${prefix}data-`), shippedRoot: fixtureShippedRoot, baseDir });
  }, 120_000);
  afterAll(() => {
    graph.engine?.close();
    cleanupTempDirs();
  });
  return graph;
}
