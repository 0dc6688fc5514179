/**
 * The shipped base: the plan, the service catalog and the glossary (with the thesaurus and the plan's example
 * questions) built into one graph file (graph.sqlite + vectors.hnsw) by `ic kg build` at install, then copied into
 * each data folder and re-synced when the shipped sources' hash changes (users' documents stay).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CatalogServiceEntry, KgEntityType } from '../../../../common/contract/index.js';
import { electronNativeBinding } from '../../../store/sqlite.js';
import { ConceptEmbedder } from '../retrieval/concept-embedder.js';
import { officialToken } from '../retrieval/everyday-words.js';
import { Lexicon, writeEverydayEnglish, writeLexicon } from '../retrieval/lexicon.js';
import { VectorIndex } from '../retrieval/vector-index.js';
import { SqliteGraphStore } from '../store/sqlite-graph-store.js';
import { addWords, tokenize } from '../text/tokenize.js';
import { writeCatalog } from './catalog.js';
import { readGlossary, writeGlossary } from './glossary.js';
import { readExampleQuestions, writeExampleQuestions } from './example-questions.js';
import { hashId } from './ids.js';
import { mentionTargets, storePassages, writeDocument, type PendingPassage } from './indexer.js';
import { parsePolicyText } from './plan.js';
import { readThesaurus } from './thesaurus.js';
import { CATALOG_NAME, CATALOG_SOURCE, GLOSSARY_NAME, GLOSSARY_SOURCE, PLAN_SOURCE_PREFIX, readCatalogFile, shippedFiles, shippedHash, type ShippedFiles } from './shipped.js';

export type Progress = (done: number, total: number, label: string) => void;

export const GRAPH_FILE = 'graph.sqlite';
export const VECTORS_FILE = 'vectors.hnsw';

export const now = (): string => new Date().toISOString();

/** Builds the shipped sources into `store` (an empty graph). */
export async function buildShippedInto(store: SqliteGraphStore, files: ShippedFiles, progress?: Progress): Promise<{ passages: number }> {
  const step = (d: number, label: string) => progress?.(d, 5, label);
  step(0, 'lexicon (CC-CEDICT, glossary, catalog names, everyday words)');
  const catalog = fs.existsSync(files.catalog) ? readCatalogFile(files.catalog) : undefined;
  const glossary = readGlossary(files.glossaryDir).terms;
  const pairs: { zh: string; en: string }[] = [];
  for (const t of glossary) for (const zh of [t.zh, ...t.variants]) pairs.push({ zh, en: t.en });
  for (const s of catalog?.services ?? []) {
    pairs.push({ zh: s.name, en: s.nameEn });
    for (const m of s.materials) pairs.push({ zh: m.name.replace(/（.*?）|\(.*?\)/g, ''), en: m.nameEn.replace(/\(.*?\)/g, '') });
  }
  const thesaurus = readThesaurus(files.thesaurusDir);
  writeLexicon(store.db, { pairs, everydayZh: thesaurus.zh });
  const words = [...glossary.flatMap((t) => [t.zh, ...t.variants]), ...(catalog?.services ?? []).flatMap((s) => [s.name, ...s.aliases])];
  store.setMeta('jieba_words', JSON.stringify([...new Set(words)]));
  addWords(words);
  step(1, 'glossary and catalog');
  const pending: { sourceId: string; passages: PendingPassage[] }[] = [];
  store.transaction(() => {
    if (glossary.length) {
      store.addSource({ id: GLOSSARY_SOURCE, name: GLOSSARY_NAME, kind: 'glossary', shipped: true, file: 'knowledge-graph/glossary', addedAt: now(), effectiveDate: null, hash: null });
      pending.push({ sourceId: GLOSSARY_SOURCE, passages: writeGlossary(store, GLOSSARY_SOURCE, glossary) });
    }
    if (catalog) {
      store.addSource({ id: CATALOG_SOURCE, name: CATALOG_NAME, kind: 'catalog', shipped: true, file: 'knowledge-graph/catalog/services.json', addedAt: now(), effectiveDate: null, hash: null });
      pending.push({ sourceId: CATALOG_SOURCE, passages: writeCatalog(store, CATALOG_SOURCE, catalog) });
    }
  });
  step(2, 'policy documents');
  const targets = mentionTargetsOf(store);
  const planSources = new Map<string, string>();
  store.transaction(() => {
    for (const file of files.plans) {
      const doc = parsePolicyText(fs.readFileSync(file, 'utf8'));
      const id = PLAN_SOURCE_PREFIX + hashId(path.basename(file), 8);
      planSources.set(path.basename(file, '.txt'), id);
      store.addSource({ id, name: doc.title, kind: 'plan', shipped: true, file: path.relative(files.root, file), addedAt: now(), effectiveDate: doc.effectiveDate, hash: null });
      pending.push({ sourceId: id, passages: writeDocument(store, id, doc, targets) });
    }
  });
  step(3, 'concept statistics and vectors');
  const embedder = new ConceptEmbedder(store.db, new Lexicon(store.db));
  store.transaction(() => embedder.count(pending.flatMap((p) => p.passages.map((x) => x.indexText))));
  let total = 0;
  store.transaction(() => {
    for (const { sourceId, passages } of pending) {
      storePassages(store, sourceId, passages, passages.map((p) => embedder.embedOne(p.indexText)));
      total += passages.length;
    }
  });
  writeEverydayEnglish(store.db, thesaurus.en, (o) => officialToken(o, (t) => store.docFreq(t), tokenize, total));
  store.transaction(() => writeExampleQuestions(store, files.questionsDir, readExampleQuestions(files.questionsDir), (plan) => planSources.get(plan)));
  store.setMeta('shipped_hash', shippedHash(files));
  store.setMeta('shipped_built_at', now());
  store.setMeta('embedder', embedder.id);
  step(4, 'vector index');
  return { passages: total };
}

