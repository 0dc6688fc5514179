import { HubError } from '../../../../common/contract/index.js';
import type { Db } from '../../../store/sqlite.js';

/**
 * The graph database's own schema migrations (its file is separate from hub.sqlite so the shipped base can be
 * built once and copied): `user_version` is the number applied; never edit a shipped migration, append one.
 */
export const kgMigrations: readonly string[] = [
  // 1: sources, sections, passages (+ FTS5), entities, relations, lexicon tables for the bilingual bridge
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE sources (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     kind TEXT NOT NULL,
     shipped INTEGER NOT NULL,
     file TEXT,
     added_at TEXT NOT NULL,
     effective_date TEXT,
     hash TEXT
   );
   CREATE TABLE sections (
     id TEXT PRIMARY KEY,
     source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
     path TEXT NOT NULL,
     title TEXT NOT NULL,
     ord INTEGER NOT NULL
   );
   CREATE INDEX sections_source ON sections(source_id);
   CREATE TABLE passages (
     rid INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
     section_id TEXT NOT NULL,
     ord INTEGER NOT NULL,
     original TEXT NOT NULL,
     norm TEXT NOT NULL,
     entity_id TEXT,
     vector BLOB
   );
   CREATE INDEX passages_source ON passages(source_id);
   CREATE INDEX passages_section ON passages(section_id, ord);
   CREATE VIRTUAL TABLE passages_fts USING fts5(tokens, tokenize = 'unicode61 remove_diacritics 0');
   CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row');
   CREATE TABLE entities (
     id TEXT PRIMARY KEY,
     type TEXT NOT NULL,
     name TEXT NOT NULL,
     name_en TEXT,
     key TEXT NOT NULL,
     props TEXT
   );
   CREATE INDEX entities_key ON entities(key);
   CREATE INDEX entities_type ON entities(type);
   CREATE TABLE entity_sources (
     entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
     source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
     PRIMARY KEY (entity_id, source_id)
   );
   CREATE INDEX entity_sources_source ON entity_sources(source_id);
   CREATE TABLE relations (
     src TEXT NOT NULL,
     dst TEXT NOT NULL,
     type TEXT NOT NULL,
     source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
     PRIMARY KEY (src, dst, type, source_id)
   );
   CREATE INDEX relations_dst ON relations(dst);
   CREATE INDEX relations_source ON relations(source_id);
   CREATE TABLE lex_zh (word TEXT PRIMARY KEY, concepts TEXT NOT NULL) WITHOUT ROWID;
   CREATE TABLE lex_en (stem TEXT NOT NULL, zh TEXT NOT NULL, weight REAL NOT NULL, PRIMARY KEY (stem, zh)) WITHOUT ROWID;
   CREATE TABLE concept_df (concept TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;`,
  // 2: a question looks up service items' facts passages by entity (a full scan of passages without this index:
  //    ~70 % of the warm ask time at 100k passages).
  `CREATE INDEX passages_entity ON passages(entity_id, ord);`,
  // 3: general-language word weights (jieba's IDF table), so question filler (有没有, 怎么办) weighs less than a
  //    content word the sources lack (商标): see retrieval/lexicon.ts generalIdf.
  `CREATE TABLE lex_idf (word TEXT PRIMARY KEY, idf REAL NOT NULL) WITHOUT ROWID;`,
  // 4: the everyday-words thesaurus (knowledge-graph/thesaurus/): Chinese rows (老家 → 户籍地|异地), and English rows
  //    for the bridge, kept apart from lex_en so they bridge questions but never make dictionary near-synonyms.
  `CREATE TABLE everyday_zh (everyday TEXT PRIMARY KEY, official TEXT NOT NULL) WITHOUT ROWID;
   CREATE TABLE everyday_en (stem TEXT NOT NULL, zh TEXT NOT NULL, weight REAL NOT NULL, PRIMARY KEY (stem, zh)) WITHOUT ROWID;`,
  // 5: example questions (knowledge-graph/questions/): how people ask for a shipped passage in their own words; they
  //    go with their passage (ON DELETE CASCADE), so a removed or re-synced source leaves none behind.
  `CREATE TABLE example_questions (
     passage_id TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
     question TEXT NOT NULL,
     tokens TEXT NOT NULL
   );
   CREATE INDEX example_questions_passage ON example_questions(passage_id);`,
];

export const KG_SCHEMA_VERSION = kgMigrations.length;

export function migrateKg(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > KG_SCHEMA_VERSION) {
    throw new HubError('DB_TOO_NEW', `${file} was written by a newer version of the app (graph schema ${current}; this version knows ${KG_SCHEMA_VERSION}).`);
  }
  for (let v = current; v < KG_SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(kgMigrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
