import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { HubError, type OcrOutput } from '../../../../common/contract/index.js';
import { badInput } from '../input/limits.js';
import { selectPages } from '../input/select-pages.js';
import { sniff } from '../input/sniff.js';
import { MIME_OF, outputBase, type OutputFormat } from './formats.js';
import { renderOutput } from './render-output.js';

/** One output file of one OCR'd input. */
export interface ExportedFile {
  /** <input name without extension>.<format> */
  name: string;
  mime: string;
  bytes: Buffer;
}

/** Writes the audit entry of an export (FeatureContext.audit in the hub, Hub.audit.action in the CLI). */
export type RecordExport = (action: string, details: Record<string, unknown>, fields: { capability: string; inputs: { sha256: string; bytes: number }[]; verdict: string }) => void;

/**
 * The one path of every OCR output file, for `ic ocr --format` and the `ocr.export` method: checks that the OCR
 * result belongs to the input (its pages exist in the file), renders the format with the CLI's writers and writes
 * one audit entry — the input's SHA-256 and size (the same digest as the OCR job's own entry, which links the two),
 * the format and the page count; never the file's name or text.
 */
export async function exportOcrFile(
  format: OutputFormat,
  input: Buffer,
  inputName: string,
  o: OcrOutput,
  record: RecordExport,
  opts: { maxBytes?: number } = {},
): Promise<ExportedFile> {
  await checkPages(input, inputName, o);
  const bytes = await renderOutput(format, input, o).catch((err: unknown) => {
    // pdf-lib will not copy the pages of an encrypted PDF; that is the file, not a fault of the hub. Matched by message:
    // pdf-lib's ES5-compiled EncryptedPDFError is a plain Error at run time (instanceof and name do not tell).
    if (err instanceof Error && /^Input document to `PDFDocument.load` is encrypted/.test(err.message)) throw badInput(inputName, `the PDF is encrypted: no ${format} can be made of its pages (the text and JSON can)`);
    throw err;
  });
  if (opts.maxBytes !== undefined && bytes.length > opts.maxBytes) {
    throw badInput(
      inputName,
      `the ${format} file would be ${Math.round(bytes.length / 2 ** 20)} MiB, over the ${opts.maxBytes / 2 ** 20} MiB a download carries; write it with \`ic ocr --format ${format} --out-dir DIR\``,
    );
  }
  record(
    'ocr.export',
    { format, pages: o.pages.length, outputBytes: bytes.length },
    { capability: 'ocr', inputs: [{ sha256: createHash('sha256').update(input).digest('hex'), bytes: input.length }], verdict: 'exported' },
  );
  return { name: `${outputBase(inputName)}.${format}`, mime: MIME_OF[format], bytes };
}

/**
 * An OCR result given back by a caller must be of this file: a readable image or PDF that has every page the result
 * names (a result of another file would make a PDF of the wrong pages, or fail deep in a writer). BAD_REQUEST if not.
 */
async function checkPages(input: Buffer, file: string, o: OcrOutput): Promise<void> {
  if (input.length === 0) throw badInput(file, 'the file is empty (0 bytes)');
  const type = sniff(input);
  if (type.kind === 'unsupported') throw badInput(file, `unsupported file type: it is ${type.what}; expected PNG, JPEG, TIFF, WebP or PDF`);
  let count: number;
  try {
    // Only a PDF's page tree is read (not its encrypted strings): one OCR could open still gives text, JSON and xlsx.
    if (type.kind === 'pdf') count = (await PDFDocument.load(input, { ignoreEncryption: true, updateMetadata: false })).getPageCount();
    else count = (await sharp(input).metadata()).pages ?? 1;
  } catch (err) {
    if (err instanceof HubError) throw err;
    throw badInput(file, `cannot be read as ${type.kind.toUpperCase()} (${(err as Error).message})`);
  }
  selectPages(
    file,
    count,
    o.pages.map((p) => p.page),
    type.kind === 'pdf' ? 'PDF' : 'image',
  );
}
