import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPackStore } from '../../main/node/models/models-service.js';
import { testHub } from '../helpers/hub.js';
import { installFixturePack } from '../helpers/packs.js';
import { cleanupTempDirs, tempDir } from '../helpers/temp.js';

afterAll(cleanupTempDirs);

// The fixture pack is a tiny random model in the real multilingual-e5-small layout: this checks the path
// (capability → model host → transformers.js → onnxruntime), not the quality of the vectors.
describe('embed capability', () => {
  it('is unavailable without an embedding pack, and embeds through the model host once one is installed', async () => {
    const bare = testHub();
    try {
      await expect(bare.client.call('jobs.run', { capability: 'embed', input: { texts: ['x'] } })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      await bare.close();
    }
    const dataDir = tempDir();
    await installFixturePack(createPackStore({ models: path.join(dataDir, 'models') }), 'multilingual-e5-small');
    const hub = testHub({ dataDir });
    try {
      const r = await hub.client.call('jobs.run', { capability: 'embed', input: { texts: ['营业执照办理', 'business licence'], kind: 'query' } });
      const out = r.output as { model: string; dims: number; vectors: number[][] };
      expect(out.model).toBe('multilingual-e5-small');
      expect(out.vectors).toHaveLength(2);
      expect(out.vectors[0]).toHaveLength(out.dims);
      expect(Math.hypot(...out.vectors[0]!)).toBeCloseTo(1, 4);
    } finally {
      await hub.close();
    }
  });
});
