import fs from 'node:fs';
import path from 'node:path';
import { BUILTIN_MODEL_CAPABILITIES } from '../../../common/contract/index.js';
import type { MethodHandlers } from '../../hub/api.js';
import type { PackStore } from '../../models/pack-store.js';
import { importPack, type ImportOptions } from '../../models/archive/read-pack.js';
import { exportPack } from '../../models/archive/write-pack.js';

/**
 * models.import / models.export. Imports run one at a time (two imports of the same id must not race for its
 * folder); an export may run beside them.
 */
export function modelsArchiveMethods(store: PackStore, opts: ImportOptions): MethodHandlers {
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    'models.import': (p) =>
      oneAtATime(async () => {
        if ('path' in p) {
          const pack = await importPack(store, p.path, opts);
          return store.list().find((m) => m.id === pack.id)!;
        }
        // An upload (the console): the bytes go to a staging folder of the data folder, are imported like a file
        // named there, and are removed whatever happens. The name is reduced to a plain file name for the record.
        const dir = store.stagingDir('upload');
        try {
          const file = path.join(dir, path.basename(p.name).replace(/[^\w.-]+/g, '_') || 'pack');
          fs.writeFileSync(file, Buffer.from(p.base64, 'base64'), { mode: 0o600 });
          const pack = await importPack(store, file, opts);
          return store.list().find((m) => m.id === pack.id)!;
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
    'models.export': (p) => exportPack(store, p.id, p.path),
  };
}

/**
 * Capabilities a model pack may serve here: the built-in model capabilities (ocr, embed, translate) and those of
 * every installed plugin, enabled or not (a plugin's pack may arrive before the plugin is switched on). Other
 * built-in capabilities in the registry (models.fetch, ocr.recognize, …) are not model-pack capabilities.
 */
export function knownModelCapabilities(plugins: { list(): { plugins: readonly { capabilities: readonly string[] }[] } }): string[] {
  return [...new Set([...BUILTIN_MODEL_CAPABILITIES, ...plugins.list().plugins.flatMap((p) => p.capabilities)])];
}
