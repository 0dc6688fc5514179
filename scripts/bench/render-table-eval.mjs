// Ruled tables with Chinese text and merged cells, drawn as scanned pages (SVG → sharp, like render-ocr-eval.mjs),
// with their true cells: the evaluation set of the xlsx output (table-bench.mjs) and the fixtures of its tests.
// Four layouts, each drawn from a seed: a plain list (header row), a list with a two-level header (a group
// header spanning columns over sub-headers, the first headers spanning both header rows), a grouped list (a
// category column whose cells span several rows) and a form (label / value pairs, values spanning columns).
//
//   node scripts/bench/render-table-eval.mjs [--out DIR] [--n N] [--seed S]   (writes PNGs + truth JSON)
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { asScan, pick, rng, xmlEscape as esc } from './render-common.mjs';
import { cliOptions, isMainModule } from './script-args.mjs';

export const TABLE_LAYOUTS = /** @type {const} */ (['list', 'twoLevelHeader', 'grouped', 'form']);
export const TABLE_FONTS = /** @type {const} */ (['Noto Sans CJK SC', 'Noto Serif CJK SC']);

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['伟', '芳', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '小雨', '建国'];
const CITIES = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];
const DISTRICTS = ['西湖区', '上城区', '拱墅区', '滨江区', '鄞州区', '海曙区', '鹿城区', '越城区', '婺城区', '椒江区'];
const ITEMS = ['营业执照', '食品经营许可证', '身份证复印件', '租赁合同', '法定代表人证明', '章程', '授权委托书', '申请书', '场所证明', '验资报告'];
const DEPTS = ['市场监管局', '行政服务中心', '税务局', '公安分局', '人力社保局', '卫生健康委'];
const STATES = ['已受理', '待补正', '已办结', '审核中', '不予受理'];

const int = (r, a, b) => a + Math.floor(r() * (b - a + 1));
const name = (r) => pick(r, [...SURNAMES]) + pick(r, GIVEN);
const date = (r) => `2026-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}`;
const phone = (r) => `13${int(r, 0, 9)}${String(int(r, 0, 99999999)).padStart(8, '0')}`;
const money = (r) => `${int(r, 1, 999)}.${String(int(r, 0, 99)).padStart(2, '0')}`;

/** Column kinds: header text and a value drawer. */
const COLUMNS = [
  ['姓名', name],
  ['办理事项', (r) => pick(r, ITEMS)],
  ['受理日期', date],
  ['联系电话', phone],
  ['所在地区', (r) => pick(r, CITIES) + pick(r, DISTRICTS)],
  ['受理部门', (r) => pick(r, DEPTS)],
  ['办理状态', (r) => pick(r, STATES)],
  ['收费金额', money],
  ['份数', (r) => String(int(r, 1, 12))],
];

/**
 * One table's truth: grid size and cells {r0,c0,r1,c1,text} (merged cells once), plus a title above it and a note
 * below it (text outside the table).
 * @param {string} layout @param {number} seed
 */
