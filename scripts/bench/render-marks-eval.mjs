// Forms with and without a red seal and a handwritten signature, drawn as scans (SVG → sharp), with where the seal
// and the signature truly are: the evaluation set of pre-review's seal and signature checks (marks-bench.mjs) and
// fixtures of its tests. Layouts vary the signature label (申请人（签字）, 法定代表人签名, 签字（盖章）, 经办人签字),
// where it sits (bottom left, bottom right, mid page after the fields), the signature's ink (black, blue), size
// and scrawl, and the seal's place (over the signature line, over the date, bottom right corner, over body text);
// some pages without a seal carry a red letterhead title (red ink that is not a seal).
import sharp from 'sharp';
import { asScan, pick, rng, roundSealSvg, xmlEscape as esc } from './render-common.mjs';

const LABELS = ['申请人（签字）：', '法定代表人签名：', '签字（盖章）：', '经办人签字：', '申请人签名：'];
const FIELDS = [
  '申请人名称 杭州云帆科技有限公司',
  '统一社会信用代码 91330106MA2H3K7P5X',
  '法定代表人 孙建平',
  '联系电话 0571-87654321',
  '经营场所 浙江省杭州市西湖区文三路398号',
  '申请事项 食品经营许可（新办）',
  '经营项目 热食类食品制售',
  '本人承诺所提交材料真实有效',
];

/** A round red seal (ring, star, arc text, bottom line) as SVG at (cx, cy), radius r. */
const sealSvg = (cx, cy, r, font) => roundSealSvg({ cx, cy, r, font, ring: '杭州云帆科技有限公司', kind: '合同专用章', colour: '#d8321e', glyphScale: 0.22, opacity: 0.85 });

/** A handwritten signature: a few joined scrawled strokes in a w×h box at (x, y). */
function signatureSvg(r, x, y, w, h, colour) {
  const strokes = [];
  const n = 2 + Math.floor(r() * 3);
  for (let s = 0; s < n; s++) {
    const sx = x + (s * w) / n + r() * (w / n) * 0.3;
    const segW = (w / n) * (0.9 + r() * 0.5);
    let d = `M${sx.toFixed(1)},${(y + h * (0.3 + r() * 0.5)).toFixed(1)}`;
    const segs = 2 + Math.floor(r() * 3);
    for (let k = 1; k <= segs; k++) {
      const ex = sx + (segW * k) / segs;
      d += ` C${(ex - segW / segs + r() * 10).toFixed(1)},${(y + r() * h).toFixed(1)} ${(ex - r() * 10).toFixed(1)},${(y + r() * h).toFixed(1)} ${ex.toFixed(1)},${(y + h * (0.2 + r() * 0.7)).toFixed(1)}`;
    }
    strokes.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="${(2.2 + r() * 2).toFixed(1)}" stroke-linecap="round" stroke-linejoin="round"/>`);
  }
  // A final flourish under the name, as many signatures have.
  strokes.push(
    `<path d="M${x.toFixed(1)},${(y + h * 0.95).toFixed(1)} Q${(x + w * 0.5).toFixed(1)},${(y + h * (0.7 + r() * 0.5)).toFixed(1)} ${(x + w * (0.9 + r() * 0.2)).toFixed(1)},${(y + h * 0.8).toFixed(1)}" fill="none" stroke="${colour}" stroke-width="2.5" stroke-linecap="round"/>`,
  );
  return `<g>${strokes.join('')}</g>`;
}

/** The red letterhead's title (a government body's name, as a 红头 document carries it). */
export const LETTERHEAD = '杭州市市场监督管理局';

/**
 * One case: a form page (1240×1754, 150 dpi A4) with or without a seal and a signature.
 * @param {{ seed: number, seal: boolean, signature: boolean }} c
 */
export async function renderMarksCase(c) {
  const r = rng(c.seed);
  const W = 1240;
  const H = 1754;
  const font = pick(r, ['Noto Sans CJK SC', 'Noto Serif CJK SC']);
  const size = 30 + Math.floor(r() * 6);
  const left = 120;
  const parts = [];
  const letterhead = !c.seal && r() < 0.5;
  parts.push(`<text x="${W / 2}" y="170" font-size="${size + 16}" font-weight="bold" text-anchor="middle" fill="${letterhead ? '#d02818' : '#111'}">${letterhead ? LETTERHEAD : '食品经营许可申请书'}</text>`);
  let y = 280;
  const fields = [...FIELDS].sort(() => r() - 0.5).slice(0, 5 + Math.floor(r() * 3));
  for (const f of fields) {
    parts.push(`<text x="${left}" y="${y}" font-size="${size}">${esc(f)}</text>`);
    y += Math.round(size * 2.1);
  }
  const bodyBottom = y;
  // Where the signature field is.
  const place = pick(r, ['bottomLeft', 'bottomRight', 'afterFields']);
  const label = pick(r, LABELS);
  const labelW = [...label].length * size;
  const ly = place === 'afterFields' ? y + size * 1.5 : H - 360 - Math.floor(r() * 120);
  const lx = place === 'bottomRight' ? W - 140 - labelW - 8 * size : left;
  parts.push(`<text x="${lx}" y="${ly}" font-size="${size}">${esc(label)}</text>`);
  const dateY = ly + Math.round(size * 2.2);
  parts.push(`<text x="${lx}" y="${dateY}" font-size="${size}">日期：2026年11月${10 + Math.floor(r() * 18)}日</text>`);
  let signature = null;
  if (c.signature) {
    const sw = size * (3 + r() * 2.5);
    const sh = size * (1.1 + r() * 0.6);
    const sx = lx + labelW + size * (0.2 + r() * 1.2);
    const sy = ly - size * 0.9 - r() * size * 0.4;
    parts.push(signatureSvg(r, sx, sy, sw, sh, pick(r, ['#151520', '#18307a', '#202020'])));
    signature = { x0: sx, y0: sy, x1: sx + sw, y1: sy + sh };
  }
  let seal = null;
  if (c.seal) {
    const rad = Math.round(W * (0.085 + r() * 0.03));
    const where = pick(r, ['overLabel', 'overDate', 'corner', 'overBody']);
    const [cx, cy] =
      where === 'overLabel'
        ? [lx + labelW * 0.8, ly - size * 0.3]
        : where === 'overDate'
          ? [lx + size * 5, dateY]
          : where === 'corner'
            ? [W - 140 - rad, H - 140 - rad]
            : [W * (0.5 + r() * 0.2), bodyBottom - size * 4];
    parts.push(sealSvg(cx, cy, rad, font));
    seal = { x0: cx - rad, y0: cy - rad, x1: cx + rad, y1: cy + rad };
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
  <rect width="100%" height="100%" fill="#fbfaf6"/>
  <g font-family="${font}" fill="#121212">${parts.join('\n')}</g></svg>`;
  // Scanned: slight blur, grain, JPEG.
  const bytes = await asScan(sharp(Buffer.from(svg)).flatten({ background: '#fbfaf6' }), r, { blur: 0.5, grain: 14, quality: 85 });
  return { bytes, width: W, height: H, truth: { seal, signature, label, place, letterhead } };
}

/** The evaluation set: every combination of seal / signature, n seeds each. */
export function marksCases(n = 10, seed = 4242) {
  const out = [];
  for (let k = 0; k < n; k++)
    for (const seal of [false, true]) for (const signature of [false, true]) out.push({ seed: seed + k * 17 + (seal ? 1 : 0) * 5 + (signature ? 1 : 0) * 3, seal, signature });
  return out;
}
