import type { SettingsView } from '../../../common/contract/index.js';
import { parseCommandArgs } from '../../hub/cli/args.js';
import { UsageError, type Command } from '../../hub/cli/command.js';

const text = (v: SettingsView) =>
  [
    `operator:        ${v.settings.operatorName ?? `(not set; OS account "${v.storage.operator}" is recorded)`}`,
    `retention:       ${v.settings.retentionDays} days`,
    `keep scans:      ${v.settings.keepScans ? 'on (uploaded files kept, encrypted, until purged)' : 'off (uploaded files dropped when their job item is done)'}`,
    `encryption:      ${v.storage.encryption}, key in ${v.storage.keyWhere}`,
    ...v.storage.keySkipped.map((s) => `  (not used: ${s.kind}: ${s.reason})`),
  ].join('\n');

export const settingsShow: Command = {
  name: 'settings show',
  usage: 'ic settings show [--json]',
  summary: 'Operator name, retention, keep scans, and where the data key is kept.',
  async run({ hub, out }) {
    const v = await hub().client.call('settings.get');
    out.result(v, () => text(v));
    return 0;
  },
};

export const settingsSet: Command = {
  name: 'settings set',
  usage: 'ic settings set [--operator NAME | --no-operator] [--retention-days N] [--keep-scans on|off] [--json]',
  summary: 'Change operator settings (recorded in the audit trail).',
  async run({ hub, out, args }) {
    const { values } = parseCommandArgs(
      args,
      { operator: { type: 'string' }, 'no-operator': { type: 'boolean' }, 'retention-days': { type: 'string' }, 'keep-scans': { type: 'string' } },
      false,
    );
    const patch: Record<string, unknown> = {};
    if (values.operator !== undefined) patch.operatorName = values.operator;
    if (values['no-operator']) patch.operatorName = null;
    if (values['retention-days'] !== undefined) {
      const n = Number(values['retention-days']);
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--retention-days takes a whole number of days (1 or more)');
      patch.retentionDays = n;
    }
    if (values['keep-scans'] !== undefined) {
      if (!['on', 'off'].includes(values['keep-scans'])) throw new UsageError('--keep-scans takes on or off');
      patch.keepScans = values['keep-scans'] === 'on';
    }
    if (!Object.keys(patch).length) throw new UsageError('nothing to set');
    const v = await hub().client.call('settings.set', patch);
    out.result(v, () => text(v));
    return 0;
  },
};

export const health: Command = {
  name: 'health',
  usage: 'ic health [--json]',
  summary: 'App version, data folder, schema, capabilities, where the data key is kept and how the model host is sandboxed.',
  async run({ hub, out }) {
    const h = await hub().client.call('health');
    out.result(h, () => `${h.app} ${h.version}\ndata folder: ${h.dataDir} (schema ${h.schemaVersion})\ncapabilities: ${h.capabilities}\ndata key: ${h.keyProvider ?? '?'}\nmodel host sandbox: ${h.sandbox ?? '?'}`);
    return 0;
  },
};
