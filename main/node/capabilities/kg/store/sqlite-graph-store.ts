import fs from 'node:fs';
import type { Statement } from 'better-sqlite3';
import type { KgEntityType } from '../../../../common/contract/index.js';
import { openSqlite, type Db } from '../../../store/sqlite.js';
import type { EntityRow, GraphStore, NewPassage, PassageRow, RelationRow, RemovedCounts, SectionRow, SourceRow } from './graph-store.js';
import { migrateKg } from './migrations.js';
import { normalizeKey } from '../text/normalize.js';

interface PassageDbRow {
  rid: number;
  id: string;
  source_id: string;
  section_id: string;
  ord: number;
  original: string;
  norm: string;
  entity_id: string | null;
}
const toPassage = (r: PassageDbRow): PassageRow => ({
  rid: r.rid,
  id: r.id,
  sourceId: r.source_id,
  sectionId: r.section_id,
  ord: r.ord,
  original: r.original,
  norm: r.norm,
  entityId: r.entity_id,
});
interface SourceDbRow {
  id: string;
  name: string;
  kind: SourceRow['kind'];
  shipped: number;
  file: string | null;
  added_at: string;
  effective_date: string | null;
  hash: string | null;
}
const toSource = (r: SourceDbRow): SourceRow => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  shipped: r.shipped === 1,
  file: r.file,
  addedAt: r.added_at,
  effectiveDate: r.effective_date,
  hash: r.hash,
});
interface EntityDbRow {
  id: string;
  type: KgEntityType;
  name: string;
  name_en: string | null;
  props: string | null;
}
const toEntity = (r: EntityDbRow): EntityRow => ({ id: r.id, type: r.type, name: r.name, nameEn: r.name_en, props: r.props ? JSON.parse(r.props) : null });

const PASSAGE_COLS = 'rid, id, source_id, section_id, ord, original, norm, entity_id';

/** The graph in one SQLite file (better-sqlite3, WAL): see graph-store.ts. */
export class SqliteGraphStore implements GraphStore {
  readonly db: Db;
  // Statements prepared once per SQL text: a question runs dozens of lookups and preparing each costs as much as running it.
  private readonly stmts = new Map<string, Statement>();
  // fts5vocab computes a term's document count by reading its whole doclist (O(df) per call): counts are kept
  // here until the passages change.
  private readonly dfCache = new Map<string, number>();
  private countCache: number | undefined;

  constructor(readonly file: string) {
    this.db = openSqlite(file);
    try {
      migrateKg(this.db, file);
    } catch (err) {
      this.db.close();
      throw err;
    }
  }

