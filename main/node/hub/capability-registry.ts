import { HubError, type CapabilityInfo, type Progress } from '../../common/contract/index.js';

export interface InvokeContext {
  signal: AbortSignal;
  onProgress(progress: Progress): void;
}

export interface InvokeResult {
  output: unknown;
  /** Which engine answered (e.g. "pp-ocrv4", "tesseract", "builtin-bm25"), shown by the UI and the CLI. */
  engine?: string;
}

/** A capability's contribution: its description, boundary validators and the handler that does the work. */
export interface CapabilityProvider {
  info: CapabilityInfo;
  /** Returns the parsed input or throws a BAD_REQUEST HubError. */
  parseInput(input: unknown): unknown;
  /** Returns the parsed output or throws (the provider broke its own contract). */
  parseOutput(output: unknown): unknown;
  invoke(input: unknown, ctx: InvokeContext): Promise<InvokeResult>;
  /**
   * Items of one job it may run at once (default 1): more where its engine reads several inputs in parallel (OCR
   * keeps a page per core busy), so a batch keeps the cores busy while each item is still stored as it finishes.
   */
  itemsAtOnce?: number;
  /** Why it cannot run now (e.g. its model packs are missing), asked on every use; undefined when it can. */
  unavailable?(): string | undefined;
}

/** The contribution point every capability joins through; nothing switches on capability names. */
export class CapabilityRegistry {
  private readonly providers = new Map<string, CapabilityProvider>();

  register(provider: CapabilityProvider): () => void {
    const id = provider.info.id;
    const existing = this.providers.get(id);
    if (existing) {
      throw new HubError('CONFLICT', `capability "${id}" is already provided by ${existing.info.provider.kind} "${existing.info.provider.id}"`);
    }
    this.providers.set(id, provider);
    return () => {
      if (this.providers.get(id) === provider) this.providers.delete(id);
    };
  }

  /** The provider of a capability that can run now: NOT_FOUND when none is registered, UNAVAILABLE (with the reason) when it cannot run. */
  get(id: string): CapabilityProvider {
    const p = this.providers.get(id);
    if (!p) throw new HubError('NOT_FOUND', `no capability "${id}" is available (is its plugin disabled or its model not installed?)`);
    const why = p.unavailable?.();
    if (why) throw new HubError('UNAVAILABLE', `capability "${id}" is unavailable: ${why}`);
    return p;
  }

  has(id: string): boolean {
    return this.providers.has(id);
  }

  /** Every registered capability; those that cannot run now carry `unavailable` with the reason. */
  list(): CapabilityInfo[] {
    return [...this.providers.values()]
      .map((p) => {
        const why = p.unavailable?.();
        return why ? { ...p.info, unavailable: why } : p.info;
      })
      .sort((a, b) => a.id.localeCompare(b.id));
  }
}
