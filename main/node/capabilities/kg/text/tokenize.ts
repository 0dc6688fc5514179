/**
 * Tokens for the lexical index and the concept vectors: Chinese segmented by jieba (search mode, so 一网通办 also
 * yields 网通 …) on the simplified form, English words lower-cased and Porter-stemmed (`stemmer`). Domain words
 * (glossary terms, service names) are added to jieba's dictionary so they stay whole.
 */
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { stemmer } from 'stemmer';
import { hasCjk, normalizeText } from './normalize.js';

let jieba: Jieba | undefined;
const userWords = new Set<string>();

function segmenter(): Jieba {
  if (!jieba) {
    // @node-rs/jieba/dict is CommonJS with the default dictionary as bytes.
    const { dict } = createRequire(import.meta.url)('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
    if (userWords.size) jieba.loadDict(Buffer.from([...userWords].map((w) => `${w} 20000 n`).join('\n')));
  }
  return jieba;
}

/** Adds domain words (simplified) to the segmenter's dictionary. */
export function addWords(words: Iterable<string>): void {
  const fresh = [...words].map((w) => normalizeText(w).replace(/\s+/g, '')).filter((w) => w.length > 1 && hasCjk(w) && !userWords.has(w));
  if (!fresh.length) return;
  for (const w of fresh) userWords.add(w);
  jieba?.loadDict(Buffer.from(fresh.map((w) => `${w} 20000 n`).join('\n')));
}

// Function words that carry no topic; BM25's IDF would discount them anyway, but they bloat the index and the query.
const ZH_STOP = new Set(
  '的 了 和 与 及 或 是 在 对 为 以 于 等 把 被 将 就 都 而 之 其 并 也 由 从 向 到 给 这 那 有 个 中 上 下 要 什么 哪些 哪 哪个 哪几 如何 怎么 怎样 怎么样 吗 呢 吧 啊 请问 多少 几 规划 提到 方面 关于'.split(
    ' ',
  ),
);
const EN_STOP = new Set(
  [
    'a an the of to in on for and or is are was were be been by with as at from that this these those what which who whom how why when where does do did can could should would will shall may might must it its into about under over than then there their they them we our you your i me my he she his her not no yes any some such plan say says said',
    // Auxiliaries, pronouns and adverbs a question carries (I'm, we've just had …): CC-CEDICT glosses seldom use their
    // inflected forms, so their general weight would read them as rare content words.
    'am being have has had having ours yours mine him hers us itself myself yourself ourselves themselves just also very too so if whether while',
    // Prepositions that translate to nothing a passage holds on its own (without → 及时 through "without delay").
    'without within between among through during across against upon via per',
  ]
    .join(' ')
    .split(' '),
);

/** English contractions to their first word (I'm → i, don't → do, can't → can, won't → will), a stop word mostly. */
function uncontract(w: string): string {
  if (w === "can't") return 'can';
  if (w === "won't") return 'will';
  if (w.endsWith("n't")) return w.slice(0, -3);
  return w.replace(/'(s|m|re|ve|ll|d)$/, '');
}

export const isEnglishStop = (w: string): boolean => EN_STOP.has(w);

/** Chinese words and English stems of a text (any script): the index's and the query's vocabulary. */
export function tokenize(text: string): string[] {
  const norm = normalizeText(text);
  const out: string[] = [];
  for (const run of norm.match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z][a-z'\u2019-]*|\d+(?:\.\d+)?/g) ?? []) {
    if (hasCjk(run)) {
      for (const w of segmenter().cutForSearch(run, true)) if (!ZH_STOP.has(w)) out.push(w);
    } else if (/^\d/.test(run)) {
      out.push(run);
    } else {
      const w = uncontract(run.replace(/\u2019/g, "'")).replace(/^-+|-+$/g, '');
      if (w.length > 1 && !EN_STOP.has(w)) out.push(stemmer(w));
    }
  }
  return out;
}

/** Chinese words only (exact segmentation, not search mode): for the bridge and concept lookups. */
export function chineseWords(text: string): string[] {
  const norm = normalizeText(text);
  const out: string[] = [];
  for (const run of norm.match(/[\u3400-\u9fff\uf900-\ufaff]+/g) ?? []) for (const w of segmentExact(run)) if (!ZH_STOP.has(w)) out.push(w);
  return out;
}

/** Words of a simplified Chinese text as jieba cuts it exactly, every word kept (function words too): where words fall. */
export function segmentExact(text: string): string[] {
  return segmenter().cut(text, true);
}

/** English stems only. */
export function englishStems(text: string): string[] {
  return tokenize(text).filter((t) => !hasCjk(t));
}
