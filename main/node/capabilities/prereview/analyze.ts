/**
 * From submitted files to documents: each page is classified; a file's pages form one document unless a page
 * clearly starts another (a scan with the application form on page 1 and the ID card on page 2). Pages that look
 * like nothing in particular continue the document before them; pages of a multi-page type (forms, licences,
 * other documents) join a run of the same type; every ID card side and register page is a document of its own.
 */
import type { DocumentType, OcrPage } from '../../../common/contract/index.js';
import { alsoTypesOf, classifyPages } from './doctypes/index.js';
import { extractFields } from './fields/extract.js';
import { buildRows, linesIn, unionBox } from './fields/layout.js';
import { compactForm } from './text.js';
import type { AnalyzedDocument, Classification, PrereviewDoc } from './types.js';

const MULTI_PAGE: DocumentType[] = ['application_form', 'business_license', 'generic'];

/** Where a document starts: of its first rows, the one in the largest type (a title), else the first. */
function titleOf(file: string, pages: OcrPage[]): AnalyzedDocument['title'] {
  for (const p of pages) {
    const rows = buildRows(p).slice(0, 5);
    if (!rows.length) continue;
    const row = rows.reduce((best, r) => (r.lineHeight > best.lineHeight * 1.2 ? r : best), rows[0]!);
    return { file, page: p.page, box: unionBox(linesIn(row, 0, row.text.length)), text: row.text };
  }
  return { file, page: pages[0]?.page ?? 1, box: null, text: '' };
}

function analyzePart(file: string, pages: OcrPage[], c: Classification): AnalyzedDocument {
  const alsoTypes = alsoTypesOf(c);
  const lines = pages.flatMap((p) => p.lines).filter((l) => l.text.trim() !== '');
  return {
    file,
    pages: pages.map((p) => p.page),
    type: c.type,
    score: c.score,
    alsoTypes,
    fields: extractFields(c.type, pages, alsoTypes),
    title: titleOf(file, pages),
    compactText: compactForm(pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n')),
    lineCount: lines.length,
    meanConfidence: lines.length ? lines.reduce((s, l) => s + l.confidence, 0) / lines.length : 1,
  };
}

/** The documents in one file. */
export function analyzeFile(doc: PrereviewDoc): AnalyzedDocument[] {
  const pages = [...doc.pages].sort((a, b) => a.page - b.page);
  if (pages.length <= 1) return [analyzePart(doc.file, pages, classifyPages(pages))];
  const parts: Array<{ pages: OcrPage[]; c: Classification }> = [];
  for (const page of pages) {
    const c = classifyPages([page]);
    const last = parts[parts.length - 1];
    if (last && (c.type === 'generic' || (c.type === last.c.type && MULTI_PAGE.includes(c.type)))) last.pages.push(page);
    else parts.push({ pages: [page], c });
  }
  return parts.map((p) => {
    // A run of pages is classified again as a whole (a form's title is on its first page only).
    const c = p.pages.length > 1 ? classifyPages(p.pages) : p.c;
    return analyzePart(doc.file, p.pages, c.type === 'generic' && p.c.type !== 'generic' ? p.c : c);
  });
}

export function analyzeDocuments(docs: PrereviewDoc[]): AnalyzedDocument[] {
  return docs.flatMap(analyzeFile);
}
