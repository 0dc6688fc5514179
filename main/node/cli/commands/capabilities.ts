import type { Command } from '../command.js';

export const capabilitiesList: Command = {
  name: 'capabilities list',
  usage: 'ic capabilities list [--json]',
  summary: 'List the capabilities that can be called now, with their provider.',
  async run({ hub, out }) {
    const caps = await hub().client.call('capabilities.list');
    out.result(caps, () => caps.map((c) => `${c.id}  ${c.title}  (${c.provider.kind} ${c.provider.id})`).join('\n') || 'none');
    return 0;
  },
};
