// Builds a second OCR evaluation set (same TSV format as ocr-dev.tsv: id, font family, lines separated by |) from
// the sentences of a seed text, so that changes to the OCR engine can be checked on documents nobody tuned them on.
//
//   node scripts/bench/make-synthetic-tsv.mjs [--seed-text FILE] [--out FILE] [--seed N]
//   npm run -s bench -- ocr --tsv <the file it wrote>
//
// The seed (default: the plan as the repository holds it, knowledge-graph/sources/, copied byte for byte from
// ../shared/seeds/zhejiang-digital-government-plan-2021.txt, so a clone builds the same set) is a policy text in traditional
// characters with English glosses after some words ("人(people)民"): the glosses, image file names and lines cut off
// mid-character are dropped, sentences are split at punctuation and packed into lines of a page's width. Rows in
// a simplified font (… CJK SC) are converted to simplified characters, rows in a traditional font (… CJK TC) to
// consistent traditional ones (Taiwan standard forms), both with OpenCC (Debian `opencc`; missing is an error, never a silent fallback).
// Mixed in: ID-like numbers (GB 11643 check digit), unified social credit codes (GB 32100 check character), dates
// in several formats, phone numbers, reference codes, and English lines in DejaVu Sans. Everything random comes
// from one seeded generator: the same seed text and --seed give the same TSV.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pick, rng } from './render-common.mjs';
import { cliOptions, isMainModule } from './script-args.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_SEED_TEXT = path.join(repoRoot, 'knowledge-graph', 'sources', 'zhejiang-digital-government-plan-2021.txt');
export const DEFAULT_OUT = path.join(os.tmpdir(), 'intelligent-center-bench', 'ocr-synthetic.tsv');
export const DEFAULT_SEED = 20210620;

// ---------------------------------------------------------------- the seed text

/** Width of a line in em (CJK 1, ASCII ~0.6), as the renderer estimates it. */
const em = (s) => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : ch === ' ' ? 0.32 : 0.62), 0);

/**
 * Cleans the seed text: glosses "(word)" after characters removed, image names and empty lines dropped, a line cut
 * off mid-character (U+FFFD) shortened to its last complete sentence. Returns paragraphs.
 * @param {string} text
 * @returns {string[]}
 */
