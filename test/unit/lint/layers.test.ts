import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/temp.js';

/**
 * The layer rules of eslint.config.js (docs/architecture.md) on code written into the tree's folders: each sample is
 * linted as if it were a file at that path, so it is classified and its imports resolved like real code.
 */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result!.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('layer rules (npm run lint)', () => {
  it('refuse a hub → feature import', async () => {
    const errors = await layerErrors('main/node/hub/deliberate-violation.ts', "import { ocrFeature } from '../capabilities/ocr/contribution.js';\nexport const f = ocrFeature;\n");
    expect(errors).toEqual(['A layer imports only from the layers below it (docs/architecture.md): hub may not import feature.']);
  }, 60_000);

  it('refuse a feature → app root import, and the renderer importing anything of main/ but common', async () => {
    expect(await layerErrors('main/node/capabilities/ocr/deliberate.ts', "export { features } from '../../app/features.js';\n")).toHaveLength(1);
    expect(await layerErrors('renderer/src/deliberate.ts', "export { createHub } from '../../main/node/hub/hub.js';\n")).toHaveLength(1);
    expect(await layerErrors('main/node/hub/deliberate.ts', "export { createApp } from '../app/app.js';\n")).toHaveLength(1);
  }, 60_000);

  it('allow imports from the layers below', async () => {
    expect(await layerErrors('main/node/hub/fine.ts', "export { HubLog } from '../log/hub-log.js';\nexport { ERROR_CODES } from '../../common/contract/constants.js';\n")).toEqual([]);
    expect(await layerErrors('main/node/app/fine.ts', "export { ocrFeature } from '../capabilities/ocr/contribution.js';\n")).toEqual([]);
    expect(await layerErrors('renderer/src/fine.ts', "export { ERROR_CODES } from '../../main/common/contract/constants.js';\n")).toEqual([]);
  }, 60_000);
});
