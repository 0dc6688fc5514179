/**
 * The built-in embedder "cedict-concepts": no download, no training. A text becomes a bag of features — its
 * Chinese words, and the English concept stems CC-CEDICT gives for them (政府 → govern; 移动电话 and 手机 → mobil,
 * phone), English words as the same concept stems — IDF-weighted over the corpus, hashed into `dims` signed buckets
 * and L2-normalised. So Chinese paraphrases that share concepts but not words, and English questions about Chinese
 * passages, land near each other. It is a lexical-concept vector, not a semantic model.
 */
import type { Db } from '../../../store/sqlite.js';
import { hasCjk } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import type { Embedder } from './embedder.js';
import type { Lexicon } from './lexicon.js';

export const CONCEPT_EMBEDDER_ID = 'cedict-concepts-v1';
export const CONCEPT_EMBEDDER_LABEL = 'cedict-concepts (built-in: CC-CEDICT concept bag, hashed; not a semantic model)';

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Features of a text with raw weights (before IDF). */
export function conceptFeatures(text: string, lexicon: Lexicon): Map<string, number> {
  const f = new Map<string, number>();
  const add = (k: string, w: number) => f.set(k, (f.get(k) ?? 0) + w);
  for (const t of tokenize(text)) {
    if (hasCjk(t)) {
      add('w:' + t, 1);
      const cs = lexicon.concepts(t);
      for (const c of cs) add('c:' + c, 1 / Math.sqrt(cs.length));
    } else add('c:' + t, 1);
  }
  return f;
}

export class ConceptEmbedder implements Embedder {
  readonly id = CONCEPT_EMBEDDER_ID;
  readonly label = CONCEPT_EMBEDDER_LABEL;
  /** The score blend and the no-answer threshold were calibrated on these vectors (scripts/bench qa). */
  readonly calibrated = true;
  private readonly dfStmt;
  private readonly nStmt;
  private readonly dfCache = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly lexicon: Lexicon,
    readonly dims = 256,
  ) {
    this.dfStmt = db.prepare('SELECT df FROM concept_df WHERE concept = ?');
    this.nStmt = db.prepare("SELECT value FROM meta WHERE key = 'concept_docs'");
  }

  /** Counts a passage's features into the corpus statistics (IDF), or removes them again (sign -1). */
  count(texts: string[], sign: 1 | -1 = 1): void {
    const up = this.db.prepare('INSERT INTO concept_df (concept, df) VALUES (?, ?) ON CONFLICT(concept) DO UPDATE SET df = max(0, df + excluded.df)');
    let n = Number((this.nStmt.get() as { value: string } | undefined)?.value ?? 0);
    for (const t of texts) {
      for (const k of conceptFeatures(t, this.lexicon).keys()) up.run(k, sign);
      n += sign;
    }
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('concept_docs', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(Math.max(0, n)));
    this.dfCache.clear();
  }

  private idf(k: string, n: number): number {
    let df = this.dfCache.get(k);
    if (df === undefined) {
      df = (this.dfStmt.get(k) as { df: number } | undefined)?.df ?? 0;
      this.dfCache.set(k, df);
    }
    return Math.log(1 + (n + 1) / (df + 1));
  }

  embedOne(text: string): Float32Array {
    const n = Number((this.nStmt.get() as { value: string } | undefined)?.value ?? 0);
    const v = new Float32Array(this.dims);
    for (const [k, w] of conceptFeatures(text, this.lexicon)) {
      const h = fnv1a(k);
      v[h % this.dims]! += (h & 0x80000000 ? -1 : 1) * (1 + Math.log(w)) * this.idf(k, n);
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < v.length; i++) v[i]! /= norm;
    return v;
  }

  /** Queries and passages are embedded alike (the kind matters to e5-style models only). */
  async embed(texts: string[], _kind: 'query' | 'passage' = 'passage'): Promise<Float32Array[]> {
    void _kind;
    return texts.map((t) => this.embedOne(t));
  }
}