export function mentionTargetsOf(store: SqliteGraphStore) {
  const rows = store.db.prepare("SELECT id, type, name, props FROM entities WHERE type IN ('term', 'service')").all() as {
    id: string;
    type: KgEntityType;
    name: string;
    props: string | null;
  }[];
  return mentionTargets(
    rows
      .map((r) => {
        const props = r.props ? (JSON.parse(r.props) as { lang?: string; variants?: string[]; item?: CatalogServiceEntry }) : {};
        if (r.type === 'term' && props.lang === 'en') return undefined;
        return { id: r.id, type: r.type, name: r.name, aliases: props.variants ?? props.item?.aliases.filter((a) => /[\u3400-\u9fff]/.test(a)) ?? [] };
      })
      .filter((x): x is NonNullable<typeof x> => !!x),
  );
}

/** Builds the shipped base into `outDir` (graph.sqlite + vectors.hnsw), replacing what was there. */
export async function buildBase(shippedRoot: string, outDir: string, progress?: Progress): Promise<{ passages: number; ms: number; file: string }> {
  const t0 = performance.now();
  fs.mkdirSync(outDir, { recursive: true });
  const tmp = path.join(outDir, `.${GRAPH_FILE}.${process.pid}.tmp`);
  for (const f of [tmp, tmp + '-wal', tmp + '-shm']) fs.rmSync(f, { force: true });
  const store = new SqliteGraphStore(tmp);
  let passages: number;
  try {
    ({ passages } = await buildShippedInto(store, shippedFiles(shippedRoot), progress));
    const embedder = new ConceptEmbedder(store.db, new Lexicon(store.db));
    VectorIndex.build(path.join(outDir, VECTORS_FILE), embedder.id, embedder.dims, store.vectors());
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    // A rollback-journal file: readers of the shipped base need no -wal/-shm beside it (read-only app folder).
    store.db.pragma('journal_mode = DELETE');
    store.db.exec('VACUUM');
  } finally {
    store.close();
  }
  fs.renameSync(tmp, path.join(outDir, GRAPH_FILE));
  for (const f of [tmp + '-wal', tmp + '-shm']) fs.rmSync(f, { force: true });
  progress?.(5, 5, 'done');
  return { passages, ms: Math.round(performance.now() - t0), file: path.join(outDir, GRAPH_FILE) };
}

/** True when `baseDir` holds a base built from the shipped sources as they are now. */
export function baseIsCurrent(shippedRoot: string, baseDir: string): boolean {
  const file = path.join(baseDir, GRAPH_FILE);
  return fs.existsSync(file) && readBaseHash(file) === shippedHash(shippedFiles(shippedRoot));
}

/** The base's shipped hash, read without writing (the app folder may be read-only). */
export function readBaseHash(file: string): string | null {
  try {
    const nativeBinding = electronNativeBinding();
    const db = new Database(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      return (db.prepare("SELECT value FROM meta WHERE key = 'shipped_hash'").get() as { value: string } | undefined)?.value ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Copies the base's shipped sources into the data graph, replacing the old shipped part (users' documents stay). */
export function syncShipped(store: SqliteGraphStore, baseFile: string): void {
  for (const s of store.sources().filter((x) => x.shipped)) store.removeSource(s.id);
  const db = store.db;
  db.prepare('ATTACH DATABASE ? AS base').run(baseFile);
  try {
    db.transaction(() => {
      db.exec(`
        INSERT INTO sources SELECT * FROM base.sources WHERE shipped = 1;
        INSERT INTO sections SELECT * FROM base.sections;
        INSERT INTO passages (id, source_id, section_id, ord, original, norm, entity_id, vector)
          SELECT id, source_id, section_id, ord, original, norm, entity_id, vector FROM base.passages ORDER BY rid;
        INSERT INTO passages_fts (rowid, tokens)
          SELECT p.rid, f.tokens FROM base.passages bp JOIN base.passages_fts f ON f.rowid = bp.rid JOIN main.passages p ON p.id = bp.id;
        INSERT INTO entities SELECT * FROM base.entities WHERE true
          ON CONFLICT(id) DO UPDATE SET type = excluded.type, name = excluded.name, name_en = excluded.name_en, key = excluded.key, props = excluded.props;
        INSERT OR IGNORE INTO entity_sources SELECT * FROM base.entity_sources;
        INSERT OR IGNORE INTO relations SELECT * FROM base.relations;
        DELETE FROM lex_zh; INSERT INTO lex_zh SELECT * FROM base.lex_zh;
        DELETE FROM lex_en; INSERT INTO lex_en SELECT * FROM base.lex_en;
        DELETE FROM lex_idf; INSERT INTO lex_idf SELECT * FROM base.lex_idf;
        DELETE FROM everyday_zh; INSERT INTO everyday_zh SELECT * FROM base.everyday_zh;
        DELETE FROM everyday_en; INSERT INTO everyday_en SELECT * FROM base.everyday_en;
        DELETE FROM concept_df; INSERT INTO concept_df SELECT * FROM base.concept_df;
        INSERT INTO example_questions SELECT * FROM base.example_questions;
        INSERT OR REPLACE INTO meta SELECT * FROM base.meta WHERE key IN ('shipped_hash', 'shipped_built_at', 'jieba_words', 'concept_docs', 'embedder');
      `);
    })();
  } finally {
    db.exec('DETACH DATABASE base');
    store.invalidateCounts(); // passages came in through SQL, not through the store
  }
}

