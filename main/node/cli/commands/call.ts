import { readArgFile } from '../../hub/cli/args.js';
import { UsageError } from '../../hub/cli/command.js';
import { defineCommand } from '../../hub/cli/define-command.js';
import { streamJob } from '../../hub/cli/job-stream.js';

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${where} is not valid JSON (${(err as Error).message})`);
  }
}

/** Inputs from --input (repeatable) and --input-file (JSON lines, one input per line), labelled for error lines. */
function collectInputs(values: { input?: string[]; 'input-file'?: string; file?: string[] }) {
  const inputs: unknown[] = [];
  // Inputs read from a file are labelled file:line in `{file, error}` lines; --input ones by their index.
  const labels: (string | undefined)[] = [];
  (values.input ?? []).forEach((text, i) => {
    inputs.push(parseJson(text, `--input #${i + 1}`));
    labels.push(undefined);
  });
  const file = values['input-file'];
  if (file) {
    readArgFile(file, 'utf8').split('\n').forEach((l, i) => {
      if (!l.trim()) return;
      inputs.push(parseJson(l, `${file} line ${i + 1}`));
      labels.push(`${file}:${i + 1}`);
    });
  }
  // --file field=path: a picked file's bytes, base64, for plugins with the files.read-picked permission.
  for (const spec of values.file ?? []) {
    const eq = spec.indexOf('=');
    if (eq < 1) throw new UsageError(`--file takes field=path, got "${spec}"`);
    const [field, path] = [spec.slice(0, eq), spec.slice(eq + 1)];
    const bytes = readArgFile(path);
    if (!inputs.length) {
      inputs.push({});
      labels.push(path);
    }
    for (const input of inputs) {
      if (!input || typeof input !== 'object' || Array.isArray(input)) throw new UsageError('--file needs object inputs');
      (input as Record<string, unknown>)[field] = bytes.toString('base64');
    }
  }
  return { inputs, labels };
}

export const call = defineCommand({
  name: 'call',
  usage: 'ic call <capability> (--input JSON ... | --input-file inputs.jsonl) [--file field=path] [--timeout ms] [--json]',
  summary: 'Run any capability (plugins included) on one or more JSON inputs; one result line per input.',
  options: {
    input: { type: 'string', multiple: true },
    'input-file': { type: 'string' },
    file: { type: 'string', multiple: true },
    timeout: { type: 'string' },
  },
  positionals: { min: 1, max: 1, error: 'expected one capability id, e.g. `ic call pii.mask --input \'{"text":"..."}\'`' },
  async run({ hub, out, values, positionals }) {
    const { inputs, labels } = collectInputs(values);
    if (!inputs.length) throw new UsageError('no input: give --input JSON or --input-file inputs.jsonl');
    const timeoutMs = values.timeout ? Number(values.timeout) : 10 * 60_000;
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new UsageError('--timeout takes a positive number of milliseconds');
    const h = hub();
    return streamJob(h, () => h.jobs.start(positionals[0]!, inputs, timeoutMs), out, {
      labelOf: (i) => labels[i],
      present: (index, output, engine) => ({ index, engine, output }),
    });
  },
});
