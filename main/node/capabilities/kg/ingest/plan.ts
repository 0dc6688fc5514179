/**
 * Reads a Chinese policy document as received (the provincial plan): drops inline English glosses, image file
 * names and the trailing link/file lines, takes the title (first line) and the date (the line after 時間:), and
 * splits the rest by the document's own headings.
 */
import { stripGlosses } from '../text/glosses.js';
import { splitSections } from '../text/sections.js';
import type { ParsedDocument } from './parsed-document.js';

const NOISE = [/^\d+\.(png|jpe?g|gif|bmp)$/i, /\.(pdf|docx?)$/i, /^(原文鏈接|原文链接|文章作者|文章來源|文章来源|時間|时间)[:：]/, /^https?:\/\//];

/** `title`: the document's name when known (a user's file); otherwise its first line is the title. */
export function parsePolicyText(raw: string, o: { title?: string } = {}): ParsedDocument {
  const lines = stripGlosses(raw.replace(/^\uFEFF/, ''))
    .split(/\r?\n/)
    .map((l) => l.trim());
  let effectiveDate: string | null = null;
  const paragraphs: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l) continue;
    if (/^(時間|时间|發布日期|发布日期|日期)[:：]/.test(l)) {
      const m = (l + ' ' + (lines[i + 1] ?? '')).match(/(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})/);
      if (m) {
        effectiveDate = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
        if (!/\d{4}/.test(l)) i++;
      }
      continue;
    }
    if (NOISE.some((re) => re.test(l))) continue;
    // Metadata values left alone on their line (the source's publisher under 文章來源:).
    if (paragraphs.length && lines[i - 1] && /[:：]$/.test(lines[i - 1]!)) continue;
    paragraphs.push(l);
  }
  const title = o.title ?? paragraphs.shift() ?? 'untitled';
  return { title, effectiveDate, sections: splitSections(paragraphs, title) };
}
