// Installs a fixture model pack folder into a pack store the way test/helpers/packs.ts does (hash-pinned record),
// for `npm run bench -- mt --fixture-model`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (p) => pathToFileURL(path.join(repoRoot, 'dist', 'main', 'node', p)).href;

export async function installFixturePackFrom(store, id, dir) {
  const { packRecordFor } = await import(dist('models/catalog.js'));
  const { sha256File } = await import(dist('models/hash.js'));
  const entry = store.catalogEntry(id);
  const staging = store.stagingDir(id);
  const files = [];
  for (const f of entry.files) {
    const to = path.join(staging, f.path);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(dir, f.path), to);
    files.push({ path: f.path, size: fs.statSync(to).size, sha256: await sha256File(to) });
  }
  store.installStaged(staging, packRecordFor(entry, files, { hashesPinnedAtDownload: true }));
}
