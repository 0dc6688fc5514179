import sharp, { type Metadata } from 'sharp';
import type { LoadedPage, RasterPage } from '../engine.js';
import { badInput, fitWithin, INPUT_LIMITS, megapixels, throwIfCancelled } from './limits.js';
import { KIND_LABEL, type InputKind } from './sniff.js';
import { selectPages } from './select-pages.js';

type ImageKind = Exclude<InputKind, 'pdf'>;

/**
 * Pages of a PNG, JPEG, WebP (first frame) or TIFF (every page) as 3-channel 8-bit pixels, EXIF/TIFF orientation
 * applied, transparency flattened onto white, scaled down to INPUT_LIMITS.maxSide. Sizes are checked from the
 * headers before any pixel is decoded, so a small file declaring gigapixels is refused without allocating them.
 */
export async function* imagePages(
  file: string,
  buf: Buffer,
  kind: ImageKind,
  o: { pages?: number[]; signal?: AbortSignal },
): AsyncGenerator<LoadedPage> {
  const label = KIND_LABEL[kind];
  const meta = await headerOf(file, buf, kind);
  const count = kind === 'tiff' ? Math.max(1, meta.pages ?? 1) : 1;
  const wanted = selectPages(file, count, o.pages, label);
  for (const n of wanted) {
    throwIfCancelled(o.signal, file);
    const pageMeta = count > 1 ? await headerOf(file, buf, kind, n - 1) : meta;
    const where = count > 1 ? `page ${n} is` : 'the image is';
    const { width, height } = pageMeta;
    if (!width || !height) throw badInput(file, `${where} without a size: the ${label} header is damaged`);
    if (width * height > INPUT_LIMITS.maxPagePixels)
      throw badInput(
        file,
        `${where} ${megapixels(width, height)}, over the ${INPUT_LIMITS.maxPagePixels / 1e6} MP limit (refused as a possible decompression bomb)`,
      );
    yield { page: n, kind: 'raster', raster: await decode(file, buf, kind, count > 1 ? n - 1 : undefined) };
  }
}

async function headerOf(file: string, buf: Buffer, kind: ImageKind, page?: number): Promise<Metadata> {
  try {
    return await sharp(buf, { limitInputPixels: false, ...(page === undefined ? {} : { page }) }).metadata();
  } catch (err) {
    throw badInput(file, reasonOf(err, KIND_LABEL[kind]));
  }
}

async function decode(file: string, buf: Buffer, kind: ImageKind, page: number | undefined): Promise<RasterPage> {
  try {
    const { data, info } = await sharp(buf, {
      failOn: 'error', // truncated and corrupt data fail; mere warnings (common in scanner JPEGs) do not
      limitInputPixels: INPUT_LIMITS.maxPagePixels,
      ...(page === undefined ? {} : { page }),
    })
      .rotate() // EXIF / TIFF orientation: pixels as a viewer shows them
      .resize({ width: INPUT_LIMITS.maxSide, height: INPUT_LIMITS.maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels`);
    return { data, width: info.width, height: info.height, channels: 3 };
  } catch (err) {
    throw badInput(file, reasonOf(err, KIND_LABEL[kind]));
  }
}

/** Raw pixels (e.g. a rendered PDF page) as a RasterPage: 3 channels, within maxSide. */
export async function rasterFromPixels(data: Buffer | Uint8Array | Uint8ClampedArray, width: number, height: number, channels: 1 | 3 | 4): Promise<RasterPage> {
  const fit = fitWithin(width, height);
  const input = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const out = await sharp(input, { raw: { width, height, channels } })
    .resize(fit.scale < 1 ? { width: fit.width, height: fit.height, fit: 'fill' } : undefined)
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { data: out.data, width: out.info.width, height: out.info.height, channels: 3 };
}

function reasonOf(err: unknown, label: string): string {
  const msg = err instanceof Error ? err.message : String(err);
  const first = msg.split('\n')[0]!.trim();
  if (/exceeds pixel limit/i.test(msg)) return `the image is over the ${INPUT_LIMITS.maxPagePixels / 1e6} MP limit (refused as a possible decompression bomb)`;
  if (/premature end|truncat|unexpected end|end of (file|stream|data)|not enough data/i.test(msg))
    return `the file is truncated: the ${label} data ends early (${first})`;
  if (/unsupported image format/i.test(msg)) return `not a readable ${label} image (${first})`;
  if (/out of memory/i.test(msg)) return `the image is too big to decode (${first})`;
  if (/read error|crc|corrupt|invalid|bad|damaged|error/i.test(msg)) return `the ${label} data is corrupt (${first})`;
  return `cannot decode the ${label} image (${first})`;
}
