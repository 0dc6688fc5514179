import type { GreyImage } from '../preprocess/image.js';

/**
 * Tesseract as a line recogniser: the text lines PP-OCRv4 found (already cut out upright, deskewed, red seal ink
 * lifted) are stacked one under another on a clean sheet, Tesseract reads the sheet in one call as a single block
 * (PSM 6, no page layout analysis to go wrong on desk texture or a stamp), and each word it returns is put back on
 * the line whose band it sits in.
 */

export interface LineSheet {
  image: GreyImage;
  /** Each line's band on the sheet: [top, bottom) rows, and its left edge. */
  slots: { top: number; bottom: number; left: number; height: number }[];
}

/** Stacks line crops (left-aligned, `gap` rows of paper between and around them, `margin` columns on each side). */
export function buildLineSheet(crops: readonly GreyImage[], o: { gap?: number; margin?: number; paper?: number } = {}): LineSheet {
  const maxH = Math.max(1, ...crops.map((c) => c.height));
  const gap = o.gap ?? Math.round(maxH * 0.6);
  const margin = o.margin ?? maxH;
  const width = Math.max(1, ...crops.map((c) => c.width)) + 2 * margin;
  const height = crops.reduce((h, c) => h + c.height + gap, gap);
  const data = new Uint8Array(width * height).fill(o.paper ?? 255);
  const slots: LineSheet['slots'] = [];
  let y = gap;
  for (const c of crops) {
    for (let k = 0; k < c.height; k++) data.set(c.data.subarray(k * c.width, (k + 1) * c.width), (y + k) * width + margin);
    slots.push({ top: y, bottom: y + c.height, left: margin, height: c.height });
    y += c.height + gap;
  }
  return { image: { data, width, height }, slots };
}

export interface SheetWord {
  text: string;
  /** 0..100, as Tesseract gives it. */
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface SheetLine {
  text: string;
  /** 0..1: the mean confidence of its words, weighted by their length; 0 when nothing was read. */
  confidence: number;
}

const isHan = (c: string | undefined): boolean => !!c && /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u.test(c);

/**
 * Puts Tesseract's words back on the lines of the sheet: a word belongs to the band its vertical centre falls in
 * (bands widened by half the gap to each side), words of a band are read left to right and joined with a space
 * where the gap between them is wide (between two Chinese characters it has to be wider: Tesseract cuts Chinese
 * text into many "words").
 */
export function wordsToLines(words: readonly SheetWord[], sheet: LineSheet): SheetLine[] {
  const per: SheetWord[][] = sheet.slots.map(() => []);
  for (const w of words) {
    const text = w.text.trim();
    if (!text) continue;
    const cy = (w.bbox.y0 + w.bbox.y1) / 2;
    let best = -1;
    let bestD = Infinity;
    sheet.slots.forEach((s, k) => {
      const d = cy < s.top ? s.top - cy : cy >= s.bottom ? cy - s.bottom + 1 : 0;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    });
    if (best >= 0) per[best]!.push({ ...w, text });
  }
  return per.map((ws, k) => {
    const h = sheet.slots[k]!.height;
    ws.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    let text = '';
    let confSum = 0;
    let confN = 0;
    let prev: SheetWord | undefined;
    for (const w of ws) {
      if (prev) {
        const gap = w.bbox.x0 - prev.bbox.x1;
        const han = isHan(prev.text.at(-1)) && isHan(w.text[0]);
        if (gap > (han ? 0.6 : 0.25) * h) text += ' ';
      }
      text += w.text;
      const n = [...w.text].length;
      confSum += w.confidence * n;
      confN += n;
      prev = w;
    }
    return { text, confidence: confN ? Math.min(1, Math.max(0, confSum / confN / 100)) : 0 };
  });
}
