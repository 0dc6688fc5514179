import path from 'node:path';
import type { OcrOutput, OcrPage } from '../../../common/contract/index.js';
import { parseCommandArgs } from '../../hub/cli/args.js';
import { UsageError, type Command } from '../../hub/cli/command.js';
import { streamJob } from '../../hub/cli/job-stream.js';

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

export const ocr: Command = {
  name: 'ocr',
  usage: 'ic ocr <files…> [--engine auto|ppocr|tesseract] [--lang auto|zh-Hans|zh-Hant|en] [--json]',
  summary: 'Read the text of images (PNG, JPEG, TIFF, WebP) and PDFs; one result per page.',
  async run({ hub, out, args }) {
    const { values, positionals } = parseCommandArgs(args, { engine: { type: 'string' }, lang: { type: 'string' }, timeout: { type: 'string' } });
    if (!positionals.length) throw new UsageError('expected one or more files, e.g. `ic ocr scan.png --json`');
    if (values.engine && !['auto', 'ppocr', 'tesseract'].includes(values.engine)) throw new UsageError('--engine takes auto, ppocr or tesseract');
    if (values.lang && !['auto', 'zh-Hans', 'zh-Hant', 'en'].includes(values.lang)) throw new UsageError('--lang takes auto, zh-Hans, zh-Hant or en');
    const files = positionals.map((f) => path.resolve(f));
    const inputs = files.map((f) => ({ file: { path: f }, ...(values.engine ? { engine: values.engine } : {}), ...(values.lang ? { lang: values.lang } : {}) }));
    const h = hub();
    return streamJob(h, () => h.jobs.start('ocr', inputs, values.timeout ? Number(values.timeout) : 30 * 60_000), out, {
      labelOf: (i) => positionals[i],
      expand: (_i, output) => (output as OcrOutput).pages.map(pageLine),
      text: (line) => {
        const p = line as ReturnType<typeof pageLine>;
        return `── ${p.file} page ${p.page} (${p.engine}, rotated ${p.rotation}°, ${Math.round(p.ms)} ms)\n${p.text}`;
      },
    });
  },
};
