import type { JobEvent } from '../../../common/contract/index.js';
import type { Command } from '../../hub/cli/command.js';
import { defineCommand, wholeNumberOption } from '../../hub/cli/define-command.js';
import { streamJob } from '../../hub/cli/job-stream.js';

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

interface FetchOutput {
  id: string;
  files: number;
  bytes: number;
  hashesPinned: boolean;
}

export const modelsFetch: Command = defineCommand({
  name: 'models fetch',
  usage: 'ic models fetch <id> [--base-url URL] [--timeout ms] [--json]',
  summary: 'Download a pack from a model hub or mirror (--base-url, else HF_ENDPOINT, else huggingface.co), verify it, install it.',
  options: { 'base-url': { type: 'string' }, timeout: { type: 'string' } },
  positionals: { min: 1, max: 1, error: 'expected one pack id, e.g. `ic models fetch opus-mt-zh-en`' },
  async run({ hub, out, values, positionals }) {
    // Large packs over slow links take a while; a timed-out or cancelled fetch resumes where it stopped.
    const timeoutMs = wholeNumberOption(values.timeout, 6 * 3600_000, { min: 1 }, '--timeout takes a positive number of milliseconds');
    const input = { id: positionals[0]!, ...(values['base-url'] !== undefined ? { baseUrl: values['base-url'] } : {}) };

    const h = hub();
    let jobId: string | undefined;
    let barOpen = false;
    let result: FetchOutput | undefined;
    // Byte progress as a bar on a terminal (streamJob itself only counts items); registered before streamJob's own
    // listener, so the bar's line is ended before the result line is printed.
    const unsubscribe = h.events.on((e: JobEvent) => {
      if (!out.isTTY || !jobId) return;
      if (e.type === 'job.progress' && e.jobId === jobId && e.progress.total) {
        out.progress(Math.min(99, Math.floor((e.progress.done / e.progress.total) * 100)), 100, `% ${e.progress.message ?? ''}`);
        barOpen = true;
      } else if (e.type === 'job.item' && e.jobId === jobId && barOpen) {
        out.info('');
        barOpen = false;
      }
    });
    try {
      const code = await streamJob(
        h,
        () => {
          const job = h.jobs.start('models.fetch', [input], timeoutMs);
          jobId = job.id;
          return job;
        },
        out,
        {
          present: (index, output, engine) => {
            result = output as FetchOutput;
            return { index, engine, output };
          },
          text: (output) => {
            const o = output as FetchOutput;
            return `${o.id}: ${o.files} files, ${mb(o.bytes)} downloaded, verified and installed`;
          },
        },
      );
      if (result?.hashesPinned) {
        const where = h.models.get(result.id)?.dir;
        out.info(`hashes pinned at first download: compare them with a trusted source${where ? ` (they are in ${where}/pack.json)` : ''}`);
      }
      return code;
    } finally {
      unsubscribe();
    }
  },
});
