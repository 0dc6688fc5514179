/**
 * The hub's handle on the knowledge graph: opens the data folder's graph on first use (a CLI command that never
 * touches the graph pays nothing) and serialises writes (add, remove, import) so two never interleave.
 */
import path from 'node:path';
import type { ServiceCatalogFile } from '../../../common/contract/index.js';
import { readCatalogFromGraph } from './store/catalog-reader.js';
import type { KgEngine, KgEngineOptions } from './kg-engine.js';

/** How often, at most, an ask looks whether the installed embedding pack changed (a folder scan). */
const EMBEDDER_CHECK_MS = 5000;

export class KgService {
  private engine?: Promise<KgEngine>;
  private writes: Promise<unknown> = Promise.resolve();
  private embedderCheckedAt = 0;

  constructor(private options: KgEngineOptions) {}

  /** Adds options (e.g. the OCR reader) before the graph is opened. */
  configure(more: Partial<KgEngineOptions>): void {
    this.options = { ...this.options, ...more };
  }

  async open(): Promise<KgEngine> {
    // The engine (jieba, opencc, hnswlib, SQLite) is imported on first use: `ic` commands that never ask pay nothing.
    this.engine ??= import('./kg-engine.js')
      .then(({ KgEngine }) => KgEngine.open(this.options))
      .then((e) => {
        this.embedderCheckedAt = Date.now();
        return e;
      })
      .catch((err) => {
        this.engine = undefined;
        throw err;
      });
    const e = await this.engine;
    this.switchEmbedderIfPackChanged(e);
    return e;
  }

  /**
   * An embedding pack installed, removed or replaced while the hub runs: the engine switches in the background,
   * after the writes before it; the embedder answering now keeps answering (from its own index) until the new
   * index is ready, so no answer pairs a question's vector with another model's index.
   */
  private switchEmbedderIfPackChanged(e: KgEngine): void {
    if (Date.now() - this.embedderCheckedAt < EMBEDDER_CHECK_MS) return;
    this.embedderCheckedAt = Date.now();
    if (!e.embedderOutdated()) return;
    this.write((x) => x.useBestEmbedder()).catch((err: unknown) => this.options.notice?.('warn', `knowledge graph: switching embedder failed: ${err instanceof Error ? err.message : String(err)}`));
  }

  /** Runs a change after the changes before it. */
  write<T>(fn: (e: KgEngine) => Promise<T> | T): Promise<T> {
    const run = this.writes.then(async () => fn(await this.opened()));
    this.writes = run.catch(() => undefined);
    return run;
  }

  /**
   * The service catalog as the graph holds it (pre-review reads this). Before the engine is open it is read from the
   * data folder's graph file directly; a data folder without a graph yet has the shipped catalog (undefined: the
   * caller reads the file).
   */
  /** The engine without the embedder check (writes, including the switch itself). */
  private opened(): Promise<KgEngine> {
    return this.engine ?? this.open();
  }

  async catalog(): Promise<ServiceCatalogFile | undefined> {
    if (this.engine) return (await this.engine).catalog();
    return readCatalogFromGraph(path.join(this.options.dataDir, 'kg', 'graph.sqlite'));
  }

  async close(): Promise<void> {
    if (!this.engine) return;
    const e = await this.engine.catch(() => undefined);
    await this.writes;
    e?.close();
    this.engine = undefined;
  }
}

const shared = new Map<string, KgService>();

/**
 * The one KgService of a data folder: the kg feature and pre-review (which reads its catalog from the graph) share
 * it, so the graph database is opened once per hub.
 */
export function sharedKgService(dataDir: string, options: Omit<KgEngineOptions, 'dataDir'> = {}): KgService {
  let s = shared.get(dataDir);
  if (!s) {
    s = new KgService({ dataDir });
    shared.set(dataDir, s);
  }
  s.configure(options);
  return s;
}

export async function releaseKgService(dataDir: string): Promise<void> {
  const s = shared.get(dataDir);
  shared.delete(dataDir);
  await s?.close();
}
