import path from 'node:path';
import type { OcrOutput, OcrPage } from '../../../common/contract/index.js';
import { UsageError, type Command } from '../../hub/cli/command.js';
import { defineCommand, wholeNumberOption } from '../../hub/cli/define-command.js';
import { streamJob } from '../../hub/cli/job-stream.js';
import { OUTPUT_FORMATS, type OutputFormat } from './output/formats.js';

/** The documented line shape of `ic ocr --json` (docs/cli.md). */
const pageLine = (p: OcrPage) => ({
  file: p.file,
  page: p.page,
  engine: p.engine,
  rotation: p.rotation,
  text: p.text,
  lines: p.lines.map((l) => ({ text: l.text, box: l.box, confidence: l.confidence })),
  ms: p.ms,
});

export const ocr: Command = defineCommand({
  name: 'ocr',
  usage: 'ic ocr <files…> [--engine auto|ppocr|tesseract] [--lang auto|zh-Hans|zh-Hant|en] [--json] [--format txt|json|pdf|xlsx[,…] --out-dir DIR]',
  summary: 'Read the text of images (PNG, JPEG, TIFF, WebP) and PDFs; one result per page; optionally write text, JSON, searchable PDF or xlsx files.',
  options: {
    engine: { type: 'string' },
    lang: { type: 'string' },
    timeout: { type: 'string' },
    format: { type: 'string' },
    'out-dir': { type: 'string' },
  },
  positionals: { min: 1, error: 'expected one or more files, e.g. `ic ocr scan.png --json`' },
  async run({ hub, out, values, positionals }) {
    const formats = (values.format ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    for (const f of formats) if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format takes ${OUTPUT_FORMATS.join(', ')} (comma-separated for several)`);
    if (formats.length && !values['out-dir']) throw new UsageError('--format needs --out-dir DIR (where DIR/<name>.<ext> is written)');
    if (values['out-dir'] && !formats.length) formats.push('json');
    if (values.engine && !['auto', 'ppocr', 'tesseract'].includes(values.engine)) throw new UsageError('--engine takes auto, ppocr or tesseract');
    if (values.lang && !['auto', 'zh-Hans', 'zh-Hant', 'en'].includes(values.lang)) throw new UsageError('--lang takes auto, zh-Hans, zh-Hant or en');
    const timeoutMs = wholeNumberOption(values.timeout, 30 * 60_000, { min: 1 }, '--timeout takes a positive number of milliseconds');
    const files = positionals.map((f) => path.resolve(f));
    const inputs = files.map((f) => ({ file: { path: f }, ...(values.engine ? { engine: values.engine } : {}), ...(values.lang ? { lang: values.lang } : {}) }));
    const h = hub();
    const done = new Map<number, OcrOutput>();
    const code = await streamJob(h, () => h.jobs.start('ocr', inputs, timeoutMs), out, {
      labelOf: (i) => positionals[i],
      expand: (i, output) => {
        done.set(i, output as OcrOutput);
        return (output as OcrOutput).pages.map(pageLine);
      },
      text: (line) => {
        const p = line as ReturnType<typeof pageLine>;
        return `── ${p.file} page ${p.page} (${p.engine}, rotated ${p.rotation}°, ${Math.round(p.ms)} ms)\n${p.text}`;
      },
    });
    if (!values['out-dir']) return code;
    // Files are written once the job has ended, in input order, so names made unique are the same on every run.
    const outDir = path.resolve(values['out-dir']);
    const taken = new Set<string>();
    let failed = false;
    for (const [i, file] of files.entries()) {
      const o = done.get(i);
      if (!o) continue;
      try {
        // The writers (pdf-lib, exceljs, sharp) load only when files are written, not at every `ic` start.
        const { writeOutputs } = await import('./output/write-outputs.js');
        const written = await writeOutputs(formats as OutputFormat[], file, o, outDir, taken, (a, d, f) => h.audit.action(a, d, f));
        for (const w of written) out.info(`wrote ${w}`);
      } catch (err) {
        failed = true;
        out.failure({ file: positionals[i]! }, err);
      }
    }
    return failed ? 1 : code;
  },
});
