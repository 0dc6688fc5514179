// Renders the OCR evaluation documents (a TSV: id, font family, lines separated by |) as scanned pages in several
// degradations, deterministically (same TSV row + same sharp/libvips + same fonts => same bytes), into a cache folder.
//
//   node scripts/bench/render-ocr-eval.mjs [--tsv FILE] [--out DIR] [--variants clean,seal] [--docs id1,id2]
//
// Pages are A5 portrait at 200 dpi (A4 when a document is too long), off-white paper with a little scanner noise,
// the first line as a centred title, the other lines left-aligned. Text is drawn by librsvg through fontconfig, so the
// named font must be installed (Debian: fonts-noto-cjk, fonts-dejavu-core); a missing font is an error, not a fallback.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { rng, xmlEscape } from './render-common.mjs';
import { cliOptions, isMainModule } from './script-args.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Bump when the drawing changes, so cached images are not reused across renderer versions. */
export const RENDER_VERSION = 1;

export const VARIANTS = /** @type {const} */ (['clean', 'skew', 'lowres', 'rot90', 'rot180', 'photo', 'seal']);

/** @type {Record<string, string>} */
export const VARIANT_DESCRIPTIONS = {
  clean: 'flat 200 dpi scan, off-white paper, PNG',
  skew: 'page rotated 2–4° (either way) on the scanner glass, grey bed showing in the corners, PNG',
  lowres: 'downscaled to 0.5 (≈100 dpi), saved as JPEG quality 70',
  rot90: 'page turned 90° clockwise, PNG',
  rot180: 'page upside down, PNG',
  photo: 'phone photo: perspective (keystone) warp onto a desk, uneven lighting and a soft shadow, warm cast, sensor noise, blur σ≈1.1, JPEG quality 78',
  seal: 'clean scan with a semi-transparent red round seal (ring, star, text) stamped over the lower lines, PNG',
};

export const DEFAULT_TSV = path.resolve(repoRoot, '..', 'shared', 'eval', 'ocr-dev.tsv');
export const DEFAULT_CACHE_DIR = path.join(os.tmpdir(), 'intelligent-center-bench', 'ocr');

const DPI = 200;
const mm = (v) => Math.round((v / 25.4) * DPI);
const A5 = { width: mm(148), height: mm(210) };
const A4 = { width: mm(210), height: mm(297) };

// ---------------------------------------------------------------- TSV

/**
 * One document a row: id, font family, lines separated by `|`. `#` lines and blank lines are skipped.
 * @param {string} text
 * @param {string} [source] shown in errors
 * @returns {{ id: string, font: string, lines: string[] }[]}
 */
export function parseEvalTsv(text, source = 'TSV') {
  /** @type {{ id: string, font: string, lines: string[] }[]} */
  const docs = [];
  const seen = new Set();
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cols = raw.split('\t');
    const where = `${source}:${i + 1}`;
    if (cols.length !== 3) throw new Error(`${where}: expected 3 tab-separated columns (id, font, lines), got ${cols.length}`);
    const [id, font, joined] = /** @type {[string, string, string]} */ (cols.map((c) => c.trim()));
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id)) throw new Error(`${where}: id "${id}" must be letters, digits, _ . - (it names files)`);
    if (seen.has(id)) throw new Error(`${where}: duplicate id "${id}"`);
    if (!font) throw new Error(`${where}: empty font family`);
    const lines = joined.split('|').map((l) => l.trim()).filter((l) => l !== '');
    if (lines.length === 0) throw new Error(`${where}: document "${id}" has no lines`);
    seen.add(id);
    docs.push({ id, font, lines });
  });
  return docs;
}

/** @param {string} file */
export function readEvalTsv(file) {
  return parseEvalTsv(fs.readFileSync(file, 'utf8'), file);
}

/** Traditional-Chinese pages, by their font (Noto … CJK TC / HK). */
export function isTraditional(doc) {
  return /\bCJK (TC|HK)\b/i.test(doc.font);
}