  private stmt(sql: string): Statement {
    let st = this.stmts.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.stmts.set(sql, st);
    }
    return st;
  }

  /** Forgets cached document frequencies and the passage count (after passages change behind the store's back). */
  invalidateCounts(): void {
    this.dfCache.clear();
    this.countCache = undefined;
  }

  static exists(file: string): boolean {
    return fs.existsSync(file);
  }

  close(): void {
    this.db.close();
  }

  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } finally {
      // A rolled-back write must not leave counts read inside it behind.
      this.invalidateCounts();
    }
  }

  meta(key: string): string | null {
    return (this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  }
  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  addSource(s: SourceRow): void {
    this.db
      .prepare('INSERT INTO sources (id, name, kind, shipped, file, added_at, effective_date, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(s.id, s.name, s.kind, s.shipped ? 1 : 0, s.file, s.addedAt, s.effectiveDate, s.hash);
  }
  source(id: string): SourceRow | undefined {
    const r = this.stmt('SELECT * FROM sources WHERE id = ?').get(id) as SourceDbRow | undefined;
    return r && toSource(r);
  }
  sourceByName(name: string): SourceRow | undefined {
    const r = this.db.prepare('SELECT * FROM sources WHERE name = ? ORDER BY added_at LIMIT 1').get(name) as SourceDbRow | undefined;
    return r && toSource(r);
  }
  sources(): SourceRow[] {
    return (this.db.prepare('SELECT * FROM sources ORDER BY shipped DESC, added_at, id').all() as SourceDbRow[]).map(toSource);
  }
  counts(sourceId: string): { passages: number; entities: number } {
    const p = this.db.prepare('SELECT COUNT(*) AS n FROM passages WHERE source_id = ?').get(sourceId) as { n: number };
    const e = this.db.prepare('SELECT COUNT(*) AS n FROM entity_sources WHERE source_id = ?').get(sourceId) as { n: number };
    return { passages: p.n, entities: e.n };
  }

  removeSource(id: string): RemovedCounts {
    this.invalidateCounts();
    return this.transaction(() => {
      const rids = (this.db.prepare('SELECT rid FROM passages WHERE source_id = ?').all(id) as { rid: number }[]).map((r) => r.rid);
      const delFts = this.db.prepare('DELETE FROM passages_fts WHERE rowid = ?');
      for (const rid of rids) delFts.run(rid);
      const passages = this.db.prepare('DELETE FROM passages WHERE source_id = ?').run(id).changes;
      const relations = this.db.prepare('DELETE FROM relations WHERE source_id = ?').run(id).changes;
      const mentioned = (this.db.prepare('SELECT entity_id FROM entity_sources WHERE source_id = ?').all(id) as { entity_id: string }[]).map(
        (r) => r.entity_id,
      );
      this.db.prepare('DELETE FROM entity_sources WHERE source_id = ?').run(id);
      let entities = 0;
      const orphan = this.db.prepare('DELETE FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM entity_sources WHERE entity_id = ?)');
      const dangling = this.db.prepare('DELETE FROM relations WHERE src = ? OR dst = ?');
      for (const e of mentioned) {
        if (orphan.run(e, e).changes) {
          entities++;
          dangling.run(e, e);
        }
      }
      this.db.prepare('DELETE FROM sections WHERE source_id = ?').run(id);
      this.db.prepare('DELETE FROM sources WHERE id = ?').run(id);
      return { passages, entities, relations, rids };
    });
  }

  addSection(s: SectionRow): void {
    this.db.prepare('INSERT INTO sections (id, source_id, path, title, ord) VALUES (?, ?, ?, ?, ?)').run(s.id, s.sourceId, JSON.stringify(s.path), s.title, s.ord);
  }
  section(id: string): SectionRow | undefined {
    const r = this.stmt('SELECT * FROM sections WHERE id = ?').get(id) as
      | { id: string; source_id: string; path: string; title: string; ord: number }
      | undefined;
    return r && { id: r.id, sourceId: r.source_id, path: JSON.parse(r.path), title: r.title, ord: r.ord };
  }

  addPassage(p: NewPassage): number {
    const vector = p.vector ? Buffer.from(p.vector.buffer, p.vector.byteOffset, p.vector.byteLength) : null;
    const rid = Number(
      this.db
        .prepare('INSERT INTO passages (id, source_id, section_id, ord, original, norm, entity_id, vector) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(p.id, p.sourceId, p.sectionId, p.ord, p.original, p.norm, p.entityId ?? null, vector).lastInsertRowid,
    );
    this.db.prepare('INSERT INTO passages_fts (rowid, tokens) VALUES (?, ?)').run(rid, p.tokens);
    this.invalidateCounts();
    return rid;
  }
  addExampleQuestion(passageId: string, question: string, tokens: string): void {
    this.stmt('INSERT INTO example_questions (passage_id, question, tokens) VALUES (?, ?, ?)').run(passageId, question, tokens);
  }
  exampleQuestionCount(): number {
    return (this.stmt('SELECT COUNT(*) AS n FROM example_questions').get() as { n: number }).n;
  }
  exampleQuestions(): { rid: number; question: string; tokens: string[] }[] {
    const rows = this.db.prepare('SELECT p.rid, q.question, q.tokens FROM example_questions q JOIN passages p ON p.id = q.passage_id ORDER BY q.rowid').all() as { rid: number; question: string; tokens: string }[];
    return rows.map((r) => ({ rid: r.rid, question: r.question, tokens: r.tokens ? r.tokens.split(' ') : [] }));
  }
  passage(id: string): PassageRow | undefined {
    const r = this.stmt(`SELECT ${PASSAGE_COLS} FROM passages WHERE id = ?`).get(id) as PassageDbRow | undefined;
    return r && toPassage(r);
  }
  passagesByRid(rids: number[]): PassageRow[] {
    if (!rids.length) return [];
    const rows = this.stmt(`SELECT ${PASSAGE_COLS} FROM passages WHERE rid IN (${rids.map(() => '?').join(',')})`).all(...rids) as PassageDbRow[];
    const byRid = new Map(rows.map((r) => [r.rid, toPassage(r)]));
    return rids.flatMap((r) => byRid.get(r) ?? []);
  }
  sectionPassages(sectionId: string): PassageRow[] {
    return (this.db.prepare(`SELECT ${PASSAGE_COLS} FROM passages WHERE section_id = ? ORDER BY ord`).all(sectionId) as PassageDbRow[]).map(toPassage);
  }
  *vectors(): Iterable<{ rid: number; vector: Float32Array }> {
    for (const r of this.db.prepare('SELECT rid, vector FROM passages WHERE vector IS NOT NULL').iterate() as Iterable<{ rid: number; vector: Buffer }>) {
      const copy = new Uint8Array(r.vector);
      yield { rid: r.rid, vector: new Float32Array(copy.buffer, 0, copy.byteLength / 4) };
    }
  }

  upsertEntity(e: EntityRow, sourceId: string): void {
    this.db
      .prepare(
        `INSERT INTO entities (id, type, name, name_en, key, props) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, name_en = COALESCE(excluded.name_en, entities.name_en),
           key = excluded.key, props = COALESCE(excluded.props, entities.props)`,
      )
      .run(e.id, e.type, e.name, e.nameEn, normalizeKey(e.name), e.props ? JSON.stringify(e.props) : null);
    this.db.prepare('INSERT OR IGNORE INTO entity_sources (entity_id, source_id) VALUES (?, ?)').run(e.id, sourceId);
  }
  entity(id: string): EntityRow | undefined {
    const r = this.stmt('SELECT id, type, name, name_en, props FROM entities WHERE id = ?').get(id) as EntityDbRow | undefined;
    return r && toEntity(r);
  }
  entitiesByKey(key: string): EntityRow[] {
    return (this.stmt('SELECT id, type, name, name_en, props FROM entities WHERE key = ?').all(key) as EntityDbRow[]).map(toEntity);
  }
  searchEntities(keyPart: string, type: KgEntityType | undefined, limit: number): EntityRow[] {
    const like = `%${keyPart.replace(/[%_]/g, '')}%`;
    const rows = this.db
      .prepare(
        `SELECT id, type, name, name_en, props FROM entities
         WHERE (key LIKE ? OR lower(name_en) LIKE ?) AND (? IS NULL OR type = ?)
         ORDER BY (key = ?) DESC, length(key), id LIMIT ?`,
      )
      .all(like, like, type ?? null, type ?? null, keyPart, limit) as EntityDbRow[];
    return rows.map(toEntity);
  }
  entitySources(id: string): string[] {
    return (this.db.prepare('SELECT source_id FROM entity_sources WHERE entity_id = ? ORDER BY source_id').all(id) as { source_id: string }[]).map(
      (r) => r.source_id,
    );
  }
  addRelation(r: RelationRow, sourceId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO relations (src, dst, type, source_id) VALUES (?, ?, ?, ?)').run(r.src, r.dst, r.type, sourceId);
  }
  relationsOf(id: string): RelationRow[] {
    return this.db.prepare('SELECT DISTINCT src, dst, type FROM relations WHERE src = ? OR dst = ?').all(id, id) as RelationRow[];
  }

  searchLexical(match: string, limit: number): { rid: number; score: number }[] {
    return (this.stmt('SELECT rowid AS rid, -bm25(passages_fts) AS score FROM passages_fts WHERE passages_fts MATCH ? ORDER BY bm25(passages_fts) LIMIT ?').all(match, limit) as {
      rid: number;
      score: number;
    }[]);
  }
  docFreq(token: string): number {
    let df = this.dfCache.get(token);
    if (df === undefined) {
      df = (this.stmt('SELECT doc FROM passages_vocab WHERE term = ?').get(token) as { doc: number } | undefined)?.doc ?? 0;
      if (this.dfCache.size > 100_000) this.dfCache.clear();
      this.dfCache.set(token, df);
    }
    return df;
  }
  passageCount(): number {
    this.countCache ??= (this.stmt('SELECT COUNT(*) AS n FROM passages').get() as { n: number }).n;
    return this.countCache;
  }

  stats() {
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    const group = (sql: string) => Object.fromEntries((this.db.prepare(sql).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
    return {
      sources: count('SELECT COUNT(*) AS n FROM sources'),
      passages: count('SELECT COUNT(*) AS n FROM passages'),
      vectors: count('SELECT COUNT(*) AS n FROM passages WHERE vector IS NOT NULL'),
      entities: group('SELECT type AS k, COUNT(*) AS n FROM entities GROUP BY type'),
      relations: group('SELECT type AS k, COUNT(*) AS n FROM relations GROUP BY type'),
    };
  }
}
