/** What a file is, judged by its first bytes (never by its name). */
export type InputKind = 'png' | 'jpeg' | 'tiff' | 'webp' | 'pdf';

export type Sniffed = { kind: InputKind } | { kind: 'unsupported'; what: string };

const startsWith = (b: Buffer, bytes: number[], at = 0) => bytes.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, s: string, at = 0) => b.length >= at + s.length && b.toString('latin1', at, at + s.length) === s;

export function sniff(b: Buffer): Sniffed {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'png' };
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { kind: 'jpeg' };
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return { kind: 'tiff' };
  if (startsWith(b, [0x49, 0x49, 0x2b, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2b])) return { kind: 'tiff' }; // BigTIFF
  if (ascii(b, 'RIFF') && ascii(b, 'WEBP', 8)) return { kind: 'webp' };
  // The PDF header may follow some junk; readers accept it anywhere in the first 1 KiB.
  if (b.subarray(0, 1024).includes('%PDF-')) return { kind: 'pdf' };

  if (ascii(b, 'GIF87a') || ascii(b, 'GIF89a')) return { kind: 'unsupported', what: 'a GIF image' };
  if (ascii(b, 'BM')) return { kind: 'unsupported', what: 'a BMP image' };
  if (ascii(b, 'ftyp', 4) && /^(heic|heix|hevc|mif1|msf1|avif)$/.test(b.toString('latin1', 8, 12))) return { kind: 'unsupported', what: 'a HEIC/AVIF image' };
  if (startsWith(b, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50])) return { kind: 'unsupported', what: 'a JPEG 2000 image' };
  if (ascii(b, 'PK\x03\x04')) return { kind: 'unsupported', what: 'a ZIP archive (or an Office document such as .docx)' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'unsupported', what: 'an old Office document (.doc/.xls)' };
  if (looksLikeText(b)) return { kind: 'unsupported', what: 'a text file' };
  return { kind: 'unsupported', what: 'of an unknown format' };
}

function looksLikeText(b: Buffer): boolean {
  const head = b.subarray(0, 4096);
  if (!head.length) return false;
  let bad = 0;
  for (const c of head) if (c === 0 || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b)) bad++;
  if (bad > head.length * 0.02) return false;
  // Valid UTF-8 (or plain ASCII)? A cut-off last character is fine.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  const replacements = (text.match(/\uFFFD/g) ?? []).length;
  return replacements <= 1;
}

export const KIND_LABEL: Record<InputKind, string> = { png: 'PNG', jpeg: 'JPEG', tiff: 'TIFF', webp: 'WebP', pdf: 'PDF' };