// ---------------------------------------------------------------- helpers

/** FNV-1a 32-bit. */
function hash32(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Rough advance width in em: CJK and full-width forms 1, ASCII letters and digits ~0.62, spaces 0.32. */
function estimateEm(s) {
  let w = 0;
  for (const ch of s) {
    const cp = /** @type {number} */ (ch.codePointAt(0));
    if (cp === 0x20) w += 0.32;
    else if (cp >= 0x2e80 || (cp >= 0x1100 && cp <= 0x11ff)) w += 1;
    else w += 0.62;
  }
  return w;
}

/** Installed font families, as fontconfig reports them (cached). */
let families;
function installedFamilies() {
  if (!families) {
    let out;
    try {
      out = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
    } catch {
      throw new Error('fc-list (fontconfig) is not available; install fontconfig and the fonts (see docs/benchmarks.md)');
    }
    families = new Set(out.split('\n').flatMap((l) => l.split(',')).map((f) => f.trim().toLowerCase()).filter(Boolean));
  }
  return families;
}

/** @param {string} family */
export function assertFontInstalled(family) {
  if (!installedFamilies().has(family.toLowerCase())) {
    throw new Error(`font "${family}" is not installed (fontconfig does not know it); Debian: apt-get install fonts-noto-cjk fonts-dejavu-core`);
  }
}

// ---------------------------------------------------------------- the clean page

/**
 * Lays out a document and draws it on paper. Returns raw RGB pixels.
 * @param {{ id: string, font: string, lines: string[] }} doc
 */
async function renderCleanPage(doc) {
  const rand = rng(hash32(`${doc.id}|paper`));
  const [title, ...body] = doc.lines;
  let page = A5;
  let margin = mm(18);
  let bodySize = 32; // ≈11.5 pt at 200 dpi
  let titleSize = 48; // ≈17 pt
  const fit = () => {
    const usable = page.width - 2 * margin;
    const widest = Math.max(estimateEm(title ?? '') * titleSize, ...body.map((l) => estimateEm(l) * bodySize));
    return { usable, widest, height: titleSize * 2.6 + body.length * bodySize * 1.95 };
  };
  let f = fit();
  if (f.height > page.height - 2 * margin || f.widest > f.usable) {
    page = A4;
    margin = mm(22);
    f = fit();
  }
  const scale = Math.min(1, f.usable / f.widest, (page.height - 2 * margin) / f.height);
  if (scale < 1) {
    bodySize = Math.max(16, Math.floor(bodySize * scale));
    titleSize = Math.max(22, Math.floor(titleSize * scale));
  }
  const { width, height } = page;

  // A slightly different paper tint and ink per document.
  const tint = [246 + Math.floor(rand() * 6), 243 + Math.floor(rand() * 6), 234 + Math.floor(rand() * 8)];
  const ink = `rgb(${22 + Math.floor(rand() * 14)},${22 + Math.floor(rand() * 14)},${28 + Math.floor(rand() * 14)})`;
  const top = margin + Math.floor(rand() * mm(6));
  const left = margin + Math.floor(rand() * mm(4));
  const family = xmlEscape(doc.font);

  const titleY = top + titleSize;
  const lineH = Math.round(bodySize * 1.95);
  const firstY = Math.round(titleY + titleSize * 1.6);
  /** @type {{ text: string, x: number, y: number, size: number }[]} */
  const placed = [];
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`;
  svg += `<text x="${width / 2}" y="${titleY}" text-anchor="middle" font-family="${family}" font-size="${titleSize}" font-weight="bold" fill="${ink}" xml:space="preserve">${xmlEscape(title ?? '')}</text>`;
  body.forEach((line, i) => {
    const y = firstY + i * lineH;
    placed.push({ text: line, x: left, y, size: bodySize });
    svg += `<text x="${left}" y="${y}" font-family="${family}" font-size="${bodySize}" fill="${ink}" xml:space="preserve">${xmlEscape(line)}</text>`;
  });
  svg += '</svg>';

  // Paper: tint + faint grain + a very soft scanner shading along one edge.
  const paper = Buffer.alloc(width * height * 3);
  const shadeSide = rand() < 0.5 ? 0 : 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const edge = shadeSide === 0 ? x / width : 1 - x / width;
      const shade = edge < 0.04 ? (0.04 - edge) * 90 : 0;
      const n = (rand() + rand() - 1) * 5;
      const o = (y * width + x) * 3;
      paper[o] = clamp(tint[0] + n - shade);
      paper[o + 1] = clamp(tint[1] + n - shade);
      paper[o + 2] = clamp(tint[2] + n - shade);
    }
  }
  const data = await sharp(paper, { raw: { width, height, channels: 3 } })
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .removeAlpha()
    .raw()
    .toBuffer();
  return { data, width, height, tint, placed, bodySize };
}

const clamp = (v) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

// ---------------------------------------------------------------- variants

/** @param {Awaited<ReturnType<typeof renderCleanPage>>} p */
const rawImage = (p) => sharp(p.data, { raw: { width: p.width, height: p.height, channels: 3 } });

async function skewed(p, rand) {
  const angle = (2 + rand() * 2) * (rand() < 0.5 ? -1 : 1);
  const bed = { r: 226, g: 227, b: 229 };
  const rotated = await rawImage(p).rotate(angle, { background: bed }).raw().toBuffer({ resolveWithObject: true });
  const { width, height } = rotated.info;
  // Crop back to the page size, centred: the scan frame stays the same, the page turned inside it.
  const left = Math.floor((width - p.width) / 2);
  const top = Math.floor((height - p.height) / 2);
  return {
    img: sharp(rotated.data, { raw: { width, height, channels: 3 } }).extract({ left, top, width: p.width, height: p.height }).png(),
    note: `angle ${angle.toFixed(2)}°`,
  };
}

/** Solves the 3×3 homography (h22 = 1) that maps each `from` point to the `to` point. */
function homography(from, to) {
  /** @type {number[][]} */
  const A = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i];
    const [u, v] = to[i];
    A.push([x, y, 1, 0, 0, 0, -x * u, -y * u, u]);
    A.push([0, 0, 0, x, y, 1, -x * v, -y * v, v]);
  }
  for (let c = 0; c < 8; c++) {
    let piv = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    [A[c], A[piv]] = [A[piv], A[c]];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const k = A[r][c] / A[c][c];
      for (let j = c; j < 9; j++) A[r][j] -= k * A[c][j];
    }
  }
  const h = A.map((row, i) => row[8] / row[i]);
  return [...h, 1];
}

async function phonePhoto(p, rand) {
  const ow = Math.round(p.width * 1.03);
  const oh = Math.round((ow * 4) / 3);
  const j = () => (rand() - 0.5) * 0.03;
  // Page corners in the photo: the camera tilted back, so the top edge is shorter, and turned a little.
  const dst = [
    [(0.08 + j()) * ow, (0.05 + j()) * oh],
    [(0.93 + j()) * ow, (0.075 + j()) * oh],
    [(0.975 + j()) * ow, (0.965 + j()) * oh],
    [(0.025 + j()) * ow, (0.94 + j()) * oh],
  ];
  const src = [
    [0, 0],
    [p.width, 0],
    [p.width, p.height],
    [0, p.height],
  ];
  const H = homography(dst, src);
  const out = Buffer.alloc(ow * oh * 3);
  const desk = [118 + rand() * 20, 100 + rand() * 14, 84 + rand() * 10];
  const light = { x: rand() * 0.4, y: rand() * 0.3 }; // brightest near the top-left
  const shadow = { x: 0.55 + rand() * 0.35, y: 0.6 + rand() * 0.3, sx: 0.22 * ow, sy: 0.3 * oh };
  const cast = [1, 0.965, 0.89];
  const sw = p.width;
  const sh = p.height;
  const s = p.data;
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      const w = H[6] * x + H[7] * y + H[8];
      const u = (H[0] * x + H[1] * y + H[2]) / w;
      const v = (H[3] * x + H[4] * y + H[5]) / w;
      let r;
      let g;
      let b;
      if (u >= 0 && v >= 0 && u < sw - 1 && v < sh - 1) {
        const x0 = Math.floor(u);
        const y0 = Math.floor(v);
        const fx = u - x0;
        const fy = v - y0;
        const i00 = (y0 * sw + x0) * 3;
        const i10 = i00 + 3;
        const i01 = i00 + sw * 3;
        const i11 = i01 + 3;
        const bl = (k) => (s[i00 + k] * (1 - fx) + s[i10 + k] * fx) * (1 - fy) + (s[i01 + k] * (1 - fx) + s[i11 + k] * fx) * fy;
        r = bl(0);
        g = bl(1);
        b = bl(2);
      } else {
        const grain = Math.sin(y * 0.05 + Math.sin(x * 0.01) * 3) * 6;
        r = desk[0] + grain;
        g = desk[1] + grain;
        b = desk[2] + grain * 0.8;
      }
      const dx = x / ow - light.x;
      const dy = y / oh - light.y;
      let L = 1.06 - 0.36 * Math.sqrt(dx * dx + dy * dy);
      const sx = (x - shadow.x * ow) / shadow.sx;
      const sy = (y - shadow.y * oh) / shadow.sy;
      L *= 1 - 0.16 * Math.exp(-(sx * sx + sy * sy) / 2);
      const n = (rand() + rand() - 1) * 8;
      const o = (y * ow + x) * 3;
      out[o] = clamp(r * L * cast[0] + n);
      out[o + 1] = clamp(g * L * cast[1] + n);
      out[o + 2] = clamp(b * L * cast[2] + n);
    }
  }
  return {
    img: sharp(out, { raw: { width: ow, height: oh, channels: 3 } }).blur(1.1).jpeg({ quality: 78, mozjpeg: false, chromaSubsampling: '4:2:0' }),
    note: `corners ${dst.map(([a, b]) => `${Math.round(a)},${Math.round(b)}`).join(' ')}`,
  };
}

const SEAL_RING_TEXT = '浙江省政务服务中心';
const SEAL_CENTER_TEXT = '业务专用章';

async function sealed(p, rand) {
  const d = mm(42); // a 42 mm round seal
  const c = d / 2;
  const red = '#d3242b';
  const ringR = c - 8;
  const textR = ringR - 34;
  const size = 34;
  const chars = Array.from(SEAL_RING_TEXT);
  const span = 240;
  const tilt = (rand() - 0.5) * 40;
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${d}" height="${d}" viewBox="0 0 ${d} ${d}"><g transform="rotate(${tilt.toFixed(2)} ${c} ${c})" fill="${red}">`;
  svg += `<circle cx="${c}" cy="${c}" r="${ringR}" fill="none" stroke="${red}" stroke-width="9"/>`;
  chars.forEach((ch, i) => {
    const a = -span / 2 + (span * (i + 0.5)) / chars.length;
    svg += `<text transform="translate(${c} ${c}) rotate(${a.toFixed(2)}) translate(0 ${-textR})" x="0" y="${size * 0.36}" text-anchor="middle" font-family="Noto Serif CJK SC" font-weight="bold" font-size="${size}">${xmlEscape(ch)}</text>`;
  });
  const star = [];
  for (let k = 0; k < 10; k++) {
    const r = k % 2 === 0 ? 42 : 17;
    const a = (Math.PI * k) / 5 - Math.PI / 2;
    star.push(`${(c + r * Math.cos(a)).toFixed(1)},${(c + r * Math.sin(a)).toFixed(1)}`);
  }
  svg += `<polygon points="${star.join(' ')}"/>`;
  svg += `<text x="${c}" y="${c + 88}" text-anchor="middle" font-family="Noto Serif CJK SC" font-weight="bold" font-size="28">${SEAL_CENTER_TEXT}</text>`;
  svg += '</g></svg>';

  // Uneven ink: a low-frequency density field and a few specks where the pad missed.
  const stamp = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width: sw, height: sh } = stamp.info;
  const grid = 8;
  const field = Array.from({ length: (grid + 1) * (grid + 1) }, () => 0.55 + rand() * 0.4);
  const px = stamp.data;
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) {
      const gx = (x / sw) * grid;
      const gy = (y / sh) * grid;
      const x0 = Math.floor(gx);
      const y0 = Math.floor(gy);
      const fx = gx - x0;
      const fy = gy - y0;
      const at = (i, k) => field[Math.min(k, grid) * (grid + 1) + Math.min(i, grid)];
      const dens = (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
      const o = (y * sw + x) * 4 + 3;
      const speck = rand() < 0.04 ? 0.25 : 1;
      px[o] = clamp(px[o] * dens * speck);
    }
  }
  const stampPng = await sharp(px, { raw: { width: sw, height: sh, channels: 4 } }).png().toBuffer();

  // Over the right end of a line about two thirds down the body, where an issuing office would stamp.
  const lines = p.placed;
  const k = Math.max(0, Math.min(lines.length - 1, Math.round(lines.length * 0.6)));
  const target = lines[k];
  let cx;
  let cy;
  if (target) {
    const near = lines.slice(Math.max(0, k - 1), k + 2);
    const reach = Math.max(...near.map((l) => l.x + estimateEm(l.text) * l.size));
    cx = reach - d * (0.15 + rand() * 0.2);
    cy = target.y - target.size * 0.4 + (rand() - 0.5) * target.size;
  } else {
    cx = p.width * 0.6;
    cy = p.height * 0.3;
  }
  cx = Math.max(c + 10, Math.min(p.width - c - 10, cx));
  cy = Math.max(c + 10, Math.min(p.height - c - 10, cy));
  const left = Math.round(cx - c);
  const top = Math.round(cy - c);
  return {
    img: rawImage(p).composite([{ input: stampPng, left, top, blend: 'multiply' }]).png(),
    note: `seal ${d}px at ${left},${top}`,
  };
}

