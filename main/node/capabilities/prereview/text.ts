/**
 * Text helpers shared by classification, extraction and comparison. Every transform here keeps the string's
 * length (one UTF-16 unit in, one out), so offsets found in a transformed copy point into the original.
 */

/** Full-width ASCII (Ａ１：（）) and the ideographic space to their half-width forms. Length-preserving. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

// Traditional → simplified, only characters that matter for labels, titles and common names (pairs: trad, simp).
// Used for matching, never to rewrite a value shown to the clerk.
const T2S_PAIRS =
  '證证號号碼码營营業业執执簽签發发機机關关統统會会請请書书戶户記记與与間间別别長长國国華华許许經经產产類类' +
  '個个體体設设資资額额據据務务權权區区縣县鎮镇廣广東东門门灣湾臺台陳陈張张劉刘楊杨黃黄趙赵吳吴孫孙鄭郑馮冯' +
  '蔣蒋韓韩鍾钟葉叶蘇苏盧卢謝谢鄧邓蕭萧羅罗歐欧陽阳錢钱衛卫簡简聯联絡络電电話话項项場场範范圍围註注冊册點点' +
  '車车處处廳厅辦办單单負负責责貴贵義义為为專专從从總总級级復复親亲屬属貫贯齡龄歲岁婦妇兒儿來来時时對对應应' +
  '規规價价標标準准條条檢检驗验醫医療疗藥药園园樓楼層层鄉乡莊庄橋桥島岛歷历導导師师學学習习興兴寧宁紹绍溫温' +
  '嶺岭麗丽烏乌慶庆龍龙鳳凤馬马頭头齊齐團团隊队組组織织構构費费銷销貨货幣币買买賣卖質质監监動动態态變变舊旧' +
  '換换領领補补當当選选員员職职審审議议認认識识訂订約约稅税險险維维護护於于並并係系內内聲声紀纪錄录傳传網网' +
  '頁页後后裡里們们這这說说讀读寫写線线雙双滿满無无異异優优劃划駕驾駛驶護护僑侨鄰邻輸输辭辞爾尔蘭兰羅罗' +
  '陸陆際际漢汉壯壮閩闽貝贝濟济濱滨灣湾廈厦門门蘇苏遼辽寧宁龍龙陝陕肅肃貴贵雲云';

const T2S = new Map<string, string>();
for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) {
  const t = T2S_PAIRS[i]!;
  const s = T2S_PAIRS[i + 1]!;
  if (t !== s) T2S.set(t, s);
}

/** Traditional characters of labels and titles to simplified ones. Length-preserving. */
export function t2s(s: string): string {
  let out = '';
  for (const c of s) out += T2S.get(c) ?? c;
  return out;
}

/** The form used to look for labels and keywords: half-width, simplified. Same length as the input. */
export function matchForm(s: string): string {
  return t2s(toHalfWidth(s));
}

/** Half-width, simplified, no whitespace: for keyword tests over a whole document. */
export function compactForm(s: string): string {
  return matchForm(s).replace(/\s+/g, '');
}

/** Middle dots used in transliterated names (阿卜杜·热合曼) in their many OCR shapes. */
const NAME_DOTS = /[·•・‧∙．.]/g;

/** Person or organisation name for comparison: half-width, simplified, no spaces, one kind of dot, upper case. */
export function normalizeName(s: string): string {
  return matchForm(s).replace(/\s+/g, '').replace(NAME_DOTS, '·').toUpperCase();
}

/** A code (ID number, USCC) for comparison: half-width, no spaces or dashes, upper case. */
export function normalizeCode(s: string): string {
  return toHalfWidth(s).replace(/[\s-]+/g, '').toUpperCase();
}

/** True when `c` (or nothing) is a boundary: start or end of text, whitespace or punctuation. */
export function isBoundary(c: string | undefined): boolean {
  return c === undefined || /[\s:;,.，。；、|()[\]【】《》<>"'“”‘’!?！？]/.test(c);
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
