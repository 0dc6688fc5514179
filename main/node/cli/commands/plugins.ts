import type { PluginInfo } from '../../../common/contract/index.js';
import { defineCommand } from '../../hub/cli/define-command.js';

const line = (p: PluginInfo) =>
  [
    `${p.enabled ? '●' : '○'} ${p.id}@${p.version}  ${p.name} (${p.source})  [${p.capabilities.join(', ')}]`,
    `    permissions: ${p.permissions.length ? p.permissions.join(', ') : 'none'}`,
    p.available ? `    sandbox: ${p.sandbox}\n    network: ${p.network}` : `    UNAVAILABLE: ${p.unavailableReason ?? 'no sandbox here'}`,
  ].join('\n');

export const pluginsList = defineCommand({
  name: 'plugins list',
  usage: 'ic plugins list [--json]',
  summary: 'List installed plugins with their permissions, sandbox and network (refused plugin folders are reported on stderr).',
  async run({ hub, out }) {
    const { plugins, rejected } = await hub().client.call('plugins.list');
    for (const r of rejected) out.info(`refused plugin ${r.folder}: ${r.error}`);
    // --json: one array, the shape documented in docs/cli.md.
    out.result(plugins, () => (plugins.length ? plugins.map(line).join('\n') : 'no plugins installed'));
  },
});

export const pluginsEnable = defineCommand({
  name: 'plugins enable',
  usage: 'ic plugins enable <id> [--accept] [--json]',
  summary: 'Enable a plugin. One from the user folder shows its permissions first and needs --accept to start.',
  options: { accept: { type: 'boolean' } },
  positionals: { min: 1, max: 1, error: 'expected one plugin id' },
  async run({ hub, out, values, positionals: [id] }) {
    const h = hub();
    const info = (await h.client.call('plugins.list')).plugins.find((p) => p.id === id);
    if (info?.source === 'user' && !values.accept) {
      out.info(`${line(info)}\nThis plugin comes from the user folder. Read its permissions above; run again with --accept to enable it.`);
      return 1;
    }
    const enabled = await h.client.call('plugins.enable', { id: id!, ...(values.accept && info ? { acceptPermissions: info.permissions } : {}) });
    out.result(enabled, () => line(enabled));
  },
});

export const pluginsDisable = defineCommand({
  name: 'plugins disable',
  usage: 'ic plugins disable <id> [--json]',
  summary: 'Disable a plugin.',
  positionals: { min: 1, max: 1, error: 'expected one plugin id' },
  async run({ hub, out, positionals: [id] }) {
    const info = await hub().client.call('plugins.disable', { id: id! });
    out.result(info, () => line(info));
  },
});
