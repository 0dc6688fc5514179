import sharp from 'sharp';
import type { InputKind } from '../input/sniff.js';

/** One page of an image file as it is shown (EXIF orientation applied), ready to go into a PDF. */
export interface PageImage {
  bytes: Buffer;
  format: 'png' | 'jpeg';
  width: number;
  height: number;
  /** Pixels per inch from the file, or DEFAULT_DPI when it carries none (or an implausible one). */
  dpi: number;
}

/** Scans without a resolution in their header are taken as 200 dpi (what counter scanners mostly use). */
export const DEFAULT_DPI = 200;

/**
 * Page `index` (from 0; TIFF pages) of a PNG, JPEG, WebP or TIFF. A JPEG or PNG that needs no turning goes in as
 * its own bytes (no second lossy encoding); anything else is re-encoded losslessly as PNG.
 */
export async function pageImage(buf: Buffer, kind: Exclude<InputKind, 'pdf'>, index: number): Promise<PageImage> {
  const meta = await sharp(buf, kind === 'tiff' ? { page: index } : {}).metadata();
  const dpi = meta.density && meta.density >= 50 && meta.density <= 1200 ? meta.density : DEFAULT_DPI;
  const upright = (meta.orientation ?? 1) === 1;
  // pdf-lib embeds 8-bit PNGs and baseline/progressive JPEGs; 16-bit or palette-with-alpha PNGs are re-encoded.
  if (upright && kind === 'jpeg' && meta.channels !== 4) return { bytes: buf, format: 'jpeg', width: meta.width!, height: meta.height!, dpi };
  if (upright && kind === 'png' && meta.depth === 'uchar' && !meta.hasAlpha) return { bytes: buf, format: 'png', width: meta.width!, height: meta.height!, dpi };
  const { data, info } = await sharp(buf, kind === 'tiff' ? { page: index } : {})
    .rotate()
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 6 })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, format: 'png', width: info.width, height: info.height, dpi };
}
