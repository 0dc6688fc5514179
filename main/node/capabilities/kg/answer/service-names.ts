/**
 * How a question names a service item of the catalog — by one of its names or everyday aliases, whole or by its
 * words, said object first, or (English) in words of the same sense. A named item answers with its facts, first
 * (answer/ask.ts).
 */
import { hasCjk, normalizeKey, normalizeText } from '../text/normalize.js';
import { segmentExact, tokenize } from '../text/tokenize.js';

export interface ServiceName {
  entity: string;
  key: string;
  /** The name for telling its words apart: the key for a Chinese name; an English one keeps its spaces (open a clinic). */
  phrase: string;
}

/**
 * The question names a service: its name or everyday word occurs, allowing a measure word or two slipped in
 * (开个奶茶店 for 开奶茶店, 办个营业执照): the name's characters in order with at most 2 others between them.
 */
export function namesService(qKey: string, nameKey: string): boolean {
  if (qKey.includes(nameKey)) return true;
  const chars = [...nameKey];
  if (chars.length < 3 || !hasCjk(nameKey)) return false;
  const q = [...qKey];
  for (let start = q.indexOf(chars[0]!); start >= 0; start = q.indexOf(chars[0]!, start + 1)) {
    let i = start;
    let gaps = 0;
    let ok = true;
    for (const c of chars.slice(1)) {
      let j = i + 1;
      while (j < q.length && q[j] !== c && j - i <= 2) j++;
      if (q[j] !== c) {
        ok = false;
        break;
      }
      gaps += j - i - 1;
      i = j;
    }
    if (ok && gaps <= 2) return true;
  }
  return false;
}

/** One-character verbs that open a counter's everyday names (领失业金, 办社保卡, 取公积金, 补身份证 …). */
const NAME_VERBS = new Set([...'办领补换取交迁开上提']);

/** A question's clauses (split at punctuation), normalised, for namesByTopic. */
export function clausesOf(question: string): string[] {
  return normalizeText(question)
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean);
}

/**
 * The question names a service by a verb + object name said the other way round, as spoken Chinese puts the
 * thing first (失业金要交满多久才能领 for 领失业金, 社保卡能不能帮他去办 for 办社保卡, 结婚证能代领吗): the object, then
 * later in the same clause the verb as a word of its own — alone, after 代/补/再/重 (代领, 补办) or with a
 * complement (领了, 领取, 办理) — not a character of another word (开发 is not 开, 领导 not 领) nor a verb that only
 * describes the thing (公司开的发票, 牌照上的字: the verb followed by 的).
 */
export function namesByTopic(clauses: readonly string[], nameKey: string): boolean {
  const parts = topicParts(nameKey);
  if (!parts) return false;
  const { verb, object } = parts;
  return clauses.some((c) => {
    const i = c.indexOf(object);
    if (i < 0) return false;
    const after = segmentExact(c.slice(i + object.length));
    return after.some((w, k) => {
      const isVerb = w === verb || (w.length === 2 && ((w[1] === verb && VERB_BEFORE.has(w[0]!)) || (w[0] === verb && VERB_AFTER.has(w[1]!))));
      return isVerb && after[k + 1] !== '的';
    });
  });
}
/** Characters that may stand before (代领, 补办) or after (领了, 领取, 办理) a name's verb in one jieba word. */
const VERB_BEFORE = new Set([...'代补再重']);
const VERB_AFTER = new Set([...'了到完出走掉过好取理']);

const topicCache = new Map<string, { verb: string; object: string } | null>();
/** A name's one-character verb and its object (领失业金 → 领, 失业金), or null when it has no such form. */
function topicParts(nameKey: string): { verb: string; object: string } | null {
  let t = topicCache.get(nameKey);
  if (t === undefined) {
    const chars = [...nameKey];
    const verb = chars[0]!;
    const object = chars.slice(1).join('');
    t = chars.length >= 3 && NAME_VERBS.has(verb) && hasCjk(nameKey) ? { verb, object } : null;
    if (topicCache.size > 5000) topicCache.clear();
    topicCache.set(nameKey, t);
  }
  return t;
}

