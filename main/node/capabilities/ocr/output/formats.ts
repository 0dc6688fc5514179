import { OCR_EXPORT_FORMATS, type OcrExportFormat } from '../../../../common/contract/constants.js';

/** The files `ic ocr --format` writes and `ocr.export` returns (the contract's list; kept apart from the writers so the CLI can list them without loading them). */
export const OUTPUT_FORMATS = OCR_EXPORT_FORMATS;
export type OutputFormat = OcrExportFormat;

/** MIME type of each format, for the console's download (Blob type). */
export const MIME_OF: Readonly<Record<OutputFormat, string>> = {
  txt: 'text/plain;charset=utf-8',
  json: 'application/json',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The file name of one output: the input's name without folders or extension, plus the format's extension
 * (scan.png → scan.pdf). `taken` (names already used in one run) makes it unique: scan.png and scan.jpg → scan, scan-2.
 */
export function outputBase(inputName: string, taken?: Set<string>): string {
  const base = (inputName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '') || 'page';
  if (!taken) return base;
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}-${k}`;
  taken.add(name);
  return name;
}
