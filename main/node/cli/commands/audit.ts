import { writeFileAtomic } from '../../config/atomic-write.js';
import { parseJsonLines, verifyChain } from '../../log/audit-chain.js';
import { readArgFile } from '../../hub/cli/args.js';
import { UsageError } from '../../hub/cli/command.js';
import { defineCommand } from '../../hub/cli/define-command.js';

export const auditExport = defineCommand({
  name: 'audit export',
  usage: 'ic audit export --out FILE [--json]',
  summary: "Write the audit trail as JSON lines, each entry with its own hash and the previous one's (written whole or not at all).",
  options: { out: { type: 'string' } },
  async run({ hub, out, values }) {
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
  },
});

export const auditVerify = defineCommand({
  name: 'audit verify',
  usage: 'ic audit verify [FILE] [--json]',
  summary: 'Check the hash chain of the audit trail (the database, or an exported FILE): changed, removed or reordered entries.',
  positionals: { max: 1, error: 'expected at most one FILE' },
  async run({ hub, out, positionals: [file] }) {
    const result = file ? verifyChain(parseJsonLines(readArgFile(file, 'utf8'))) : await hub().client.call('audit.verify');
    out.result(result, () =>
      result.ok
        ? `audit trail intact: ${result.entries} entries, last hash ${result.head ?? '-'}`
        : [`audit trail BROKEN (${result.problems.length} problem(s) in ${result.entries} entries):`, ...result.problems.map((p) => `  line ${p.line}${p.seq !== null ? ` (entry ${p.seq})` : ''}: ${p.problem}`)].join('\n'),
    );
    return result.ok ? 0 : 1;
  },
});

export const auditList = defineCommand({
  name: 'audit list',
  usage: 'ic audit list [--limit N] [--action A] [--capability C] [--json]',
  summary: 'Recent audit entries, newest first.',
  options: { limit: { type: 'string' }, action: { type: 'string' }, capability: { type: 'string' } },
  async run({ hub, out, values }) {
    const list = await hub().client.call('audit.list', {
      limit: values.limit ? Number(values.limit) : 50,
      ...(values.action ? { action: values.action } : {}),
      ...(values.capability ? { capability: values.capability } : {}),
    });
    out.result(list, () =>
      list.map((e) => `#${e.seq} ${e.at} ${e.operator} ${e.action}${e.capability ? ' ' + e.capability : ''}${e.verdict ? ' → ' + e.verdict : ''}`).join('\n') || 'no audit entries',
    );
  },
});
