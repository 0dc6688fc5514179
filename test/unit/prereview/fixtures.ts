import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OcrPage, type Box, type OcrLine } from '../../../main/common/contract/index.js';
import type { PrereviewDoc } from '../../../main/node/capabilities/prereview/index.js';

const dir = fileURLToPath(new URL('../../fixtures/prereview/', import.meta.url));

/** OCR pages of a fixture (validated against the contract's OcrPage). */
export function pagesOf(name: string): OcrPage[] {
  const data: unknown = JSON.parse(fs.readFileSync(dir + name + '.json', 'utf8'));
  return OcrPage.array().parse(data);
}

/** A fixture as a submitted document, named as its pages say (or `file`). */
export function doc(name: string, file?: string): PrereviewDoc {
  const pages = pagesOf(name);
  return { file: file ?? pages[0]!.file, pages };
}

/** A quick page: one box per line, stacked 50 px apart, for tests that only care about text. */
export function textPage(lines: Array<string | { t: string; c?: number }>, file = 'inline.png'): OcrPage {
  const ocr: OcrLine[] = lines.map((l, i) => {
    const t = typeof l === 'string' ? l : l.t;
    const c = typeof l === 'string' ? 0.97 : (l.c ?? 0.97);
    const y = 40 + i * 50;
    const w = [...t].length * 30;
    const box: Box = [
      [40, y],
      [40 + w, y],
      [40 + w, y + 30],
      [40, y + 30],
    ];
    return { text: t, box, confidence: c };
  });
  return {
    file,
    page: 1,
    engine: 'test',
    rotation: 0,
    text: ocr.map((l) => l.text).join('\n'),
    lines: ocr,
    ms: 1,
    width: 1200,
    height: 100 + lines.length * 50,
    source: 'ocr',
  };
}
