import sharp from 'sharp';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A simple document page (title + left-aligned lines) rendered from SVG, as a PNG buffer: what a scanner gives. */
export async function renderPage(lines: string[], o: { font?: string; width?: number; rotate?: 0 | 90 | 180 | 270 } = {}): Promise<Buffer> {
  const width = o.width ?? 1240;
  const size = 34;
  const gap = 62;
  const height = Math.max(900, 200 + lines.length * gap);
  const font = o.font ?? 'Noto Sans CJK SC';
  const texts = lines
    .map((l, i) =>
      i === 0
        ? `<text x="${width / 2}" y="120" text-anchor="middle" font-size="${size + 12}" font-weight="bold">${esc(l)}</text>`
        : `<text x="110" y="${150 + i * gap}" font-size="${size}">${esc(l)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fbfaf6"/><g font-family="${font}" fill="#111">${texts}</g></svg>`;
  let img = sharp(Buffer.from(svg)).flatten({ background: '#fbfaf6' });
  if (o.rotate) img = sharp(await img.png().toBuffer()).rotate(o.rotate);
  return img.png().toBuffer();
}
