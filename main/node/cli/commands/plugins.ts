import type { PluginInfo } from '../../../common/contract/index.js';
import { parseCommandArgs } from '../../hub/cli/args.js';
import { UsageError, type Command } from '../../hub/cli/command.js';

const line = (p: PluginInfo) =>
  [
    `${p.enabled ? '●' : '○'} ${p.id}@${p.version}  ${p.name} (${p.source})  [${p.capabilities.join(', ')}]`,
    `    permissions: ${p.permissions.length ? p.permissions.join(', ') : 'none'}`,
    p.available ? `    sandbox: ${p.sandbox}\n    network: ${p.network}` : `    UNAVAILABLE: ${p.unavailableReason ?? 'no sandbox here'}`,
  ].join('\n');

export const pluginsList: Command = {
  name: 'plugins list',
  usage: 'ic plugins list [--json]',
  summary: 'List installed plugins with their permissions, sandbox and network (refused plugin folders are reported on stderr).',
  async run({ hub, out, global }) {
    const { plugins, rejected } = await hub().client.call('plugins.list');
    for (const r of rejected) out.info(`refused plugin ${r.folder}: ${r.error}`);
    // --json: one array, the shape documented in docs/cli.md.
    if (global.json) out.result(plugins);
    else out.result(plugins, () => (plugins.length ? plugins.map(line).join('\n') : 'no plugins installed'));
    return 0;
  },
};

export const pluginsEnable: Command = {
  name: 'plugins enable',
  usage: 'ic plugins enable <id> [--accept] [--json]',
  summary: 'Enable a plugin. One from the user folder shows its permissions first and needs --accept to start.',
  async run({ hub, out, args }) {
    const { values, positionals } = parseCommandArgs(args, { accept: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('expected one plugin id');
    const id = positionals[0]!;
    const h = hub();
    const info = (await h.client.call('plugins.list')).plugins.find((p) => p.id === id);
    if (info?.source === 'user' && !values.accept) {
      out.info(`${line(info)}\nThis plugin comes from the user folder. Read its permissions above; run again with --accept to enable it.`);
      return 1;
    }
    const enabled = await h.client.call('plugins.enable', { id, ...(values.accept && info ? { acceptPermissions: info.permissions } : {}) });
    out.result(enabled, () => line(enabled));
    return 0;
  },
};

export const pluginsDisable: Command = {
  name: 'plugins disable',
  usage: 'ic plugins disable <id> [--json]',
  summary: 'Disable a plugin.',
  async run({ hub, out, args }) {
    if (args.length !== 1) throw new UsageError('expected one plugin id');
    const info = await hub().client.call('plugins.disable', { id: args[0]! });
    out.result(info, () => line(info));
    return 0;
  },
};
