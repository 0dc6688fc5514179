import type { Box, OcrLine } from '../../../../common/contract/index.js';
import type { PdfTextItem, PdfViewport } from './pdfjs.js';

/** How much of a text layer is real text: characters that are not blank, and those of them that are readable. */
export interface TextStats {
  chars: number;
  good: number;
}

/** Replacement, control and private-use characters: what a font without a usable ToUnicode map produces. */
const UNREADABLE = /[\uFFFD\u0000-\u0008\u000E-\u001F\uE000-\uF8FF]/u;

export function textStats(items: PdfTextItem[]): TextStats {
  let chars = 0;
  let good = 0;
  for (const it of items)
    for (const ch of it.str) {
      if (/\s/u.test(ch)) continue;
      chars++;
      if (!UNREADABLE.test(ch)) good++;
    }
  return { chars, good };
}

interface Run {
  text: string;
  /** Baseline origin, text direction (unit), up direction (unit), all in PDF user space. */
  ox: number;
  oy: number;
  ux: number;
  uy: number;
  vx: number;
  vy: number;
  width: number;
  height: number;
  eol: boolean;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;
const ASCENT = 0.85;
const DESCENT = 0.15;

/**
 * Groups a page's text items into lines, in content order, with boxes in viewport pixels (four corners clockwise
 * from the top-left of the text, so rotated text keeps its direction). A new line starts at an end-of-line mark,
 * a change of direction, a baseline jump of half a line, a step back, or a gap wider than three characters.
 */
export function textLines(items: PdfTextItem[], viewport: PdfViewport): OcrLine[] {
  const runs: Run[] = [];
  for (const it of items) {
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = it.transform;
    const ul = Math.hypot(a, b) || 1;
    const vl = Math.hypot(c, d) || 1;
    const height = it.height || vl;
    runs.push({ text: it.str, ox: e, oy: f, ux: a / ul, uy: b / ul, vx: c / vl, vy: d / vl, width: it.width, height, eol: it.hasEOL });
  }

  const lines: OcrLine[] = [];
  let cur: { runs: Run[]; start: Run; end: number } | undefined;
  const flush = () => {
    if (cur) {
      const line = toLine(cur.runs, viewport);
      if (line) lines.push(line);
    }
    cur = undefined;
  };
  for (const r of runs) {
    if (!r.text.trim()) {
      // A blank run only separates words; its end-of-line mark still ends the line.
      if (cur && r.text.length) cur.runs.push(r);
      if (r.eol) flush();
      continue;
    }
    if (cur) {
      const s = cur.start;
      const sameDir = Math.abs(s.ux * r.ux + s.uy * r.uy) > 0.99 && s.ux * r.ux + s.uy * r.uy > 0;
      const along = (r.ox - s.ox) * s.ux + (r.oy - s.oy) * s.uy; // where this run starts, along the line
      const across = (r.ox - s.ox) * s.vx + (r.oy - s.oy) * s.vy; // how far off the baseline
      const h = Math.max(s.height, r.height);
      if (!sameDir || Math.abs(across) > h * 0.5 || along < cur.end - h * 0.5 || along > cur.end + h * 3) flush();
    }
    if (!cur) cur = { runs: [], start: r, end: 0 };
    cur.runs.push(r);
    const s = cur.start;
    cur.end = Math.max(cur.end, (r.ox - s.ox) * s.ux + (r.oy - s.oy) * s.uy + r.width);
    if (r.eol) flush();
  }
  flush();
  return lines;
}

function toLine(runs: Run[], viewport: PdfViewport): OcrLine | undefined {
  const s = runs[0]!;
  let text = '';
  let prevEnd: number | undefined;
  let lo = Infinity;
  let hi = -Infinity;
  let down = 0;
  let up = 0;
  for (const r of runs) {
    const along = (r.ox - s.ox) * s.ux + (r.oy - s.oy) * s.uy;
    const across = (r.ox - s.ox) * s.vx + (r.oy - s.oy) * s.vy;
    if (prevEnd !== undefined && text && r.text.trim()) {
      const gap = along - prevEnd;
      const joinCjk = CJK.test(text.at(-1)!) && CJK.test(r.text[0]!);
      if (gap > r.height * 0.25 && !joinCjk && !/\s$/.test(text) && !/^\s/.test(r.text)) text += ' ';
    }
    text += r.text;
    if (r.text.trim()) {
      lo = Math.min(lo, along);
      hi = Math.max(hi, along + r.width);
      up = Math.max(up, across + r.height * ASCENT);
      down = Math.min(down, across - r.height * DESCENT);
    }
    prevEnd = along + r.width;
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (!text || !Number.isFinite(lo)) return undefined;
  const at = (t: number, n: number): [number, number] => {
    const x = s.ox + s.ux * t + s.vx * n;
    const y = s.oy + s.uy * t + s.vy * n;
    const [px = 0, py = 0] = viewport.convertToViewportPoint(x, y);
    return [round(px), round(py)];
  };
  const box: Box = [at(lo, up), at(hi, up), at(hi, down), at(lo, down)];
  return { text, box, confidence: 1 };
}

const round = (v: number) => Math.round(v * 10) / 10;
