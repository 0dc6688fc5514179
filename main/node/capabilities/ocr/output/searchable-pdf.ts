import { degrees, PDFDocument, type PDFPage } from 'pdf-lib';
import type { OcrOutput, OcrPage } from '../../../../common/contract/index.js';
import { sniff } from '../input/sniff.js';
import { pageImage } from './page-images.js';
import { InvisibleTextFont, type ToUserSpace } from './text-layer.js';

/**
 * A searchable PDF of one input file and its OCR result: every page read, as the original page with the recognised
 * lines as invisible text over it, each line scaled into its box. Image inputs (PNG, JPEG, WebP, TIFF pages)
 * become pages of their size at the image's resolution, turned for display by the rotation OCR found (/Rotate),
 * so a sideways scan reads upright; PDF inputs keep their pages as they are (copied), with text added only to the
 * pages that were read as pixels (pages with their own text layer are searchable already).
 */
export async function searchablePdf(input: Buffer, ocr: OcrOutput): Promise<Uint8Array> {
  const type = sniff(input);
  if (type.kind === 'unsupported') throw new Error(`${ocr.file}: cannot make a PDF of ${type.what}`);
  const doc = await PDFDocument.create();
  doc.setProducer('Intelligent Center OCR');
  doc.setCreator('Intelligent Center');
  const font = new InvisibleTextFont(doc);
  if (type.kind === 'pdf') {
    const src = await PDFDocument.load(input, { ignoreEncryption: false, updateMetadata: false });
    const copied = await doc.copyPages(
      src,
      ocr.pages.map((p) => p.page - 1),
    );
    ocr.pages.forEach((p, i) => {
      const page = doc.addPage(copied[i]!);
      if (p.source === 'ocr') font.drawLines(page, p.lines, pdfPageMapping(page, p));
    });
  } else {
    for (const p of ocr.pages) {
      const img = await pageImage(input, type.kind, p.page - 1);
      const embedded = img.format === 'jpeg' ? await doc.embedJpg(img.bytes) : await doc.embedPng(img.bytes);
      const w = (img.width * 72) / img.dpi;
      const h = (img.height * 72) / img.dpi;
      const page = doc.addPage([w, h]);
      page.drawImage(embedded, { x: 0, y: 0, width: w, height: h });
      if (p.rotation) page.setRotation(degrees(p.rotation));
      // OCR boxes are in the (possibly scaled-down) pixels OCR read; the image fills the page.
      const sx = w / p.width;
      const sy = h / p.height;
      font.drawLines(page, p.lines, ([x, y]) => [x * sx, h - y * sy]);
    }
  }
  font.finish();
  return doc.save({ useObjectStreams: true });
}

/**
 * From the pixels of a rendered PDF page (the page as displayed: crop box, /Rotate applied, y down) to the page's
 * user space (points, y up, not rotated).
 */
export function pdfPageMapping(page: PDFPage, p: Pick<OcrPage, 'width' | 'height'>): ToUserSpace {
  const box = page.getCropBox();
  const rot = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const viewW = rot % 180 === 0 ? box.width : box.height;
  const viewH = rot % 180 === 0 ? box.height : box.width;
  const sx = viewW / p.width;
  const sy = viewH / p.height;
  return ([x, y]) => {
    const vx = x * sx;
    const vy = y * sy;
    switch (rot) {
      case 90:
        return [box.x + vy, box.y + vx];
      case 180:
        return [box.x + box.width - vx, box.y + vy];
      case 270:
        return [box.x + box.width - vy, box.y + box.height - vx];
      default:
        return [box.x + vx, box.y + box.height - vy];
    }
  };
}
