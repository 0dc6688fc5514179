import path from 'node:path';
import type { PrereviewOutput } from '../../../common/contract/index.js';
import { UsageError, type Command } from '../../hub/cli/command.js';
import { defineCommand } from '../../hub/cli/define-command.js';
import { streamJob } from '../../hub/cli/job-stream.js';

const icon = { pass: '✔', warn: '!', fail: '✘' } as const;

function text(o: PrereviewOutput): string {
  return [
    `${o.service.name} (${o.service.id}) — ${o.verdict === 'pass' ? '通过 pass' : o.verdict === 'fail' ? '不通过 fail' : '需人工复核 needs review'}`,
    ...o.documents.map((d) => `  ${d.file}: ${d.type}`),
    ...o.checks.map((c) => `  ${icon[c.status]} ${c.message}`),
  ].join('\n');
}

export const prereviewCmd: Command = defineCommand({
  name: 'prereview',
  usage: 'ic prereview --service <id-or-name> <files…> [--today YYYY-MM-DD] [--engine auto|ppocr|tesseract] [--json]',
  summary: "Pre-check an applicant's materials against a service item (e.g. 企业设立登记): missing, invalid, expired, inconsistent.",
  options: { service: { type: 'string' }, today: { type: 'string' }, engine: { type: 'string' } },
  positionals: { min: 1, error: 'expected the files of the application' },
  async run({ hub, out, values, positionals }) {
    if (!values.service) throw new UsageError('--service is required (an id such as company-establishment, or a name such as 企业设立登记)');
    const input = {
      service: values.service,
      files: positionals.map((f) => ({ path: path.resolve(f) })),
      ...(values.today ? { today: values.today } : {}),
      ...(values.engine ? { engine: values.engine } : {}),
    };
    const h = hub();
    const code = await streamJob(h, () => h.jobs.start('prereview', [input], 30 * 60_000), out, {
      present: (_i, output) => output,
      text: (o) => text(o as PrereviewOutput),
    });
    return code;
  },
});
