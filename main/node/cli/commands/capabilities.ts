import type { CapabilityInfo } from '../../../common/contract/index.js';
import type { Command, CommandContext } from '../../hub/cli/command.js';

const line = (c: CapabilityInfo) =>
  `${c.unavailable ? '○' : '●'} ${c.id}  ${c.title}  (${c.provider.kind} ${c.provider.id})${c.unavailable ? `\n    unavailable: ${c.unavailable}` : ''}`;

async function list({ hub, out }: CommandContext): Promise<number> {
  const caps = await hub().client.call('capabilities.list');
  out.result(caps, () => caps.map(line).join('\n') || 'none');
  return 0;
}

export const capabilitiesList: Command = {
  name: 'capabilities list',
  usage: 'ic capabilities list [--json]',
  summary: 'List the capabilities with their provider; those that cannot run now (e.g. model packs missing) say why.',
  run: list,
};

/** `ic capabilities` alone is the same list. */
export const capabilities: Command = { ...capabilitiesList, name: 'capabilities', usage: 'ic capabilities [--json]' };
