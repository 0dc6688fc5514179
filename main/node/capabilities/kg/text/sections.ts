/**
 * Splits a Chinese document into sections by its own headings — 一、 (level 1), (一) / （一） (level 2),
 * 1. / 1、 (level 3) — keeping each section's path. A level 2/3 heading often opens its paragraph
 * ("(一)指導思想。堅持……"): the heading is the text up to the first 。 and the rest is the section's body.
 */

export interface Section {
  /** Headings from the top, e.g. ["二、主要任務", "(一)建立整體高效的運行管理體系", "1.提高政府機關數字化運行管理能力"]. */
  path: string[];
  /** Body paragraphs (heading removed), original text. */
  paragraphs: string[];
}

const NUM = '一二三四五六七八九十百〇零';
const LEVELS: RegExp[] = [
  new RegExp(`^[${NUM}]+、`),
  new RegExp(`^[(（][${NUM}]+[)）]`),
  /^\d{1,2}(?:[.．、](?!\d))/,
];

/** Heading level (0-based) of a paragraph, or -1. */
export function headingLevel(paragraph: string): number {
  return LEVELS.findIndex((re) => re.test(paragraph));
}

function splitHeading(p: string, level: number): { title: string; body: string } {
  if (level === 0) return { title: p, body: '' };
  const end = p.search(/[。:：]/);
  // A short heading line stands alone; a long paragraph has its heading before the first full stop.
  if (end < 0 || end > 60) return p.length <= 60 ? { title: p, body: '' } : { title: p.slice(0, 30), body: p };
  return { title: p.slice(0, end), body: p.slice(end + 1).trim() };
}

/** Sections of a document given as paragraphs (text before the first heading is a section titled `preambleTitle`). */
export function splitSections(paragraphs: string[], preambleTitle: string): Section[] {
  const sections: Section[] = [];
  const path: string[] = [];
  let current: Section = { path: [preambleTitle], paragraphs: [] };
  for (const p of paragraphs) {
    const level = headingLevel(p);
    if (level < 0) {
      current.paragraphs.push(p);
      continue;
    }
    const { title, body } = splitHeading(p, level);
    // A level below a missing parent (1. right under 一、) hangs under the nearest heading above it.
    path.length = Math.min(path.length, level);
    path.push(title);
    sections.push(current);
    current = { path: [...path], paragraphs: body ? [body] : [] };
  }
  sections.push(current);
  // Heading-only sections (一、 right before its (一)) live on as the path prefix of the sections under them.
  return sections.filter((s) => s.paragraphs.length > 0);
}

/** Sentences of a paragraph, ending punctuation kept. */
export function sentences(p: string): string[] {
  return (p.match(/[^。！？!?；;]+[。！？!?；;]?/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

/** Paragraph → passages of whole sentences, each at most about `max` characters. */
export function chunkParagraph(p: string, max = 160): string[] {
  if (p.length <= max) return [p];
  const out: string[] = [];
  let cur = '';
  for (const s of sentences(p)) {
    if (cur && cur.length + s.length > max) {
      out.push(cur);
      cur = '';
    }
    cur += s;
  }
  if (cur) out.push(cur);
  return out;
}