export function drawTable(layout, seed) {
  const r = rng(seed);
  const cols = [...COLUMNS].sort(() => r() - 0.5).slice(0, int(r, 3, 5));
  const nBody = int(r, 3, 7);
  /** @type {{r0:number,c0:number,r1:number,c1:number,text:string}[]} */
  const cells = [];
  const one = (row, col, text) => cells.push({ r0: row, c0: col, r1: row, c1: col, text });
  let rows;
  let ncols;
  switch (layout) {
    case 'list': {
      ncols = cols.length + 1;
      one(0, 0, '序号');
      cols.forEach((c, i) => one(0, i + 1, c[0]));
      for (let k = 1; k <= nBody; k++) {
        one(k, 0, String(k));
        cols.forEach((c, i) => one(k, i + 1, r() < 0.08 ? '' : c[1](r)));
      }
      rows = nBody + 1;
      break;
    }
    case 'twoLevelHeader': {
      // Columns: 序号 | 姓名 | <group over 2-3 sub-columns> | last
      const group = cols.slice(1, Math.max(3, cols.length - 1));
      const last = cols.length > group.length + 1 ? cols[cols.length - 1] : undefined;
      ncols = 2 + group.length + (last ? 1 : 0);
      cells.push({ r0: 0, c0: 0, r1: 1, c1: 0, text: '序号' }, { r0: 0, c0: 1, r1: 1, c1: 1, text: cols[0][0] });
      cells.push({ r0: 0, c0: 2, r1: 0, c1: 1 + group.length, text: pick(r, ['办理情况', '申报信息', '受理信息']) });
      group.forEach((c, i) => one(1, 2 + i, c[0]));
      if (last) cells.push({ r0: 0, c0: ncols - 1, r1: 1, c1: ncols - 1, text: last[0] });
      for (let k = 0; k < nBody; k++) {
        one(2 + k, 0, String(k + 1));
        one(2 + k, 1, cols[0][1](r));
        group.forEach((c, i) => one(2 + k, 2 + i, c[1](r)));
        if (last) one(2 + k, ncols - 1, last[1](r));
      }
      rows = nBody + 2;
      break;
    }
    case 'grouped': {
      ncols = cols.length + 1;
      one(0, 0, '类别');
      cols.forEach((c, i) => one(0, i + 1, c[0]));
      let row = 1;
      const groups = int(r, 2, 3);
      for (let g = 0; g < groups; g++) {
        const span = int(r, 1, 3);
        cells.push({ r0: row, c0: 0, r1: row + span - 1, c1: 0, text: pick(r, ['企业设立', '变更登记', '注销登记', '许可审批', '证照换领']) });
        for (let k = 0; k < span; k++) cols.forEach((c, i) => one(row + k, i + 1, c[1](r)));
        row += span;
      }
      rows = row;
      break;
    }
    case 'form': {
      // label | value | label | value, some values spanning the rest of the row, one cell spanning two rows.
      ncols = 4;
      const labels = ['申请人', '性别', '联系电话', '证件号码', '住所', '经营范围', '办理事项', '受理日期', '受理部门', '备注'];
      const values = {
        申请人: name,
        性别: (x) => pick(x, ['男', '女']),
        联系电话: phone,
        证件号码: (x) => `3301${String(int(x, 10000000, 99999999))}${String(int(x, 100000, 999999))}`,
        住所: (x) => `浙江省${pick(x, CITIES)}${pick(x, DISTRICTS)}${pick(x, ['文三路', '解放路', '人民路', '中山路'])}${int(x, 1, 300)}号`,
        经营范围: (x) => pick(x, ['食品销售', '餐饮服务', '技术咨询', '货物进出口', '软件开发']),
        办理事项: (x) => pick(x, ITEMS),
        受理日期: date,
        受理部门: (x) => pick(x, DEPTS),
        备注: (x) => pick(x, ['材料齐全', '需补充材料', '']),
      };
      const order = [...labels].sort(() => r() - 0.5);
      let row = 0;
      let i = 0;
      const nRows = int(r, 3, 5);
      while (row < nRows && i < order.length) {
        const wide = r() < 0.35;
        const a = order[i++];
        one(row, 0, a);
        if (wide || i >= order.length) {
          cells.push({ r0: row, c0: 1, r1: row, c1: 3, text: values[a](r) });
        } else {
          const b = order[i++];
          one(row, 1, values[a](r));
          one(row, 2, b);
          one(row, 3, values[b](r));
        }
        row++;
      }
      // The review block: its label spans two rows, the opinion and the clerk's line beside it.
      cells.push(
        { r0: row, c0: 0, r1: row + 1, c1: 0, text: '审核意见' },
        { r0: row, c0: 1, r1: row, c1: 3, text: pick(r, ['同意受理', '材料不全，请补正', '符合条件，准予办理']) },
        { r0: row + 1, c0: 1, r1: row + 1, c1: 1, text: '经办人' },
        { r0: row + 1, c0: 2, r1: row + 1, c1: 3, text: name(r) },
      );
      rows = row + 2;
      break;
    }
    default:
      throw new Error(`unknown table layout ${layout}`);
  }
  const title = pick(r, ['行政审批事项受理登记表', '政务服务办件情况统计表', '申请材料清单', '企业开办申请表', '窗口收件登记簿']);
  const note = `制表日期：${date(r)}  经办人：${name(r)}`;
  return { layout, seed, rows, cols: ncols, cells, title, note };
}

const textWidth = (s, size) => [...s].reduce((w, ch) => w + (ch.codePointAt(0) > 0x2e80 ? size : size * 0.6), 0);

/**
 * Draws a table on a page (200 dpi A4 width: 1654 px): title, the ruled table (line width 1–3 px, cell padding,
 * column widths fitting their text), note below. Returns the PNG (or JPEG for the 'scan' variant: slight blur,
 * grain, JPEG 80) and the truth.
 * @param {ReturnType<typeof drawTable>} t @param {{font?: string, variant?: 'clean'|'scan'}} [o]
 */
