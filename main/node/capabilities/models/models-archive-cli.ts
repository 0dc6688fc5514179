import path from 'node:path';
import { defineCommand } from '../../hub/cli/define-command.js';

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

export const modelsImport = defineCommand({
  name: 'models import',
  usage: 'ic models import <pack.tar|pack.tar.gz|pack.zip|folder> [--json]',
  summary: 'Install an offline model pack after checking every file; a pack that fails any check is refused and nothing changes.',
  positionals: { min: 1, max: 1, error: 'expected one pack: ic models import <pack.tar|pack.tar.gz|pack.zip|folder>' },
  async run({ hub, out, positionals: [pack] }) {
    const m = await hub().client.call('models.import', { path: path.resolve(pack!) });
    out.result(m, () => `imported ${m.id} ${m.version} (${m.capability}, ${mb(m.sizeBytes)}, ${m.verified ? 'verified' : m.problems[0]})`);
    return m.verified ? 0 : 1;
  },
});

export const modelsExport = defineCommand({
  name: 'models export',
  usage: 'ic models export <id> <out.tar> [--json]',
  summary: 'Write an installed, verified pack as a .tar (.tar.gz if the name ends in .gz or .tgz) for ic models import elsewhere.',
  positionals: { min: 2, max: 2, error: 'expected a pack id and an archive name: ic models export <id> <out.tar>' },
  async run({ hub, out, positionals: [id, file] }) {
    const r = await hub().client.call('models.export', { id: id!, path: path.resolve(file!) });
    out.result(r, () => `exported ${id} to ${r.path} (${mb(r.bytes)})`);
  },
});
