import type { SettingsView } from '../../../common/contract/index.js';
import { UsageError } from '../../hub/cli/command.js';
import { defineCommand, wholeNumberOption } from '../../hub/cli/define-command.js';

const text = (v: SettingsView) =>
  [
    `operator:        ${v.settings.operatorName ?? `(not set; OS account "${v.storage.operator}" is recorded)`}`,
    `retention:       ${v.settings.retentionDays} days`,
    `keep scans:      ${v.settings.keepScans ? 'on (uploaded files kept, encrypted, until purged)' : 'off (uploaded files dropped when their job item is done)'}`,
    `encryption:      ${v.storage.encryption}, key in ${v.storage.keyWhere}`,
    ...v.storage.keySkipped.map((s) => `  (not used: ${s.kind}: ${s.reason})`),
  ].join('\n');

export const settingsShow = defineCommand({
  name: 'settings show',
  usage: 'ic settings show [--json]',
  summary: 'Operator name, retention, keep scans, and where the data key is kept.',
  async run({ hub, out }) {
    const v = await hub().client.call('settings.get');
    out.result(v, () => text(v));
  },
});

export const settingsSet = defineCommand({
  name: 'settings set',
  usage: 'ic settings set [--operator NAME | --no-operator] [--retention-days N] [--keep-scans on|off] [--json]',
  summary: 'Change operator settings (recorded in the audit trail).',
  options: { operator: { type: 'string' }, 'no-operator': { type: 'boolean' }, 'retention-days': { type: 'string' }, 'keep-scans': { type: 'string' } },
  async run({ hub, out, values }) {
    const patch: Record<string, unknown> = {};
    if (values.operator !== undefined) patch.operatorName = values.operator;
    if (values['no-operator']) patch.operatorName = null;
    if (values['retention-days'] !== undefined) {
      patch.retentionDays = wholeNumberOption(values['retention-days'], 0, { min: 1 }, '--retention-days takes a whole number of days (1 or more)');
    }
    if (values['keep-scans'] !== undefined) {
      if (!['on', 'off'].includes(values['keep-scans'])) throw new UsageError('--keep-scans takes on or off');
      patch.keepScans = values['keep-scans'] === 'on';
    }
    if (!Object.keys(patch).length) throw new UsageError('nothing to set');
    const v = await hub().client.call('settings.set', patch);
    out.result(v, () => text(v));
  },
});

export const health = defineCommand({
  name: 'health',
  usage: 'ic health [--json]',
  summary: 'App version, data folder, schema, capabilities, where the data key is kept and how the model host is sandboxed.',
  async run({ hub, out }) {
    const h = await hub().client.call('health');
    out.result(h, () => `${h.app} ${h.version}\ndata folder: ${h.dataDir} (schema ${h.schemaVersion})\ncapabilities: ${h.capabilities}\ndata key: ${h.keyProvider ?? '?'}\nmodel host sandbox: ${h.sandbox ?? '?'}`);
  },
});
