import type { PluginInfo } from '../../../common/contract/index.js';
import { UsageError, type Command } from '../../hub/cli/command.js';

const line = (p: PluginInfo) =>
  `${p.enabled ? '●' : '○'} ${p.id}@${p.version}  ${p.name}  [${p.capabilities.join(', ')}]${p.permissions.length ? '  permissions: ' + p.permissions.join(', ') : ''}`;

export const pluginsList: Command = {
  name: 'plugins list',
  usage: 'ic plugins list [--json]',
  summary: 'List installed plugins (refused plugin folders are reported on stderr).',
  async run({ hub, out, global }) {
    const { plugins, rejected } = await hub().client.call('plugins.list');
    for (const r of rejected) out.info(`refused plugin ${r.folder}: ${r.error}`);
    // --json: one array, the shape documented in docs/cli.md.
    if (global.json) out.result(plugins);
    else out.result(plugins, () => (plugins.length ? plugins.map(line).join('\n') : 'no plugins installed'));
    return 0;
  },
};

function toggle(enable: boolean): Command {
  const verb = enable ? 'enable' : 'disable';
  return {
    name: `plugins ${verb}`,
    usage: `ic plugins ${verb} <id> [--json]`,
    summary: `${enable ? 'Enable' : 'Disable'} a plugin.`,
    async run({ hub, out, args }) {
      if (args.length !== 1) throw new UsageError(`expected one plugin id`);
      const info = await hub().client.call(enable ? 'plugins.enable' : 'plugins.disable', { id: args[0]! });
      out.result(info, () => line(info));
      return 0;
    },
  };
}
export const pluginsEnable = toggle(true);
export const pluginsDisable = toggle(false);
