import fs from 'node:fs';
import path from 'node:path';
import { HubError, type DocBlock, type DocFormat, type TranslatedSegment, type TranslateLang } from '../../../../common/contract/index.js';
import { writeTmx } from '../tm/tmx.js';
import { blockTargets } from '../translate-blocks.js';
import { readDocx, writeDocx } from './docx.js';
import type { Doc } from './model.js';
import { readMarkdown, readTxt, writeMarkdown, writeTxt } from './text.js';
import { readXliff, writeXliff12, writeXliff20 } from './xliff.js';

const byExt: Record<string, DocFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.docx': 'docx',
  '.xlf': 'xliff12',
  '.xliff': 'xliff12',
  '.tmx': 'tmx',
};
const imageOrPdf = /\.(png|jpe?g|tiff?|bmp|webp|pdf)$/i;

/** Output format for a file name (.xlf/.xliff write XLIFF 1.2 unless `xliff2` is asked for). */
export function formatForName(name: string, xliff2 = false): DocFormat {
  const f = byExt[path.extname(name).toLowerCase()];
  if (!f) throw new HubError('BAD_REQUEST', `unknown document type "${path.extname(name) || name}" (use .txt .md .docx .xlf/.xliff .tmx)`);
  return f === 'xliff12' && xliff2 ? 'xliff20' : f;
}

export const needsOcr = (name: string) => imageOrPdf.test(name);

/** Reads a document into blocks; images and PDFs go through `ocrText` (the ocr capability) first. */
export async function readDocument(name: string, bytes: Buffer, ocrText?: (name: string, bytes: Buffer) => Promise<string>): Promise<Doc & { srcLang?: TranslateLang }> {
  if (needsOcr(name)) {
    if (!ocrText) throw new HubError('UNAVAILABLE', `reading ${path.basename(name)} needs the ocr capability`);
    return { ...readTxt(await ocrText(name, bytes)), format: 'txt' };
  }
  const f = formatForName(name);
  switch (f) {
    case 'txt':
      return readTxt(bytes.toString('utf8'));
    case 'md':
      return readMarkdown(bytes.toString('utf8'));
    case 'docx':
      return readDocx(bytes);
    case 'tmx':
      throw new HubError('BAD_REQUEST', 'a .tmx file is a translation memory: import it with `ic tm import`');
    default:
      return readXliff(bytes.toString('utf8'));
  }
}

export async function readDocumentFile(file: string, ocrText?: (name: string, bytes: Buffer) => Promise<string>) {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new HubError('NOT_FOUND', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return readDocument(file, bytes, ocrText);
}

/** Writes translated segments in a format; the blocks give the document's structure back. */
export async function writeDocument(
  format: DocFormat,
  blocks: readonly DocBlock[],
  segments: readonly TranslatedSegment[],
  from: TranslateLang,
  to: TranslateLang,
): Promise<Buffer> {
  const doc: Doc = { format, blocks: [...blocks] };
  const targets = blockTargets(blocks, segments, to);
  switch (format) {
    case 'txt':
      return Buffer.from(writeTxt(doc, targets));
    case 'md':
      return Buffer.from(writeMarkdown(doc, targets));
    case 'docx':
      return writeDocx(doc, targets);
    case 'xliff12':
      return Buffer.from(writeXliff12(blocks, segments, from, to));
    case 'xliff20':
      return Buffer.from(writeXliff20(blocks, segments, from, to));
    case 'tmx':
      return Buffer.from(writeTmx(segments.filter((s) => s.tgt.trim()).map((s) => ({ srcLang: from, tgtLang: to, src: s.src, tgt: s.tgt }))));
  }
}
