import { BUILTIN_MODEL_CAPABILITIES } from '../../../common/contract/index.js';
import type { FeatureContribution } from '../../hub/feature.js';
import { fetchCapability } from './fetch-capability.js';
import { modelsArchiveMethods } from './import-export-methods.js';
import { modelsExport, modelsImport } from './models-archive-cli.js';
import { modelsList, modelsPrepare, modelsVerify } from './models-cli.js';
import { modelsFetch } from './models-fetch-cli.js';
import { modelsMethods } from './models-methods.js';

/** Model packs: list, verify, import, export (methods), fetch (a job), and their `ic models` commands. */
export const modelsFeature: FeatureContribution = {
  id: 'models',
  screen: 'models',
  commands: [modelsList, modelsVerify, modelsPrepare, modelsImport, modelsExport, modelsFetch],
  activate: ({ packs, pluginCapabilities }) => ({
    capabilities: [fetchCapability(packs)],
    methods: {
      ...modelsMethods(packs),
      // A pack may serve a built-in model capability or one of an installed plugin (its pack may come first).
      ...modelsArchiveMethods(packs, { knownCapabilities: () => [...new Set([...BUILTIN_MODEL_CAPABILITIES, ...pluginCapabilities()])] }),
    },
  }),
};