export async function renderTable(t, o = {}) {
  const r = rng(t.seed * 7 + 1);
  const font = o.font ?? TABLE_FONTS[t.seed % TABLE_FONTS.length];
  const W = 1654;
  const size = int(r, 26, 32);
  const pad = int(r, 12, 20);
  const lw = int(r, 1, 3);
  const colW = Array.from({ length: t.cols }, () => 3 * size);
  for (const c of t.cells) {
    if (c.c0 !== c.c1) continue;
    const lines = c.text.split('\n');
    colW[c.c0] = Math.max(colW[c.c0], ...lines.map((l) => textWidth(l, size) + 2 * pad));
  }
  for (const c of t.cells) {
    if (c.c0 === c.c1) continue;
    const need = textWidth(c.text, size) + 2 * pad;
    let have = 0;
    for (let k = c.c0; k <= c.c1; k++) have += colW[k];
    if (have < need) for (let k = c.c0; k <= c.c1; k++) colW[k] += (need - have) / (c.c1 - c.c0 + 1);
  }
  const tableW = colW.reduce((a, b) => a + b, 0);
  if (tableW > W * 0.92) throw new Error(`table ${t.layout}/${t.seed} is too wide (${Math.round(tableW)} px)`);
  const rowH = Math.round(size + 2 * pad);
  const x0 = Math.round((W - tableW) / 2);
  const y0 = 220;
  const xs = [x0];
  for (const w of colW) xs.push(xs[xs.length - 1] + w);
  const ys = Array.from({ length: t.rows + 1 }, (_, k) => y0 + k * rowH);
  const H = Math.max(1400, ys[t.rows] + 300);
  const parts = [];
  // Borders of every cell (merged cells have none inside).
  for (const c of t.cells) {
    parts.push(`<rect x="${xs[c.c0]}" y="${ys[c.r0]}" width="${xs[c.c1 + 1] - xs[c.c0]}" height="${ys[c.r1 + 1] - ys[c.r0]}" fill="none" stroke="#111" stroke-width="${lw}"/>`);
    if (!c.text) continue;
    const cx = (xs[c.c0] + xs[c.c1 + 1]) / 2;
    const cy = (ys[c.r0] + ys[c.r1 + 1]) / 2;
    const header = c.r0 === 0 && t.layout !== 'form';
    const centred = header || c.c1 > c.c0 || /^\d+$/.test(c.text) || r() < 0.5;
    const tx = centred ? cx : xs[c.c0] + pad;
    parts.push(
      `<text x="${tx.toFixed(1)}" y="${(cy + size * 0.36).toFixed(1)}" font-size="${size}"${header ? ' font-weight="bold"' : ''} text-anchor="${centred ? 'middle' : 'start'}">${esc(c.text)}</text>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
  <rect width="100%" height="100%" fill="#fbfaf6"/>
  <g font-family="${font}" fill="#151515">
  <text x="${W / 2}" y="140" font-size="${Math.round(size * 1.4)}" font-weight="bold" text-anchor="middle">${esc(t.title)}</text>
  ${parts.join('\n  ')}
  <text x="${x0}" y="${ys[t.rows] + 80}" font-size="${size}">${esc(t.note)}</text>
  </g></svg>`;
  const img = sharp(Buffer.from(svg)).flatten({ background: '#fbfaf6' });
  const bytes = o.variant === 'scan' ? await asScan(img, r, { blur: 0.6, grain: 18, quality: 80 }) : await img.png().toBuffer();
  return { bytes, width: W, height: H, font, truth: t };
}

/** The evaluation set: every layout × n seeds, fonts alternating, clean and scanned. */
export function tableCases(n = 6, seed = 20261128) {
  const out = [];
  for (const layout of TABLE_LAYOUTS) for (let k = 0; k < n; k++) for (const variant of ['clean', 'scan']) out.push({ layout, seed: seed + k * 101 + TABLE_LAYOUTS.indexOf(layout) * 7, variant });
  return out;
}

if (isMainModule(import.meta.url)) {
  const { opt } = cliOptions(process.argv.slice(2));
  const out = path.resolve(opt('--out') ?? 'table-eval');
  fs.mkdirSync(out, { recursive: true });
  for (const c of tableCases(Number(opt('--n') ?? 3), Number(opt('--seed') ?? 20261128))) {
    const img = await renderTable(drawTable(c.layout, c.seed), { variant: c.variant });
    const base = path.join(out, `${c.layout}-${c.seed}-${c.variant}`);
    fs.writeFileSync(`${base}.${c.variant === 'scan' ? 'jpg' : 'png'}`, img.bytes);
    fs.writeFileSync(`${base}.json`, JSON.stringify(img.truth, null, 1));
  }
  process.stdout.write(`${out}\n`);
}
