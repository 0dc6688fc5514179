import { isTraditionalOnly } from './script-detect.js';

/**
 * One line read by two recognisers on a traditional-Chinese page: Tesseract chi_tra (`tess`, the reading kept) and
 * PP-OCRv4 (`pp`). PP-OCRv4 leans to simplified forms; when it nevertheless reads a traditional-only character
 * where Tesseract read a different one, it saw that character (Tesseract confuses look-alikes such as 遠/袁), so
 * PP-OCRv4's character is taken there. Everything else — Tesseract's other characters, its spaces, characters
 * only one of them read — stays as Tesseract read it. Characters are aligned by edit distance, spaces ignored.
 */
export function fuseTraditional(tess: string, pp: string): string {
  const t = [...tess];
  const tIdx: number[] = [];
  t.forEach((c, i) => {
    if (!/\s/.test(c)) tIdx.push(i);
  });
  const a = tIdx.map((i) => t[i]!);
  const b = [...pp].filter((c) => !/\s/.test(c));
  if (!a.length || !b.length || !b.some(isTraditionalOnly)) return tess;
  // Edit-distance table, then walk back for the substitutions.
  const n = a.length;
  const m = b.length;
  const d = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => i * (m + 1) + j;
  for (let i = 0; i <= n; i++) d[at(i, 0)] = i;
  for (let j = 0; j <= m; j++) d[at(0, j)] = j;
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      const sub = d[at(i - 1, j - 1)]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      d[at(i, j)] = Math.min(sub, d[at(i - 1, j)]! + 1, d[at(i, j - 1)]! + 1);
    }
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const here = d[at(i, j)]!;
    if (here === d[at(i - 1, j - 1)]! + (a[i - 1] === b[j - 1] ? 0 : 1)) {
      const pc = b[j - 1]!;
      if (a[i - 1] !== pc && isTraditionalOnly(pc)) t[tIdx[i - 1]!] = pc;
      i--;
      j--;
    } else if (here === d[at(i - 1, j)]! + 1) i--;
    else j--;
  }
  return t.join('');
}
