import type { FeatureContribution } from '../../hub/feature.js';
import { embedModelOf } from './embed-model.js';
import { ask, kgAdd, kgBuild, kgImportCatalog, kgRemove, kgStats } from './kg-cli.js';
import { kgAddCapability, kgMethods } from './kg-methods.js';
import { releaseKgService, sharedKgService } from './kg-service.js';

/**
 * The government knowledge graph and cited Q&A: the `kg.add` capability (users' documents, OCR through the model
 * host for PDFs and images), the `kg.*` methods, `ic ask` / `ic kg …`, the Ask and Knowledge graph screens. Works
 * without any model pack (built-in lexical, concept-vector and bridge engines; each answer names them); where an
 * embedding pack is installed (the embed feature's need, optional here) its vectors come from that model, through
 * the model host.
 */
export const kgFeature: FeatureContribution = {
  id: 'kg',
  screen: 'kg',
  commands: [ask, kgBuild, kgStats, kgAdd, kgRemove, kgImportCatalog],
  activate: ({ layout, modelHost, packs, log }) => {
    let lastProgress = 0;
    // Said in the hub log, and on the terminal of a person running `ic` or `ic serve` (a model index takes a while).
    const say = (level: 'info' | 'warn', message: string) => {
      log.write(level, message);
      if (process.stderr.isTTY) process.stderr.write(message + '\n');
    };
    const kg = sharedKgService(layout.root, {
      embedModel: embedModelOf(packs, modelHost),
      notice: say,
      // Long work (the vector index with a model): a line every 10 s.
      progress: (done, total, label) => {
        if (Date.now() - lastProgress < 10_000 && done < total) return;
        lastProgress = Date.now();
        say('info', `knowledge graph: ${label} ${done}/${total}`);
      },
      readWithOcr: async (file) => {
        const out = await modelHost.call('ocr', { input: { file: { path: file } } });
        return out.pages.map((p) => p.text).join('\n');
      },
    });
    return {
      capabilities: [kgAddCapability(kg)],
      methods: kgMethods(kg),
      dispose: () => releaseKgService(layout.root),
    };
  },
};