/**
 * @param {Awaited<ReturnType<typeof renderCleanPage>>} p
 * @param {string} variant
 * @param {() => number} rand
 * @returns {Promise<{ img: import('sharp').Sharp, ext: string, note?: string }>}
 */
async function makeVariant(p, variant, rand) {
  // PNG compression level and JPEG settings are fixed: the bytes only depend on the pixels.
  const png = { compressionLevel: 6, adaptiveFiltering: false };
  switch (variant) {
    case 'clean':
      return { img: rawImage(p).png(png), ext: 'png' };
    case 'skew': {
      const s = await skewed(p, rand);
      return { img: s.img.png(png), ext: 'png', note: s.note };
    }
    case 'lowres':
      return {
        img: rawImage(p)
          .resize(Math.round(p.width * 0.5), Math.round(p.height * 0.5), { kernel: 'cubic' })
          .jpeg({ quality: 70, mozjpeg: false, chromaSubsampling: '4:2:0' }),
        ext: 'jpg',
      };
    case 'rot90':
      return { img: rawImage(p).rotate(90).png(png), ext: 'png' };
    case 'rot180':
      return { img: rawImage(p).rotate(180).png(png), ext: 'png' };
    case 'photo': {
      const s = await phonePhoto(p, rand);
      return { img: s.img, ext: 'jpg', note: s.note };
    }
    case 'seal': {
      const s = await sealed(p, rand);
      return { img: s.img.png(png), ext: 'png', note: s.note };
    }
    default:
      throw new Error(`unknown variant "${variant}" (known: ${VARIANTS.join(', ')})`);
  }
}

