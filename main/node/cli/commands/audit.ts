import fs from 'node:fs';
import { writeFileAtomic } from '../../config/atomic-write.js';
import { parseJsonLines, verifyChain } from '../../log/audit-chain.js';
import { parseCommandArgs } from '../../hub/cli/args.js';
import { UsageError, type Command } from '../../hub/cli/command.js';

export const auditExport: Command = {
  name: 'audit export',
  usage: 'ic audit export --out FILE [--json]',
  summary: "Write the audit trail as JSON lines, each entry with its own hash and the previous one's (written whole or not at all).",
  async run({ hub, out, args }) {
    const { values } = parseCommandArgs(args, { out: { type: 'string' } }, false);
    if (!values.out) throw new UsageError('--out FILE is required');
    const h = hub();
    let entries = 0;
    const lines = function* () {
      for (const r of h.stores.audit.all()) {
        entries++;
        yield JSON.stringify(r) + '\n';
      }
    };
    const bytes = writeFileAtomic(values.out, lines());
    const head = h.stores.audit.head();
    out.result({ path: values.out, entries, bytes, head }, () => `${entries} audit entries written to ${values.out} (last hash ${head ?? '-'})`);
    return 0;
  },
};

export const auditVerify: Command = {
  name: 'audit verify',
  usage: 'ic audit verify [FILE] [--json]',
  summary: 'Check the hash chain of the audit trail (the database, or an exported FILE): changed, removed or reordered entries.',
  async run({ hub, out, args }) {
    if (args.length > 1) throw new UsageError('expected at most one FILE');
    const file = args[0];
    let result;
    if (file) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (err) {
        throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      result = verifyChain(parseJsonLines(text));
    } else {
      result = await hub().client.call('audit.verify');
    }
    out.result(result, () =>
      result.ok
        ? `audit trail intact: ${result.entries} entries, last hash ${result.head ?? '-'}`
        : [`audit trail BROKEN (${result.problems.length} problem(s) in ${result.entries} entries):`, ...result.problems.map((p) => `  line ${p.line}${p.seq !== null ? ` (entry ${p.seq})` : ''}: ${p.problem}`)].join('\n'),
    );
    return result.ok ? 0 : 1;
  },
};

export const auditList: Command = {
  name: 'audit list',
  usage: 'ic audit list [--limit N] [--action A] [--capability C] [--json]',
  summary: 'Recent audit entries, newest first.',
  async run({ hub, out, args }) {
    const { values } = parseCommandArgs(args, { limit: { type: 'string' }, action: { type: 'string' }, capability: { type: 'string' } }, false);
    const list = await hub().client.call('audit.list', {
      limit: values.limit ? Number(values.limit) : 50,
      ...(values.action ? { action: values.action } : {}),
      ...(values.capability ? { capability: values.capability } : {}),
    });
    out.result(list, () =>
      list.map((e) => `#${e.seq} ${e.at} ${e.operator} ${e.action}${e.capability ? ' ' + e.capability : ''}${e.verdict ? ' → ' + e.verdict : ''}`).join('\n') || 'no audit entries',
    );
    return 0;
  },
};
