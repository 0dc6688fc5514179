import path from 'node:path';
import { parseCommandArgs } from '../../hub/cli/args.js';
import { UsageError, type Command } from '../../hub/cli/command.js';

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

export const modelsImport: Command = {
  name: 'models import',
  usage: 'ic models import <pack.tar|pack.tar.gz|pack.zip|folder> [--json]',
  summary: 'Install an offline model pack after checking every file; a pack that fails any check is refused and nothing changes.',
  async run({ hub, out, args }) {
    const { positionals } = parseCommandArgs(args, {});
    if (positionals.length !== 1) throw new UsageError('expected one pack: ic models import <pack.tar|pack.tar.gz|pack.zip|folder>');
    const m = await hub().client.call('models.import', { path: path.resolve(positionals[0]!) });
    out.result(m, () => `imported ${m.id} ${m.version} (${m.capability}, ${mb(m.sizeBytes)}, ${m.verified ? 'verified' : m.problems[0]})`);
    return m.verified ? 0 : 1;
  },
};

export const modelsExport: Command = {
  name: 'models export',
  usage: 'ic models export <id> <out.tar> [--json]',
  summary: 'Write an installed, verified pack as a .tar (.tar.gz if the name ends in .gz or .tgz) for ic models import elsewhere.',
  async run({ hub, out, args }) {
    const { positionals } = parseCommandArgs(args, {});
    if (positionals.length !== 2) throw new UsageError('expected a pack id and an archive name: ic models export <id> <out.tar>');
    const r = await hub().client.call('models.export', { id: positionals[0]!, path: path.resolve(positionals[1]!) });
    out.result(r, () => `exported ${positionals[0]} to ${r.path} (${mb(r.bytes)})`);
    return 0;
  },
};
