/**
 * The hub's handle on the knowledge graph: opens the data folder's graph on first use (a CLI command that never
 * touches the graph pays nothing) and serialises writes (add, remove, import) so two never interleave.
 */
import type { ServiceCatalogFile } from '../../../common/contract/index.js';
import { KgEngine, type KgEngineOptions } from './kg-engine.js';

export class KgService {
  private engine?: Promise<KgEngine>;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: KgEngineOptions) {}

  open(): Promise<KgEngine> {
    this.engine ??= KgEngine.open(this.options).catch((err) => {
      this.engine = undefined;
      throw err;
    });
    return this.engine;
  }

  /** Runs a change after the changes before it. */
  write<T>(fn: (e: KgEngine) => Promise<T> | T): Promise<T> {
    const run = this.writes.then(async () => fn(await this.open()));
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** The service catalog as the graph holds it (pre-review reads this). */
  async catalog(): Promise<ServiceCatalogFile | undefined> {
    return (await this.open()).catalog();
  }

  async close(): Promise<void> {
    if (!this.engine) return;
    const e = await this.engine.catch(() => undefined);
    await this.writes;
    e?.close();
    this.engine = undefined;
  }
}
