import fs from 'node:fs';
import path from 'node:path';
import type { PackRecord } from '../../main/common/contract/index.js';
import { packRecordFor } from '../../main/node/models/catalog.js';
import { sha256File } from '../../main/node/models/hash.js';
import type { PackStore } from '../../main/node/models/pack-store.js';
import { fixturesDir } from './temp.js';

export const fixtureModelsDir = path.join(fixturesDir, 'models');

/** Installs a fixture model pack (test/fixtures/models/<id>) into the store's data root, with the files the catalog lists. */
export async function installFixturePack(store: PackStore, id: string): Promise<PackRecord> {
  const entry = store.catalogEntry(id);
  if (!entry) throw new Error(`no catalog entry ${id}`);
  const staging = store.stagingDir(id);
  const files: PackRecord['files'] = [];
  for (const f of entry.files) {
    const from = path.join(fixtureModelsDir, id, f.path);
    const to = path.join(staging, f.path);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    files.push({ path: f.path, size: fs.statSync(to).size, sha256: await sha256File(to) });
  }
  const record = packRecordFor(entry, files, { hashesPinnedAtDownload: true });
  store.installStaged(staging, record);
  return record;
}