// ---------------------------------------------------------------- cache + API

/** @param {{ id: string, font: string, lines: string[] }} doc */
function docKey(doc) {
  return createHash('sha256').update(JSON.stringify([RENDER_VERSION, doc.id, doc.font, doc.lines])).digest('hex').slice(0, 12);
}

/**
 * Renders (or finds in the cache) the requested variants of one document.
 * @param {{ id: string, font: string, lines: string[] }} doc
 * @param {{ variants?: readonly string[], cacheDir?: string }} [opts]
 * @returns {Promise<{ doc: string, variant: string, path: string, cached: boolean, note?: string }[]>}
 */
export async function renderDocument(doc, opts = {}) {
  const variants = opts.variants ?? VARIANTS;
  for (const v of variants) if (!VARIANTS.includes(/** @type {any} */ (v))) throw new Error(`unknown variant "${v}" (known: ${VARIANTS.join(', ')})`);
  const dir = path.join(opts.cacheDir ?? DEFAULT_CACHE_DIR, `v${RENDER_VERSION}`, `${doc.id}-${docKey(doc)}`);
  fs.mkdirSync(dir, { recursive: true });
  const existing = new Set(fs.readdirSync(dir));
  /** @type {{ doc: string, variant: string, path: string, cached: boolean, note?: string }[]} */
  const out = [];
  /** @type {Awaited<ReturnType<typeof renderCleanPage>> | undefined} */
  let page;
  for (const variant of variants) {
    const hit = [...existing].find((f) => f.startsWith(`${variant}.`) && !f.endsWith('.tmp'));
    if (hit) {
      out.push({ doc: doc.id, variant, path: path.join(dir, hit), cached: true });
      continue;
    }
    if (!page) {
      assertFontInstalled(doc.font);
      page = await renderCleanPage(doc);
    }
    const made = await makeVariant(page, variant, rng(hash32(`${doc.id}|${variant}`)));
    const file = path.join(dir, `${variant}.${made.ext}`);
    const tmp = `${file}.${process.pid}.tmp`;
    await made.img.withDensity(variant === 'lowres' ? DPI / 2 : DPI).toFile(tmp);
    fs.renameSync(tmp, file);
    out.push({ doc: doc.id, variant, path: file, cached: false, ...(made.note ? { note: made.note } : {}) });
  }
  return out;
}

