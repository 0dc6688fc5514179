// What the page renderers of the benchmarks (render-ocr-eval, render-table-eval, render-marks-eval,
// make-synthetic-tsv) and the tests' test/unit/ocr/render-doc.ts draw alike: seeded random numbers, SVG text
// escaping, the round red seal of an issuing office, and the "scanned" look (blur, grain, JPEG).
import sharp from 'sharp';

/** mulberry32: a small seeded PRNG, uniform in [0, 1): the same seed draws the same page. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of xs, drawn with rand. */
export const pick = (rand, xs) => xs[Math.floor(rand() * xs.length)];

/** Text (or an attribute value) made safe for SVG. */
export const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A round official seal as an SVG group centred at (cx, cy), radius r: the ring, a five-pointed star, the office's
 * name along the upper arc and the seal's kind (e.g. 专用章) under the star.
 * @param {{ cx: number, cy: number, r: number, font: string, ring: string, kind: string, colour: string,
 *   glyphScale: number, opacity?: number }} s
 */
export function roundSealSvg(s) {
  const { cx, cy, r } = s;
  const chars = [...s.ring];
  const size = Math.round(r * s.glyphScale);
  const glyphs = chars
    .map((c, i) => {
      const a = -205 + (230 * (i + 0.5)) / chars.length;
      const rad = (a * Math.PI) / 180;
      const gx = cx + Math.cos(rad) * r * 0.74;
      const gy = cy + Math.sin(rad) * r * 0.74;
      return `<text x="${gx.toFixed(1)}" y="${gy.toFixed(1)}" font-size="${size}" text-anchor="middle" dominant-baseline="central" transform="rotate(${(a + 90).toFixed(1)} ${gx.toFixed(1)} ${gy.toFixed(1)})">${xmlEscape(c)}</text>`;
    })
    .join('');
  const star = Array.from({ length: 10 }, (_, i) => {
    const rr = i % 2 === 0 ? r * 0.26 : r * 0.1;
    const a = (-90 + i * 36) * (Math.PI / 180);
    return `${(cx + Math.cos(a) * rr).toFixed(1)},${(cy + Math.sin(a) * rr).toFixed(1)}`;
  }).join(' ');
  const opacity = s.opacity === undefined ? '' : ` opacity="${s.opacity}"`;
  const nl = '\n    ';
  return `<g fill="${s.colour}" stroke="none" font-family="${s.font}" font-weight="bold"${opacity}>${nl}<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${s.colour}" stroke-width="${Math.max(3, r * 0.05).toFixed(1)}"/>${nl}<polygon points="${star}"/>${glyphs}${nl}<text x="${cx}" y="${cy + r * 0.55}" font-size="${Math.round(size * 0.9)}" text-anchor="middle">${xmlEscape(s.kind)}</text></g>`;
}

/**
 * A drawn page made to look scanned: a slight blur, grain of ±grain/2 per channel (drawn with rand), JPEG.
 * @param {import('sharp').Sharp} img @param {() => number} rand @param {{ blur: number, grain: number, quality: number }} o
 */
export async function asScan(img, rand, o) {
  const { data, info } = await img.blur(o.blur).raw().toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i] + Math.round((rand() - 0.5) * o.grain)));
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).jpeg({ quality: o.quality }).toBuffer();
}
