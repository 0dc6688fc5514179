import type { ModelInfo } from '../../../common/contract/index.js';
import { resolveDataDir, dataLayout } from '../../config/data-dir.js';
import { createPackStore } from '../../models/models-service.js';
import { preparePacks } from '../../models/prepare.js';
import { UsageError, type Command } from '../../hub/cli/command.js';

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const line = (m: ModelInfo) =>
  `${m.verified ? '✔' : m.installed ? '✘' : '·'} ${m.id.padEnd(24)} ${m.capability.padEnd(10)} ${m.version.padEnd(8)} ${mb(m.sizeBytes).padStart(9)}  ${m.installed ? m.location : 'not installed'}${m.problems.length ? '  ' + m.problems[0] : ''}`;

export const modelsList: Command = {
  name: 'models list',
  usage: 'ic models list [--json]',
  summary: 'Model packs: installed (verified or not) and those the manifest lists but are missing.',
  async run({ hub, out }) {
    const models = await hub().client.call('models.list');
    out.result(models, () => models.map(line).join('\n'));
    return 0;
  },
};

export const modelsVerify: Command = {
  name: 'models verify',
  usage: 'ic models verify [<id>] [--json]',
  summary: 'Re-hash installed packs; exit 1 naming each pack that fails.',
  async run({ hub, out, args }) {
    if (args.length > 1) throw new UsageError('expected at most one pack id');
    const results = await hub().client.call('models.verify', args[0] ? { id: args[0] } : {});
    for (const r of results) out.result(r, () => `${r.ok ? 'ok  ' : 'FAIL'} ${r.id}${r.problems.length ? ': ' + r.problems.join('; ') : ''}`);
    const failed = results.filter((r) => !r.ok);
    if (failed.length) out.info(`ic: ${failed.length} pack(s) failed verification: ${failed.map((r) => r.id).join(', ')}`);
    return failed.length ? 1 : 0;
  },
};

export const modelsPrepare: Command = {
  name: 'models prepare',
  usage: 'ic models prepare [--json]',
  summary: "Assemble the packs this machine provides offline (npm, Debian) into the app's models/packs/.",
  async run({ out, global }) {
    // No hub: this runs at install time and must not create the user's data folder.
    const store = createPackStore(dataLayout(global.dataDir ?? resolveDataDir()));
    const outcomes = await preparePacks(store, global.json ? undefined : (l) => out.info(l));
    if (global.json) for (const o of outcomes) out.result(o);
    return 0;
  },
};