/** The fewest of `parts` (substrings of `key`) that cover it end to end without overlapping; [] when none do. */
function coverOf(key: string, parts: string[]): string[] {
  const n = key.length;
  const best: (string[] | null)[] = [[], ...Array<null>(n).fill(null)];
  for (let i = 0; i < n; i++) {
    const here = best[i];
    if (!here) continue;
    for (const x of parts) {
      if (!key.startsWith(x, i)) continue;
      const next = best[i + x.length];
      if (!next || next.length > here.length + 1) best[i + x.length] = [...here, x];
    }
  }
  return best[n] ?? [];
}

const nameWordsCache = new Map<string, string[]>();
/**
 * The content words of a service name or everyday word: its smallest search-mode words of two characters or more
 * (the names are in jieba's dictionary whole, so 公司注销 → 公司, 注销), and its English stems.
 */
function nameWords(key: string): string[] {
  let w = nameWordsCache.get(key);
  if (!w) {
    const parts = [...new Set(tokenize(key))].filter((x) => !hasCjk(x) || [...x].length >= 2);
    w = parts.filter((x) => !hasCjk(x) || !parts.some((y) => y !== x && hasCjk(y) && x.includes(y)));
    // A character no smallest part holds: larger parts may cover the name end to end (身份证过期 → 身份证, 过期;
    // the smallest, 身份 and 过期, leave 证 out); a one-character part (取 in 取公积金, 办 in 办护照) would be lost,
    // and such a name names by its whole only (or said object first: namesByTopic).
    const covered = new Set(w.filter(hasCjk).flatMap((x) => [...x]));
    if ([...key].some((c) => hasCjk(c) && !covered.has(c))) w = hasCjk(key) ? coverOf(key, parts.filter((x) => hasCjk(x) && x !== key)) : [];
    if (nameWordsCache.size > 5000) nameWordsCache.clear();
    nameWordsCache.set(key, w);
  }
  return w;
}

/**
 * The question names a service by the words of one of its names, apart or reordered (公司不干了要注销 for 公司注销,
 * "start a small business" for "Start a business"): every content word of a name of two or more, each of which
 * alone would say little (公司, 注销) but together say which item.
 */
export function namesByWords(qWords: Set<string>, nameKey: string): boolean {
  const words = nameWords(nameKey);
  return words.length >= 2 && words.every((w) => qWords.has(w));
}

/**
 * The question names a service by the words of an English name, a word also counting as said when the question holds
 * another that shares one of its likely translations (check / inspection → 检查, building / construction → 建筑):
 * a situation is told in other words than the name's. At least one of the name's words must be said as it is.
 */
export function namesBySense(qStems: readonly string[], phrase: string, sense: (stem: string) => ReadonlySet<string>): boolean {
  if (hasCjk(phrase)) return false;
  const words = nameWords(phrase);
  if (words.length < 2) return false;
  // Each word of the question stands for one word of the name (build cannot be both building and construction).
  const used = new Set(words.filter((w) => qStems.includes(w)));
  if (!used.size) return false;
  for (const w of words) {
    if (qStems.includes(w)) continue;
    const mine = sense(w);
    const q = qStems.find((x) => !used.has(x) && [...sense(x)].some((z) => mine.has(z)));
    if (!q) return false;
    used.add(q);
  }
  return true;
}

/**
 * Translations of an English word that namesBySense compares (the likeliest, by the sources' use): with 3, "make use"
 * by third parties named "Open a company" in a plan question (docs/benchmarks.md).
 */
export const SENSE_TRANSLATIONS = 2;

/** At most this many items named by one question (the longest names first: ServiceName order). */
const NAMED_LIMIT = 2;

/** The service items a question names, in the order of `names` (longest first), at most NAMED_LIMIT. */
export function namedServices(question: string, names: readonly ServiceName[], sense: (stem: string) => ReadonlySet<string>): Set<string> {
  const english = !hasCjk(question);
  const qKey = normalizeKey(question);
  const qWords = new Set(tokenize(question));
  const clauses = clausesOf(question);
  const qStems = english ? [...qWords] : [];
  const named = new Set<string>();
  for (const s of names) {
    if (named.size >= NAMED_LIMIT) break;
    if (!named.has(s.entity) && (namesService(qKey, s.key) || namesByWords(qWords, s.phrase) || namesByTopic(clauses, s.key) || (english && namesBySense(qStems, s.phrase, sense)))) named.add(s.entity);
  }
  return named;
}
