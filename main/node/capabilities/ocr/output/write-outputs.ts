import fs from 'node:fs/promises';
import path from 'node:path';
import type { OcrOutput } from '../../../../common/contract/index.js';
import { exportOcrFile, type RecordExport } from './export-file.js';
import { outputBase, type OutputFormat } from './formats.js';

/**
 * `ic ocr --format … --out-dir DIR`: writes DIR/<name>.<ext> for each format, through the same export path as the
 * console's `ocr.export` (one audit entry per file). `name` is the input's file name without its extension, made
 * unique among the names already `taken` in this run (scan.png and scan.jpg → scan.pdf, scan-2.pdf). Returns the paths.
 */
export async function writeOutputs(
  formats: readonly OutputFormat[],
  inputPath: string,
  o: OcrOutput,
  outDir: string,
  taken: Set<string>,
  record: RecordExport,
): Promise<string[]> {
  const input = await fs.readFile(inputPath);
  const name = outputBase(inputPath, taken);
  await fs.mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const f of formats) {
    const file = path.join(outDir, `${name}.${f}`);
    await fs.writeFile(file, (await exportOcrFile(f, input, inputPath, o, record)).bytes);
    written.push(file);
  }
  return written;
}