/**
 * Renders a whole evaluation set (optionally only some documents / variants).
 * @param {{ tsv?: string, docs?: readonly string[], variants?: readonly string[], cacheDir?: string }} [opts]
 */
export async function renderEvalSet(opts = {}) {
  const tsv = opts.tsv ?? DEFAULT_TSV;
  let docs = readEvalTsv(tsv);
  if (opts.docs && opts.docs.length > 0) {
    const known = new Set(docs.map((d) => d.id));
    const unknown = opts.docs.filter((id) => !known.has(id));
    if (unknown.length) throw new Error(`no document ${unknown.map((u) => `"${u}"`).join(', ')} in ${tsv} (known: ${[...known].join(', ')})`);
    docs = docs.filter((d) => opts.docs?.includes(d.id));
  }
  const images = [];
  for (const doc of docs) images.push(...(await renderDocument(doc, opts)));
  return { tsv, docs, images };
}

// ---------------------------------------------------------------- CLI

if (isMainModule(import.meta.url)) {
  const { opt, list } = cliOptions(process.argv.slice(2));
  const t0 = Date.now();
  // As the OCR bench: a clone without ../shared beside it skips with the reason rather than failing.
  if (!opt('--tsv') && !fs.existsSync(DEFAULT_TSV)) {
    console.log(`render-ocr-eval: skipped — the evaluation set ${DEFAULT_TSV} is missing (it is read from ../shared/eval/ beside the repository; give another with --tsv FILE, e.g. test/fixtures/bench/ocr-dev.tsv)`);
    process.exit(0);
  }
  renderEvalSet({ tsv: opt('--tsv'), cacheDir: opt('--out'), variants: list(opt('--variants')), docs: list(opt('--docs')) }).then(
    ({ images }) => {
      for (const im of images) console.log(`${im.cached ? 'cached  ' : 'rendered'} ${im.doc}/${im.variant}  ${im.path}${im.note ? `  (${im.note})` : ''}`);
      console.log(`${images.length} images in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    },
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
