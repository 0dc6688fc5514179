import { execFileSync } from 'node:child_process';
import path from 'node:path';
import sharp from 'sharp';
import type { Box } from '../../../main/common/contract/index.js';
import type { RasterPage } from '../../../main/node/capabilities/ocr/engine.js';
import { loadCatalog } from '../../../main/node/models/catalog.js';
import { PackStore } from '../../../main/node/models/pack-store.js';
import { repoRoot, tempDir } from '../../helpers/temp.js';

/** The repo's prepared packs (models/packs, from `npm run models:prepare`), with a throw-away data folder. */
export function repoPacks(): PackStore {
  return new PackStore({
    catalog: loadCatalog(path.join(repoRoot, 'models', 'manifest.json')),
    appDir: path.join(repoRoot, 'models', 'packs'),
    dataDir: path.join(tempDir('ic-tess-'), 'models'),
  });
}

export function packsReady(ids: string[]): boolean {
  try {
    const store = repoPacks();
    for (const id of ids) store.require(id);
    return true;
  } catch {
    return false;
  }
}

/** Whether fontconfig knows a family (librsvg, inside sharp, draws SVG text through it). */
export function hasFont(family: string): boolean {
  try {
    return execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' }).includes(family);
  } catch {
    return false;
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Lines of text drawn black on white, as 3-channel pixels. */
export async function renderLines(lines: string[], font: string, o: { width?: number; size?: number } = {}): Promise<RasterPage> {
  const size = o.size ?? 36;
  const width = o.width ?? 1100;
  const height = Math.round(lines.length * size * 1.8 + 80);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>` +
    lines.map((l, i) => `<text x="48" y="${Math.round(40 + i * size * 1.8 + size)}" font-family="${font}" font-size="${size}">${esc(l)}</text>`).join('') +
    '</svg>';
  const { data, info } = await sharp(Buffer.from(svg)).flatten({ background: '#fff' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

/** The page turned clockwise by `deg` (what a sideways or upside-down scan looks like). */
export async function turned(page: RasterPage, deg: 90 | 180 | 270): Promise<RasterPage> {
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: page.channels } })
    .rotate(deg)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

/** Where a point of the upright page (W x H) lands on that page turned clockwise by `deg`. */
export function turnPoint([x, y]: [number, number], deg: 0 | 90 | 180 | 270, W: number, H: number): [number, number] {
  if (deg === 90) return [H - y, x];
  if (deg === 180) return [W - x, H - y];
  if (deg === 270) return [y, W - x];
  return [x, y];
}

export const turnBox = (b: Box, deg: 0 | 90 | 180 | 270, W: number, H: number): Box => b.map((p) => turnPoint(p, deg, W, H)) as Box;

/** Character error rate: edit distance over the reference length, whitespace ignored. */
export function cer(reference: string, hypothesis: string): number {
  const a = [...reference.replace(/\s+/g, '')];
  const b = [...hypothesis.replace(/\s+/g, '')];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return a.length ? prev[b.length]! / a.length : b.length ? 1 : 0;
}
