/**
 * Files picked in the console: limits, reading them as base64 for a FileSource {name, base64}, and which ones the
 * browser can preview. Pure except readBase64 (FileReader), so the limits are unit-tested.
 */

import { MAX_FILE_BYTES, MAX_PREREVIEW_FILES } from '../../main/common/contract/constants.js';
import { t } from './i18n.js';

/** The contract's one file-size limit and pre-review's file count, re-exported for the screens. */
export { MAX_FILE_BYTES };
export const MAX_FILES = MAX_PREREVIEW_FILES;
/** All files of one pre-review travel in one request; keep the whole of it within one file's limit. */
export const MAX_TOTAL_BYTES = MAX_FILE_BYTES;

/** What the OCR loader reads (it judges files by their bytes; this only filters the picker). */
export const ACCEPT = '.png,.jpg,.jpeg,.webp,.tif,.tiff,.pdf,image/png,image/jpeg,image/webp,image/tiff,application/pdf';
export const FORMATS = 'JPG、PNG、WebP、TIFF、PDF';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

export interface FileLike {
  name: string;
  size: number;
}

export interface Screened<F extends FileLike> {
  accepted: F[];
  /** Files not taken, each with the reason (bilingual). */
  refused: { name: string; reason: string }[];
}

/**
 * Which of `incoming` can join `current`: not empty, at most MAX_FILE_BYTES each, not already there (same name and
 * size), at most `maxFiles` in all and (when given) at most `maxTotal` bytes together.
 */
export function screenFiles<F extends FileLike>(
  current: readonly FileLike[],
  incoming: readonly F[],
  opts: { maxFiles?: number; maxTotal?: number } = {},
): Screened<F> {
  const maxFiles = opts.maxFiles ?? MAX_FILES;
  const accepted: F[] = [];
  const refused: Screened<F>['refused'] = [];
  let count = current.length;
  let total = current.reduce((n, f) => n + f.size, 0);
  for (const f of incoming) {
    if (f.size > MAX_FILE_BYTES) {
      refused.push({ name: f.name, reason: t('refusedTooLarge', { size: formatBytes(f.size), max: formatBytes(MAX_FILE_BYTES) }) });
    } else if (f.size === 0) {
      refused.push({ name: f.name, reason: t('refusedEmpty') });
    } else if ([...current, ...accepted].some((c) => c.name === f.name && c.size === f.size)) {
      refused.push({ name: f.name, reason: t('refusedDuplicate') });
    } else if (count >= maxFiles) {
      refused.push({ name: f.name, reason: t('refusedTooMany', { n: maxFiles }) });
    } else if (opts.maxTotal !== undefined && total + f.size > opts.maxTotal) {
      refused.push({ name: f.name, reason: t('refusedTotal', { total: formatBytes(opts.maxTotal) }) });
    } else {
      accepted.push(f);
      count++;
      total += f.size;
    }
  }
  return { accepted, refused };
}

/** Images Chromium shows in an <img> (TIFF it does not); PDF pages have no preview. */
export function isPreviewable(file: { type: string; name: string }): boolean {
  if (/^image\/(png|jpeg|webp|gif|bmp)$/.test(file.type)) return true;
  return !file.type && /\.(png|jpe?g|webp)$/i.test(file.name);
}

/** The file's bytes as base64 (FileReader data URL without its prefix). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.readAsDataURL(file);
  });
}

/** A picked file, with an object URL for previews of images the browser can show. */
export interface PickedFile {
  key: string;
  file: File;
  name: string;
  size: number;
  url: string | null;
}

let seq = 0;
export function toPicked(file: File): PickedFile {
  return { key: `f${++seq}`, file, name: file.name, size: file.size, url: isPreviewable(file) ? URL.createObjectURL(file) : null };
}
