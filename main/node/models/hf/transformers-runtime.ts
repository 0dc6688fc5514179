import path from 'node:path';

type Transformers = typeof import('@huggingface/transformers');
let loaded: Promise<Transformers> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * @huggingface/transformers set up for this app: local files only (no hub, no browser cache). Loaded lazily
 * because it pulls in onnxruntime-node and sharp, which only model hosts need.
 */
export function transformers(): Promise<Transformers> {
  loaded ??= import('@huggingface/transformers').then((t) => {
    t.env.allowRemoteModels = false;
    t.env.allowLocalModels = true;
    t.env.useBrowserCache = false;
    return t;
  });
  return loaded;
}

/**
 * Runs `load(modelId)` with transformers.js pointed at the pack's folder. The library resolves models relative to
 * one global `env.localModelPath`, and packs live in two roots, so loads are serialised.
 */
export function withPackDir<T>(packDir: string, load: (t: Transformers, modelId: string) => Promise<T>): Promise<T> {
  const run = queue.then(async () => {
    const t = await transformers();
    t.env.localModelPath = path.dirname(path.resolve(packDir)) + path.sep;
    return load(t, path.basename(packDir));
  });
  queue = run.catch(() => undefined);
  return run;
}
