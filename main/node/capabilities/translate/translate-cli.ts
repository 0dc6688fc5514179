import fs from 'node:fs';
import path from 'node:path';
import { TranslateLang, type TranslateOutput } from '../../../common/contract/index.js';
import { UsageError, type Command } from '../../hub/cli/command.js';
import { defineCommand } from '../../hub/cli/define-command.js';
import { streamJob } from '../../hub/cli/job-stream.js';
import { formatForName } from './doc/formats.js';
import { blockTargets } from './translate-blocks.js';

const originLabel = { model: 'model', tm: 'memory', glossary: 'glossary', dictionary: 'DICTIONARY DRAFT', none: 'copied' } as const;

/** The documented `--json` shape (docs/cli.md): what answered and every segment with its origin, terms and QA. */
const jsonOf = (o: TranslateOutput) => ({
  engine: o.engine,
  segments: o.segments.map((s) => ({ src: s.src, tgt: s.tgt, origin: s.origin, terms: s.terms, ...(s.score !== undefined ? { score: s.score } : {}), qa: s.qa })),
});

function summary(o: TranslateOutput): string {
  const n = (k: string) => o.segments.filter((s) => s.origin === k).length;
  const qa = o.segments.reduce((k, s) => k + s.qa.length, 0);
  const parts = [`engine: ${o.engine}`, `${o.segments.length} segments`, `model ${n('model')}`, `memory ${n('tm')}`, `glossary ${n('glossary')}`, `dictionary draft ${n('dictionary')}`, `QA warnings ${qa}`];
  const draft = n('dictionary') ? '\nSegments marked DICTIONARY DRAFT are word-by-word CC-CEDICT glosses, not machine translation.' : '';
  return parts.join(' · ') + draft;
}

function readStdin(): string {
  return fs.readFileSync(0, 'utf8');
}

export const translateCmd: Command = defineCommand({
  name: 'translate',
  usage: 'ic translate --from zh|en --to en|zh [--json] [--out FILE.txt|.md|.docx|.xlf|.xliff|.tmx] [--xliff2] [--no-model] [FILE|-]',
  summary: 'Translate text, Markdown, DOCX or XLIFF with memory and glossary; the MT pack when installed, else a labelled dictionary draft.',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    xliff2: { type: 'boolean' },
    'no-model': { type: 'boolean' },
    'min-score': { type: 'string' },
  },
  positionals: { max: 1, error: 'expected one FILE (or - for standard input)' },
  async run({ hub, out, global, values, positionals }) {
    const from = TranslateLang.safeParse(values.from);
    const to = TranslateLang.safeParse(values.to);
    if (!from.success || !to.success || from.data === to.data) throw new UsageError('--from and --to take zh or en, and must differ');
    const outFormat = values.out ? formatForName(values.out, values.xliff2) : undefined;
    const file = positionals[0];
    const source = !file || file === '-' ? { text: readStdin() } : { path: path.resolve(file) };
    const input = {
      from: from.data,
      to: to.data,
      ...source,
      ...(values['no-model'] ? { useModel: false } : {}),
      ...(values['min-score'] ? { minScore: Number(values['min-score']) } : {}),
    };
    const h = hub();
    let result: TranslateOutput | undefined;
    const code = await streamJob(h, () => h.jobs.start('translate', [input], 60 * 60_000), out, {
      labelOf: () => file,
      present: (_i, output) => {
        result = output as TranslateOutput;
        return jsonOf(result);
      },
      text: (o) => {
        const r = o as TranslateOutput;
        if (values.out) return summary(r);
        const targets = blockTargets(r.blocks, r.segments, r.to);
        const marked = r.segments.some((s) => s.origin === 'dictionary');
        return `${targets.join('\n')}\n\n— ${summary(r)}${marked ? '\n' + r.segments.filter((s) => s.origin !== 'none').map((s) => `  [${s.id} ${originLabel[s.origin]}${s.score !== undefined && s.score < 1 ? ` ${Math.round(s.score * 100)}%` : ''}] ${s.tgt}`).join('\n') : ''}`;
      },
    });
    if (result && values.out && outFormat) {
      const doc = await h.client.call('translate.export', { format: outFormat, blocks: result.blocks, segments: result.segments, from: result.from, to: result.to });
      const bytes = Buffer.from(doc.base64, 'base64');
      fs.writeFileSync(values.out, bytes);
      if (!global.json) out.info(`wrote ${values.out} (${outFormat}, ${bytes.length} bytes)`);
    }
    return code;
  },
});
