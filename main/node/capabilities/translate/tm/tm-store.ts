import type { TmMatch, TmStats, TranslateLang } from '../../../../common/contract/index.js';
import { openSqlite, type Db } from '../../../store/sqlite.js';
import { FuzzyIndex } from './fuzzy-index.js';
import { migrateTm } from './tm-migrations.js';

export interface TmEntry {
  srcLang: TranslateLang;
  tgtLang: TranslateLang;
  src: string;
  tgt: string;
}

/** What exact matching compares: Unicode-compatible forms (full-width → ASCII), one space, no outer spaces. */
export function tmKey(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const pairKey = (s: string, t: string) => `${s}>${t}`;

/**
 * Translation memory in SQLite: one unit per (pair, normalised source); adding a source again replaces its target
 * (the newest reviewed translation wins). Fuzzy lookups go through an in-memory n-gram index per pair, built on
 * first use and kept current by add().
 */
export class TmStore {
  private indexes = new Map<string, FuzzyIndex>();
  private readonly stmts;

  constructor(
    readonly db: Db,
    readonly file = ':memory:',
  ) {
    migrateTm(db, file);
    this.stmts = {
      exact: db.prepare<[string, string, string], { id: number; src: string; tgt: string }>(
        'SELECT id, src, tgt FROM tm_units WHERE src_lang = ? AND tgt_lang = ? AND src_key = ?',
      ),
      byId: db.prepare<[number], { src: string; tgt: string }>('SELECT src, tgt FROM tm_units WHERE id = ?'),
      upsert: db.prepare<[string, string, string, string, string, string, number, string, string], { id: number }>(
        `INSERT INTO tm_units (src_lang, tgt_lang, src, src_key, tgt, origin, reviewed, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (src_lang, tgt_lang, src_key) DO UPDATE SET tgt = excluded.tgt, src = excluded.src,
           origin = excluded.origin, reviewed = MAX(reviewed, excluded.reviewed), updated_at = excluded.updated_at
         RETURNING id`,
      ),
      all: db.prepare<[string, string], { id: number; src_key: string }>('SELECT id, src_key FROM tm_units WHERE src_lang = ? AND tgt_lang = ?'),
      stats: db.prepare<[], { src_lang: string; tgt_lang: string; n: number }>(
        'SELECT src_lang, tgt_lang, COUNT(*) AS n FROM tm_units GROUP BY src_lang, tgt_lang ORDER BY src_lang, tgt_lang',
      ),
      every: db.prepare<[], { src_lang: string; tgt_lang: string; src: string; tgt: string; created_at: string; updated_at: string }>(
        'SELECT src_lang, tgt_lang, src, tgt, created_at, updated_at FROM tm_units ORDER BY id',
      ),
    };
  }

  static open(file: string): TmStore {
    const db = openSqlite(file);
    try {
      return new TmStore(db, file);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  close(): void {
    this.db.close();
  }

  /** Adds units in one transaction; `origin` says where they came from (review, tmx import, …). */
  add(units: readonly TmEntry[], o: { origin: string; reviewed?: boolean } = { origin: 'review' }): number {
    const now = new Date().toISOString();
    const added: { pair: string; id: number; key: string }[] = [];
    this.db.transaction(() => {
      for (const u of units) {
        const key = tmKey(u.src);
        const tgt = u.tgt.trim();
        if (!key || !tgt) continue;
        const { id } = this.stmts.upsert.get(u.srcLang, u.tgtLang, u.src.trim(), key, tgt, o.origin, o.reviewed ? 1 : 0, now, now)!;
        added.push({ pair: pairKey(u.srcLang, u.tgtLang), id, key });
      }
    })();
    for (const a of added) this.indexes.get(a.pair)?.add(a.id, a.key);
    return added.length;
  }

  exact(srcLang: string, tgtLang: string, src: string): TmMatch | undefined {
    const row = this.stmts.exact.get(srcLang, tgtLang, tmKey(src));
    return row ? { src: row.src, tgt: row.tgt, score: 1 } : undefined;
  }

  private index(srcLang: string, tgtLang: string): FuzzyIndex {
    const k = pairKey(srcLang, tgtLang);
    let ix = this.indexes.get(k);
    if (!ix) {
      ix = new FuzzyIndex(srcLang === 'zh' ? 2 : 3);
      for (const r of this.stmts.all.iterate(srcLang, tgtLang)) ix.add(r.id, r.src_key);
      this.indexes.set(k, ix);
    }
    return ix;
  }

  /** Builds the fuzzy index of a pair now (otherwise the first fuzzy lookup does). */
  warm(srcLang: string, tgtLang: string): void {
    this.index(srcLang, tgtLang);
  }

  /** Best matches with similarity ≥ minScore (1 − edit distance / longer length), best first; an exact match scores 1. */
  lookup(srcLang: string, tgtLang: string, src: string, minScore = 0.75, limit = 5): TmMatch[] {
    const hit = this.exact(srcLang, tgtLang, src);
    if (hit && limit === 1) return [hit];
    const found = this.index(srcLang, tgtLang).search(tmKey(src), minScore, limit);
    const out = found.map((f) => ({ ...this.stmts.byId.get(f.id)!, score: f.score }));
    if (hit && !out.some((m) => m.score === 1)) out.unshift(hit);
    return out.slice(0, limit);
  }

  stats(): TmStats {
    const pairs = this.stmts.stats.all().map((r) => ({ srcLang: r.src_lang, tgtLang: r.tgt_lang, units: r.n }));
    return { units: pairs.reduce((n, p) => n + p.units, 0), pairs };
  }

  *entries(): Generator<TmEntry & { createdAt: string; updatedAt: string }> {
    for (const r of this.stmts.every.iterate()) {
      yield { srcLang: r.src_lang as TranslateLang, tgtLang: r.tgt_lang as TranslateLang, src: r.src, tgt: r.tgt, createdAt: r.created_at, updatedAt: r.updated_at };
    }
  }
}
