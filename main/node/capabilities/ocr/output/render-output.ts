import type { OcrOutput } from '../../../../common/contract/index.js';
import { loadPages } from '../input/load-pages.js';
import { searchablePdf } from './searchable-pdf.js';
import { pageTables, type PageTables } from './tables/page-tables.js';
import { tablesWorkbook } from './xlsx.js';

import type { OutputFormat } from './formats.js';

/** Plain text: each page's lines in reading order, pages separated by a form feed (as pdftotext does). */
export const plainText = (o: OcrOutput): string => o.pages.map((p) => `${p.text}\n`).join('\f');

/**
 * The tables and other text of every page read: ruled tables from the page's pixels (the same loader as OCR, so
 * the same pixels and sizes), filled with the OCR lines. Pages that came from a PDF's own text layer have no
 * pixels here: their text goes to the text sheet.
 */
export async function fileTables(input: Buffer, o: OcrOutput): Promise<PageTables[]> {
  const byPage = new Map(o.pages.map((p) => [p.page, p]));
  const out: PageTables[] = [];
  const wanted = o.pages.map((p) => p.page);
  for await (const loaded of loadPages({ name: o.file, base64: input.toString('base64') }, { pages: wanted })) {
    const page = byPage.get(loaded.page);
    if (!page) continue;
    if (loaded.kind === 'raster' && page.source === 'ocr') out.push(pageTables(loaded.raster, page));
    else out.push({ page: page.page, tables: [], outside: page.lines.map((l) => l.text) });
  }
  return out;
}

/** The bytes of one output format for one input file and its OCR result. */
export async function renderOutput(format: OutputFormat, input: Buffer, o: OcrOutput): Promise<Buffer> {
  switch (format) {
    case 'txt':
      return Buffer.from(plainText(o), 'utf8');
    case 'json':
      return Buffer.from(JSON.stringify(o, null, 1) + '\n', 'utf8');
    case 'pdf':
      return Buffer.from(await searchablePdf(input, o));
    case 'xlsx':
      return tablesWorkbook(await fileTables(input, o));
  }
}