export function cleanSeed(text) {
  const out = [];
  for (let line of text.split(/\r?\n/)) {
    line = line.trim();
    if (!line || /\.(png|jpe?g|gif)$/i.test(line) || /^[\w.:/-]+$/.test(line)) continue;
    // English glosses: "人(people)民", "(一(one))" → "(一)".
    line = line.replace(/\([A-Za-z][A-Za-z' -]*\)/g, '');
    if (line.includes('\uFFFD')) {
      const cut = Math.max(line.lastIndexOf('。'), line.lastIndexOf('；'), line.lastIndexOf(';'));
      if (cut < 0) continue;
      line = line.slice(0, cut + 1);
    }
    if (/[A-Za-z]{3,}/.test(line) && !/[\u4e00-\u9fff]/.test(line)) continue;
    out.push(line);
  }
  return out;
}

/**
 * Lines of at most `maxEm` (and at least `minEm`) from the paragraphs: sentences split at 。；！？, long ones at
 * commas and 、, consecutive clauses packed together.
 * @param {string[]} paragraphs
 */
export function linePool(paragraphs, minEm = 7, maxEm = 22) {
  const lines = [];
  for (const p of paragraphs) {
    for (const sentence of p.split(/(?<=[。；;！？])/)) {
      const clauses = sentence.split(/(?<=[,，、：:])/).map((c) => c.trim()).filter(Boolean);
      let cur = '';
      for (const c of clauses) {
        if (em(cur + c) <= maxEm) cur += c;
        else {
          if (em(cur) >= minEm) lines.push(cur);
          cur = em(c) <= maxEm ? c : '';
        }
      }
      if (em(cur) >= minEm) lines.push(cur);
    }
  }
  // A line does not start with punctuation, and ends without a dangling comma.
  return [...new Set(lines.map((l) => l.replace(/^[,，、。；;：:]+/, '').replace(/[,，、：:]$/, '')).filter((l) => em(l) >= minEm))];
}

/** Headings of the seed: "一、總體要求", "(二)構建優質便捷的普惠服務體系。", the title. */
export function headings(paragraphs) {
  return paragraphs
    .map((p) => p.replace(/^[（(][一二三四五六七八九十]+[)）]|^[一二三四五六七八九十]+、|^\d+\./, '').replace(/[。:：]$/, ''))
    .filter((p) => em(p) >= 4 && em(p) <= 16 && !/[,，；;]/.test(p));
}

// ---------------------------------------------------------------- script conversion

let openccChecked = false;
/**
 * Converts with OpenCC (`t2s.json`: to simplified, `s2tw.json`: to traditional, Taiwan forms), many lines in one call.
 * @param {string[]} lines
 * @param {'t2s' | 's2tw'} config
 */
export function opencc(lines, config) {
  if (!openccChecked) {
    try {
      execFileSync('opencc', ['--help'], { stdio: 'ignore' });
    } catch {
      throw new Error('opencc is not available (Debian: apt-get install opencc); it converts the seed text between scripts');
    }
    openccChecked = true;
  }
  if (lines.some((l) => l.includes('\n'))) throw new Error('opencc: lines must not contain newlines');
  const out = execFileSync('opencc', ['-c', `${config}.json`], { input: lines.join('\n'), encoding: 'utf8' }).replace(/\n$/, '').split('\n');
  if (out.length !== lines.length) throw new Error(`opencc gave ${out.length} lines for ${lines.length}`);
  return out;
}

// ---------------------------------------------------------------- IDs, codes, dates

const int = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pad = (n, w) => String(n).padStart(w, '0');

const REGIONS = ['330102', '330106', '330108', '330203', '330212', '330302', '330402', '330602', '330702', '330881', '331002', '331102'];

/** A citizen ID number (GB 11643-1999) with a valid check character. */
export function idNumber(rand) {
  const y = int(rand, 1950, 2012);
  const m = int(rand, 1, 12);
  const d = int(rand, 1, 28);
  const body = `${pick(rand, REGIONS)}${y}${pad(m, 2)}${pad(d, 2)}${pad(int(rand, 1, 999), 3)}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * /** @type {number} */ (w[i]), 0);
  return body + '10X98765432'[sum % 11];
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A unified social credit code (GB 32100-2015) with a valid check character. */
export function creditCode(rand) {
  const reg = pick(rand, ['91', '92', '93', '12', '52']);
  let body = reg + pick(rand, REGIONS);
  for (let i = 0; i < 9; i++) body += USCC_CHARS[int(rand, 0, i < 2 ? 9 : 30)];
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body].reduce((s, c, i) => s + USCC_CHARS.indexOf(c) * /** @type {number} */ (w[i]), 0);
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A date in one of the formats forms use. */
export function date(rand, style = pick(rand, ['cn', 'cn', 'iso', 'dot', 'en'])) {
  const y = int(rand, 2015, 2032);
  const m = int(rand, 1, 12);
  const d = int(rand, 1, 28);
  switch (style) {
    case 'iso':
      return `${y}-${pad(m, 2)}-${pad(d, 2)}`;
    case 'dot':
      return `${y}.${pad(m, 2)}.${pad(d, 2)}`;
    case 'en':
      return `${pad(d, 2)} ${MONTHS[m - 1]} ${y}`;
    default:
      return `${y}年${pad(m, 2)}月${pad(d, 2)}日`;
  }
}

const phone = (rand) => `1${pick(rand, ['3', '5', '7', '8', '9'])}${pad(int(rand, 0, 999999999), 9)}`;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞建国文辉志宇浩然欣怡佳琪晨雨婷晓雪梦涵子轩博俊嘉诚思远';
const name = (rand) => pick(rand, [...SURNAMES]) + pick(rand, [...GIVEN]) + (rand() < 0.6 ? pick(rand, [...GIVEN]) : '');
const PINYIN = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'Lin', 'Zheng'];
const GIVEN_PINYIN = ['Wei', 'Fang', 'Min', 'Jing', 'Qiang', 'Lei', 'Jun', 'Yang', 'Jie', 'Tao', 'Ming', 'Hui', 'Xiaoyu', 'Haoran', 'Jiaqi', 'Yiting', 'Zixuan'];
const latinName = (rand) => `${pick(rand, GIVEN_PINYIN)} ${pick(rand, PINYIN)}`;
const CITIES = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];
const DISTRICTS = ['上城区', '拱墅区', '西湖区', '滨江区', '鄞州区', '海曙区', '鹿城区', '南湖区', '吴兴区', '越城区', '婺城区', '柯城区'];
const ROADS = ['解放路', '中山路', '人民路', '文三路', '延安路', '凤起路', '环城北路', '江南大道', '世纪大道', '学院路'];
const address = (rand) => `浙江省${pick(rand, CITIES)}${pick(rand, DISTRICTS)}${pick(rand, ROADS)}${int(rand, 1, 399)}号`;
const refCode = (rand) => `ZJ${int(rand, 2019, 2026)}-${pad(int(rand, 0, 99999), 5)}`;

// ---------------------------------------------------------------- documents

/**
 * @typedef {{ id: string, font: string, lines: string[] }} Row
 * @param {{ pool: string[], heads: string[], rand: () => number }} src pool/heads in the seed's own script
 */
function buildDocs({ pool, heads, rand }) {
  const take = (n, maxEm = 22) => {
    const fits = pool.filter((l) => em(l) <= maxEm);
    const out = [];
    for (let i = 0; i < n; i++) out.push(pick(rand, fits));
    return out;
  };
  const longLines = pool.filter((l) => em(l) >= 26);
  /** @type {{ id: string, font: string, script: 'sc' | 'tc' | 'en', lines: string[] }[]} */
  const docs = [];
  // 1. A notice: policy sentences, an issuing date.
  docs.push({ id: 'syn_notice_sc', font: 'Noto Sans CJK SC', script: 'sc', lines: [pick(rand, heads), ...take(7), `发文日期 ${date(rand, 'cn')}`] });
  // 2. A form with numbers under a serif font.
  docs.push({
    id: 'syn_form_serif_sc',
    font: 'Noto Serif CJK SC',
    script: 'sc',
    lines: [
      '政务服务事项申请表',
      `申请人 ${name(rand)}`,
      `公民身份号码 ${idNumber(rand)}`,
      `联系电话 ${phone(rand)}`,
      `住址 ${address(rand)}`,
      `受理编号 ${refCode(rand)}`,
      `申请事项 ${take(1, 14)[0]}`,
      `受理日期 ${date(rand, 'cn')}`,
    ],
  });
  // 3. A business certificate.
  docs.push({
    id: 'syn_license_sc',
    font: 'Noto Sans CJK SC',
    script: 'sc',
    lines: [
      '营业执照',
      `统一社会信用代码 ${creditCode(rand)}`,
      `名称 ${pick(rand, CITIES)}${pick(rand, ['数智', '云帆', '之江', '钱塘', '新禾'])}${pick(rand, ['科技', '信息服务', '贸易', '文化传媒'])}有限公司`,
      `法定代表人 ${name(rand)}`,
      `注册资本 ${int(rand, 10, 5000)}万元人民币`,
      `成立日期 ${date(rand, 'cn')}`,
      `营业期限 ${date(rand, 'dot')}至${date(rand, 'dot')}`,
      `住所 ${address(rand)}`,
      ...take(1, 18),
    ],
  });
  // 4. A traditional-script notice.
  docs.push({ id: 'syn_notice_tc', font: 'Noto Sans CJK TC', script: 'tc', lines: [pick(rand, heads), ...take(6), `發布日期 ${date(rand, 'cn')}`] });
  // 5. A traditional-script form in serif.
  docs.push({
    id: 'syn_form_serif_tc',
    font: 'Noto Serif CJK TC',
    script: 'tc',
    lines: [
      '居民來往通行證申請書',
      `申請人 ${name(rand)}`,
      `證件號碼 ${pad(int(rand, 0, 99999999), 8)}`,
      `聯絡電話 ${phone(rand)}`,
      `有效期限 ${date(rand, 'dot')}-${date(rand, 'dot')}`,
      ...take(3, 18),
    ],
  });
  // 6. An English letter.
  docs.push({
    id: 'syn_letter_en',
    font: 'DejaVu Sans',
    script: 'en',
    lines: [
      'Certificate of Residence',
      `Reference No.: ${refCode(rand)}`,
      `Name: ${latinName(rand).toUpperCase()}`,
      `Passport No.: ${pick(rand, ['E', 'G', 'P'])}${pad(int(rand, 0, 99999999), 8)}`,
      `Date of Issue: ${date(rand, 'en')}`,
      `Valid Until: ${date(rand, 'en')}`,
      `Phone: +86 ${int(rand, 570, 579)} ${pad(int(rand, 0, 9999), 4)} ${pad(int(rand, 0, 9999), 4)}`,
      `Issued by the Digital Government Service Centre of ${pick(rand, ['Hangzhou', 'Ningbo', 'Wenzhou', 'Shaoxing'])}`,
    ],
  });
  // 7. Bilingual labels, simplified.
  docs.push({
    id: 'syn_bilingual_sc',
    font: 'Noto Sans CJK SC',
    script: 'sc',
    lines: [
      '境外人员临时住宿登记单',
      `姓名 Name: ${latinName(rand).toUpperCase()}`,
      `国籍 Nationality: ${pick(rand, ['DEU', 'FRA', 'GBR', 'USA', 'JPN', 'KOR', 'ITA', 'CAN'])}`,
      `证件号码 No.: ${pick(rand, ['C', 'K', 'X'])}${pad(int(rand, 0, 99999999), 8)}`,
      `入住日期 Check-in: ${date(rand, 'iso')}`,
      `住址 Address: ${address(rand)}`,
      `登记编号 Ref.: ${refCode(rand)}`,
    ],
  });
  // 8. A long page (A4: lines too wide for A5), serif, with a date and an ID in the body.
  docs.push({
    id: 'syn_report_serif_sc',
    font: 'Noto Serif CJK SC',
    script: 'sc',
    lines: [
      pick(rand, heads),
      ...Array.from({ length: 9 }, () => pick(rand, longLines.length ? longLines : pool)),
      `经办人 ${name(rand)} 身份证号 ${idNumber(rand)}`,
      `日期 ${date(rand, 'cn')}`,
    ],
  });
  return docs;
}

/**
 * The whole set as TSV text.
 * @param {{ seedText?: string, seed?: number }} [o]
 */
export function makeSyntheticTsv(o = {}) {
  const text = fs.readFileSync(o.seedText ?? DEFAULT_SEED_TEXT, 'utf8');
  const seed = o.seed ?? DEFAULT_SEED;
  const paragraphs = cleanSeed(text);
  const pool = linePool(paragraphs, 7, 34);
  const heads = headings(paragraphs);
  if (pool.length < 20 || heads.length < 3) throw new Error(`the seed text gave too few lines (${pool.length}) or headings (${heads.length})`);
  const docs = buildDocs({ pool, heads, rand: rng(seed) });
  // Script conversion last, in one OpenCC call per direction: everything drawn from the seed, and the template
  // lines (written in simplified above) of traditional rows.
  const sc = docs.filter((d) => d.script === 'sc');
  const tc = docs.filter((d) => d.script === 'tc');
  const convert = (rows, config) => {
    const flat = rows.flatMap((d) => d.lines);
    const conv = opencc(flat, config);
    let k = 0;
    for (const d of rows) d.lines = d.lines.map(() => /** @type {string} */ (conv[k++]));
  };
  convert(sc, 't2s');
  convert(tc, 's2tw');
  const rows = docs.map((d) => `${d.id}\t${d.font}\t${d.lines.map((l) => l.replace(/[|\t]/g, ' ').trim()).join('|')}`);
  return [
    `# Synthetic OCR evaluation documents (scripts/bench/make-synthetic-tsv.mjs, seed ${seed}) from ${path.basename(o.seedText ?? DEFAULT_SEED_TEXT)}.`,
    '# One document a row: id, font family, the lines (separated by a vertical bar).',
    ...rows,
    '',
  ].join('\n');
}

if (isMainModule(import.meta.url)) {
  const { opt } = cliOptions(process.argv.slice(2));
  try {
    const out = path.resolve(opt('--out') ?? DEFAULT_OUT);
    const tsv = makeSyntheticTsv({ seedText: opt('--seed-text'), seed: opt('--seed') ? Number(opt('--seed')) : undefined });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, tsv);
    process.stdout.write(`${out}\n`);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
