/**
 * Users' documents to text: .txt and .md directly (markdown headings become section headings), .docx through
 * mammoth, PDFs (text layer or scanned pages) and images through the `ocr` capability, which the hub hands in as
 * `readWithOcr` (it picks the PDF text layer where there is one). The text then goes the same way as the plan.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HubError } from '../../../../common/contract/index.js';
import { parsePolicyText } from './plan.js';
import type { ParsedDocument } from './parsed-document.js';

export type OcrReader = (file: string) => Promise<string>;

export const OCR_EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff', '.bmp', '.webp'];
export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx'];

/** Markdown to plain paragraphs: "# 标题" lines kept as headings (as 一、-style levels need not exist), markup dropped. */
function markdownToText(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, '')
    .split(/\r?\n/)
    .map((l) => {
      const h = l.match(/^(#{1,3})\s+(.*)$/);
      if (h) return `${['一、', '(一)', '1.'][h[1]!.length - 1]}${h[2]!.replace(/^[一二三四五六七八九十]+、|^[(（][一二三四五六七八九十]+[)）]|^\d+[.、]/, '')}`;
      return l.replace(/^\s*[-*+]\s+/, '').replace(/[*_`]/g, '').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
    })
    .join('\n');
}

export async function readDocument(file: string, o: { readWithOcr?: OcrReader; name?: string } = {}): Promise<{ doc: ParsedDocument; reader: string }> {
  const ext = path.extname(file).toLowerCase();
  const title = o.name ?? path.basename(file);
  if (!fs.existsSync(file)) throw new HubError('NOT_FOUND', `file not found: ${file}`);
  let text: string;
  let reader: string;
  if (ext === '.txt') {
    text = fs.readFileSync(file, 'utf8');
    reader = 'text';
  } else if (ext === '.md' || ext === '.markdown') {
    text = markdownToText(fs.readFileSync(file, 'utf8'));
    reader = 'markdown';
  } else if (ext === '.docx') {
    const mammoth = (await import('mammoth')).default;
    try {
      text = (await mammoth.extractRawText({ path: file })).value;
    } catch (err) {
      throw new HubError('BAD_REQUEST', `${path.basename(file)} is not a readable DOCX file: ${(err as Error).message}`);
    }
    reader = 'docx (mammoth)';
  } else if (OCR_EXTENSIONS.includes(ext)) {
    if (!o.readWithOcr) throw new HubError('UNAVAILABLE', `reading ${ext} files needs the ocr capability (no OCR model pack installed)`);
    text = await o.readWithOcr(file);
    reader = ext === '.pdf' ? 'pdf (text layer or OCR)' : 'ocr';
  } else {
    throw new HubError('BAD_REQUEST', `unsupported file type "${ext || path.basename(file)}": use ${[...TEXT_EXTENSIONS, ...OCR_EXTENSIONS].join(', ')}`);
  }
  if (!text.trim()) throw new HubError('BAD_REQUEST', `${path.basename(file)} has no text to index`);
  // A user's document is cited by its file name; its first line stays content.
  return { doc: parsePolicyText(text, { title }), reader };
}
