/**
 * The knowledge graph engine: one graph database in the data folder (<data>/kg/graph.sqlite + vectors.hnsw) that
 * holds the shipped sources and the user's documents. The shipped part comes from a prebuilt base
 * (knowledge-graph/build/, made by `ic kg build` at install) copied in at first use and re-synced when its hash
 * changes — users' documents stay. Without a base the shipped sources are built in place.
 *
 * Vectors: the built-in concept vectors are always kept (SQLite + vectors.hnsw: the shipped base has them, and they
 * are the fallback); where an embedding model pack is installed, a second index (vectors-model.hnsw) holds the
 * model's vectors and answers instead — chosen in one place, useBestEmbedder().
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  HubError,
  type KgAddOutput,
  type KgAskResult,
  type KgEntity,
  type KgEntityType,
  type KgGlossaryEntry,
  type KgNeighbourhood,
  type KgRemoveResult,
  type KgSection,
  type KgServiceFacts,
  type KgSource,
  type KgStats,
  type ServiceCatalogFile,
  type CatalogServiceEntry,
} from '../../../common/contract/index.js';
import { resourcesRoot } from '../../config/app-paths.js';
import { ask, type AskContext, type AskOptions } from './answer/ask.js';
import { SENSE_TRANSLATIONS, type ServiceName } from './answer/service-names.js';
import { likelyTranslations } from './retrieval/bridge.js';
import { CATALOG_NAME, CATALOG_SOURCE, shippedFiles, shippedHash } from './ingest/shipped.js';
import { serviceFacts, writeCatalog } from './ingest/catalog.js';
import { exportGlossary, type GlossaryTerm } from './ingest/glossary.js';
import { hashId } from './ingest/ids.js';
import { storePassages, writeDocument, type PendingPassage } from './ingest/indexer.js';
import { readDocument, type OcrReader } from './ingest/readers.js';
import { ConceptEmbedder } from './retrieval/concept-embedder.js';
import type { Embedder } from './retrieval/embedder.js';
import { ModelEmbedder, ModelEmbedderError, modelEmbedderId, type EmbedModel, type EmbedPackRef } from './retrieval/model-embedder.js';
import { Lexicon } from './retrieval/lexicon.js';
import { ExampleQuestionIndex } from './retrieval/example-questions.js';
import { MorphemeIndex } from './retrieval/morphemes.js';
import { VectorIndex } from './retrieval/vector-index.js';
import type { PassageRow } from './store/graph-store.js';
import { GRAPH_FILE, VECTORS_FILE, buildShippedInto, mentionTargetsOf, now, readBaseHash, syncShipped, type Progress } from './ingest/shipped-base.js';
import { SqliteGraphStore } from './store/sqlite-graph-store.js';
import { normalizeKey, normalizeText } from './text/normalize.js';
import { addWords, tokenize } from './text/tokenize.js';

// The shipped base (built at install by `ic kg build`, copied into data folders) lives in its own module; the
// engine is the feature's one entry point, so its builders are re-exported here.
export { baseIsCurrent, buildBase, buildShippedInto, type Progress } from './ingest/shipped-base.js';

export interface KgEngineOptions {
  /** The data folder: the graph lives in <dataDir>/kg/. */
  dataDir: string;
  /** The shipped sources (knowledge-graph/); the app's by default. */
  shippedRoot?: string;
  /** The prebuilt base; <shippedRoot>/build by default. */
  baseDir?: string;
  /** Reads PDFs and images (the `ocr` capability); without it those files are refused as UNAVAILABLE. */
  readWithOcr?: OcrReader;
  progress?: Progress;
  /**
   * The `embed` feature's model (wired by the kg contribution to the pack store and the model host). With an
   * installed pack the graph's vectors come from it; without (or when it fails) from the built-in embedder.
   */
  embedModel?: EmbedModel;
  /** Embedder switches and fallbacks, said plainly (the hub log). */
  notice?: (level: 'info' | 'warn', message: string) => void;
}

export const defaultShippedRoot = (): string => path.join(resourcesRoot(), 'knowledge-graph');
/** The model's vectors (its sidecar JSON names the pack, version and files: another model's are rebuilt). */
const MODEL_VECTORS_FILE = 'vectors-model.hnsw';

/** Forgets the persisted vector indexes of `dir` (they no longer match the graph): the next open rebuilds them. */
function dropIndexes(dir: string, which: string[] = [VECTORS_FILE, MODEL_VECTORS_FILE]): void {
  for (const f of which) for (const ext of ['.json', '']) fs.rmSync(path.join(dir, f + ext), { force: true });
}

export class KgEngine implements AskContext {
  readonly lexicon: Lexicon;
  /** The built-in embedder: its vectors are stored with every passage and indexed always (the fallback). */
  readonly concepts: ConceptEmbedder;
  /** The built-in vectors' index, kept current on every change. */
  conceptIndex: VectorIndex | null;
  /** The model pack's embedder and index, while one is installed and works. */
  private model: { embedder: ModelEmbedder; index: VectorIndex } | null = null;
  /** Why the built-in embedder answers although a model pack is installed (it failed); null otherwise. */
  embedderNote: string | null = null;
  /** The model (embedder id) that failed: not tried again until the pack changes or the graph is reopened. */
  private failedModel: string | undefined;
  /** A model index being built (in the background while the hub runs): shown in stats and answers meanwhile. */
  private building: { ref: EmbedPackRef; done: number; total: number } | null = null;
  serviceNames: ServiceName[] = [];
  private readonly tokensStmt;
  private readonly factsStmt;

  private constructor(
    readonly store: SqliteGraphStore,
    readonly dir: string,
    private readonly options: KgEngineOptions,
  ) {
    this.lexicon = new Lexicon(store.db);
    this.concepts = new ConceptEmbedder(store.db, this.lexicon);
    this.tokensStmt = store.db.prepare('SELECT tokens FROM passages_fts WHERE rowid = ?');
    this.factsStmt = store.db.prepare('SELECT rid FROM passages WHERE entity_id = ? ORDER BY ord LIMIT 1');
    addWords(JSON.parse(store.meta('jieba_words') ?? '[]') as string[]);
    this.conceptIndex = VectorIndex.open(path.join(dir, VECTORS_FILE), this.concepts.id, this.concepts.dims) ?? null;
    if (!this.conceptIndex || this.conceptIndex.size !== store.stats().vectors) this.rebuildIndex();
    this.loadServiceNames();
  }

  /** Opens (creating or re-syncing the shipped part when needed) the graph of a data folder. */
  static async open(options: KgEngineOptions): Promise<KgEngine> {
    const dir = path.join(options.dataDir, 'kg');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, GRAPH_FILE);
    const shippedRoot = options.shippedRoot ?? defaultShippedRoot();
    const baseDir = options.baseDir ?? process.env.IC_KG_BASE_DIR ?? path.join(shippedRoot, 'build');
    const files = shippedFiles(shippedRoot);
    const hash = shippedHash(files);
    // A base built from other shipped sources than these (edited since `ic kg build`) is not used.
    const candidate = path.join(baseDir, GRAPH_FILE);
    const baseFile = fs.existsSync(candidate) && readBaseHash(candidate) === hash ? candidate : undefined;
    const fresh = !fs.existsSync(file);
    if (fresh && baseFile) {
      fs.copyFileSync(baseFile, file);
      for (const ext of ['', '.json']) if (fs.existsSync(path.join(baseDir, VECTORS_FILE + ext))) fs.copyFileSync(path.join(baseDir, VECTORS_FILE + ext), path.join(dir, VECTORS_FILE + ext));
    }
    const store = new SqliteGraphStore(file);
    try {
      if (!baseFile) {
        // No usable prebuilt base (a clone before `ic kg build`, edited sources): build the shipped part here when stale.
        if (store.meta('shipped_hash') !== hash) {
          for (const s of store.sources().filter((x) => x.shipped)) store.removeSource(s.id);
          await buildShippedInto(store, files, options.progress);
        }
      } else if (!fresh) {
        if (store.meta('shipped_hash') !== hash) {
          syncShipped(store, baseFile);
          await KgEngine.recountUsers(store);
          dropIndexes(dir);
        }
      }
    } catch (err) {
      store.close();
      throw err;
    }
    const engine = new KgEngine(store, dir, options);
    try {
      await engine.useBestEmbedder();
    } catch (err) {
      engine.close();
      throw err;
    }
    return engine;
  }

  /** Users' documents' concept statistics on top of the shipped ones (after a re-sync). */
  private static async recountUsers(store: SqliteGraphStore): Promise<void> {
    const emb = new ConceptEmbedder(store.db, new Lexicon(store.db));
    const users = store.sources().filter((s) => !s.shipped);
    for (const s of users) {
      const texts = (store.db.prepare('SELECT original FROM passages WHERE source_id = ?').all(s.id) as { original: string }[]).map((r) => r.original);
      store.transaction(() => emb.count(texts));
    }
  }

  close(): void {
    this.conceptIndex?.save();
    this.model?.index.save();
    this.store.close();
  }

  /** The embedder answering now: the model pack's where one works, the built-in one otherwise. */
  get embedder(): Embedder {
    return this.model?.embedder ?? this.concepts;
  }

  /** The index of the answering embedder's vectors. */
  get index(): VectorIndex | null {
    return this.model?.index ?? this.conceptIndex;
  }

  /** Rebuilds the built-in vectors' index from the vectors the graph keeps. */
  rebuildIndex(): void {
    this.conceptIndex = VectorIndex.build(path.join(this.dir, VECTORS_FILE), this.concepts.id, this.concepts.dims, this.store.vectors());
  }

  // ------------------------------------------------------------ the embedder

  /** True when the installed embedding pack is not the one answering (installed, removed or replaced since). */
  embedderOutdated(): boolean {
    const ref = this.options.embedModel?.pack();
    const id = ref ? modelEmbedderId(ref) : undefined;
    return id !== this.model?.embedder.id && !(id && id === this.failedModel);
  }

  /**
   * THE choice of embedder: the installed, intact embedding pack's model (the embed feature's need) where there is
   * one and it works, its index opened or built (every passage, in batches, with progress); the built-in
   * cedict-concepts embedder otherwise. A model that fails falls back to the built-in one with the reason
   * (embedderNote), nothing lost: the built-in vectors are always kept. Called at open and, by KgService, when
   * the installed pack changes while the hub runs (the old embedder answers until the new index is ready).
   */
  async useBestEmbedder(): Promise<void> {
    const ref = this.options.embedModel?.pack();
    const id = ref ? modelEmbedderId(ref) : undefined;
    if (id === this.model?.embedder.id) return;
    if (!ref || !id) {
      if (this.model) this.options.notice?.('info', `knowledge graph: the embedding pack ${this.model.embedder.ref.id} is gone; answering with the built-in embedder`);
      this.dropModel();
      this.embedderNote = null;
      return;
    }
    if (id === this.failedModel) return;
    try {
      const embedder = await ModelEmbedder.open(this.options.embedModel!, ref);
      const file = path.join(this.dir, MODEL_VECTORS_FILE);
      let index = VectorIndex.open(file, embedder.id, embedder.dims);
      const n = this.store.passageCount();
      if (!index || index.size !== n) {
        this.options.notice?.('info', `knowledge graph: building the vector index with ${ref.id} ${ref.version} for ${n} passages`);
        const t0 = performance.now();
        const rows = this.modelTexts();
        this.building = { ref, done: 0, total: rows.length };
        let vectors: Float32Array[];
        try {
          vectors = await embedder.embed(rows.map((r) => r.text), 'passage', (done) => {
            this.building!.done = done;
            this.options.progress?.(done, rows.length, `vector index (${ref.id})`);
          });
        } finally {
          this.building = null;
        }
        index = VectorIndex.build(file, embedder.id, embedder.dims, rows.map((r, i) => ({ rid: r.rid, vector: vectors[i]! })));
        this.options.notice?.('info', `knowledge graph: vector index with ${ref.id} built (${rows.length} passages, ${Math.round(performance.now() - t0)} ms)`);
      }
      this.model = { embedder, index };
      this.embedderNote = null;
      this.failedModel = undefined;
    } catch (err) {
      if (!(err instanceof ModelEmbedderError)) throw err;
      this.fallBack(err, id);
    }
  }

  /**
   * The model failed: the built-in embedder answers from now on, and says why. The model's index stays on disk
   * (a model working again reuses it) unless it is `stale` — it missed a change — and then it goes.
   */
  private fallBack(err: ModelEmbedderError, id = this.model?.embedder.id, stale = false): void {
    this.failedModel = id;
    this.embedderNote = `the embedding pack ${err.packId} failed (${err.reason.slice(0, 200)}); the built-in embedder answers`;
    this.options.notice?.('warn', `knowledge graph: ${this.embedderNote}`);
    this.dropModel(stale);
  }

  /** Why the built-in embedder answers although an embedding pack is installed, if it does: failed, or still indexing. */
  private note(): string | null {
    const b = this.building;
    if (b && !this.model) return `the vector index with ${b.ref.id} ${b.ref.version} is being built (${b.done}/${b.total} passages); the built-in embedder answers until it is ready`;
    return this.embedderNote;
  }

  private dropModel(forget = false): void {
    if (this.model && !forget) this.model.index.save();
    this.model = null;
    if (forget) dropIndexes(this.dir, [MODEL_VECTORS_FILE]);
  }

  /** What the model embeds for each passage (of one source, or all): the section title (the topic) and the text. */
  private modelTexts(sourceId?: string): { rid: number; text: string }[] {
    const rows = this.store.db
      .prepare(`SELECT p.rid, p.original, s.title FROM passages p LEFT JOIN sections s ON s.id = p.section_id ${sourceId ? 'WHERE p.source_id = ?' : ''} ORDER BY p.rid`)
      .all(...(sourceId ? [sourceId] : [])) as { rid: number; original: string; title: string | null }[];
    return rows.map((r) => ({ rid: r.rid, text: r.title && !r.original.includes(r.title) ? `${r.title} ${r.original}` : r.original }));
  }

  /**
   * After a change: removed passages out of the model's index, the new passages of `sourceId` into it (the built-in
   * index is updated with the store). Without a model, a model index left on disk no longer matches the graph: it is
   * dropped (a model installed later rebuilds it).
   */
  private async afterChange(sourceId: string | null, removedRids: number[]): Promise<void> {
    this.removeFromModel(removedRids);
    if (!this.model || !sourceId) return;
    const { embedder, index } = this.model;
    try {
      const rows = this.modelTexts(sourceId);
      const vectors = await embedder.embed(rows.map((r) => r.text), 'passage', (done) => this.options.progress?.(done, rows.length, `vectors (${embedder.ref.id})`));
      rows.forEach((r, i) => index.add(r.rid, vectors[i]!));
    } catch (err) {
      if (!(err instanceof ModelEmbedderError)) throw err;
      this.fallBack(err, embedder.id, true); // its index lacks this source's passages
      return;
    }
    index.save();
  }

  /** Removing needs no model: its vectors are markDelete'd, or the index rebuilt from its own points when deletions pile up. */
  private removeFromModel(rids: number[]): void {
    if (!this.model) {
      dropIndexes(this.dir, [MODEL_VECTORS_FILE]);
      return;
    }
    const { embedder, index } = this.model;
    for (const rid of rids) index.remove(rid);
    if (index.needsRebuild()) {
      const live = this.store.db.prepare('SELECT rid FROM passages').pluck().all() as number[];
      this.model.index = VectorIndex.build(index.file, embedder.id, embedder.dims, index.points(live));
    } else index.save();
  }

  private loadServiceNames(): void {
    const rows = this.store.db.prepare("SELECT id, props FROM entities WHERE type = 'service'").all() as { id: string; props: string }[];
    const names: ServiceName[] = [];
    for (const r of rows) {
      const item = (JSON.parse(r.props) as { item: CatalogServiceEntry }).item;
      for (const n of [item.name, item.nameEn, ...item.aliases]) {
        const key = normalizeKey(n);
        const cjk = /[\u3400-\u9fff]/.test(key);
        if ([...key].length >= 3 || (cjk && [...key].length >= 2)) names.push({ entity: r.id, key, phrase: cjk ? key : normalizeText(n) });
      }
    }
    this.serviceNames = names.sort((a, b) => b.key.length - a.key.length);
  }

  // ------------------------------------------------------------ AskContext
  factsPassage(entity: string): PassageRow | undefined {
    const r = this.factsStmt.get(entity) as { rid: number } | undefined;
    return r ? this.store.passagesByRid([r.rid])[0] : undefined;
  }
  facts(entity: string): KgServiceFacts | undefined {
    const e = this.store.entity(entity);
    const item = (e?.props as { item?: CatalogServiceEntry } | null)?.item;
    return item ? serviceFacts(item) : undefined;
  }
  citation(p: PassageRow) {
    const src = this.store.source(p.sourceId);
    const sec = this.store.section(p.sectionId);
    return { source: src?.name ?? p.sourceId, section: (sec?.path ?? []).join(' › '), passage: p.id, original: p.original };
  }
  passageTokens(rid: number): Set<string> {
    const r = this.tokensStmt.get(rid) as { tokens: string } | undefined;
    return new Set(r ? r.tokens.split(' ') : []);
  }

  /**
   * The morpheme index, built from the index vocabulary on first use and dropped on every graph change. Held in an
   * object, not a field: ask() runs on a context derived from this engine (askContext), and an assignment through
   * it would land on that context, rebuilding the index for every question (60 ms a question at 100k passages).
   */
  private readonly morphemeCache: { index?: MorphemeIndex | undefined } = {};
  morphemes(): MorphemeIndex {
    this.morphemeCache.index ??= new MorphemeIndex(this.store.db.prepare('SELECT term FROM passages_vocab').pluck().all() as string[]);
    return this.morphemeCache.index;
  }

  private readonly conceptCache = new Map<string, string[]>();
  private readonly identityCache = new Map<string, Set<string>>();
  identityTokens(serviceEntity: string): Set<string> {
    let t = this.identityCache.get(serviceEntity);
    if (!t) {
      const item = (this.store.entity(serviceEntity)?.props as { item?: CatalogServiceEntry } | null)?.item;
      const words = item ? [item.name, item.nameEn, ...item.aliases, item.department, ...item.materials.flatMap((m) => [m.name, m.nameEn, ...m.keywords])] : [];
      t = new Set(tokenize(words.join(' ')));
      this.identityCache.set(serviceEntity, t);
    }
    return t;
  }

  /** The caches of what the graph's words are (morphemes, translations by use, example questions): dropped on every change of the graph. */
  private dropWordCaches(): void {
    this.morphemeCache.index = undefined;
    this.exampleCache.index = undefined;
    this.translationCache.clear();
  }

  /** The example questions, read on first use (held in an object for the reason morphemeCache is). */
  private readonly exampleCache: { index?: ExampleQuestionIndex | undefined } = {};
  examples(): ExampleQuestionIndex {
    this.exampleCache.index ??= new ExampleQuestionIndex(this.store.exampleQuestions());
    return this.exampleCache.index;
  }

  /** An English stem's likeliest translations (namesBySense), cached until the graph changes. */
  private readonly translationCache = new Map<string, ReadonlySet<string>>();
  likelyTranslations(stem: string): ReadonlySet<string> {
    let t = this.translationCache.get(stem);
    if (!t) {
      t = likelyTranslations(stem, this.lexicon, this.store, SENSE_TRANSLATIONS);
      this.translationCache.set(stem, t);
    }
    return t;
  }

  catalogEntityOfTerm(termEntity: string): string | undefined {
    const term = this.store.entity(termEntity);
    if (!term) return undefined;
    const hit = this.store.entitiesByKey(normalizeKey(term.name)).find((e) => e.type === 'service' || e.type === 'material');
    return hit?.id;
  }

  passageConcepts(tokens: Set<string>): Set<string> {
    const out = new Set<string>();
    for (const t of tokens) {
      if (!/[\u3400-\u9fff]/.test(t)) {
        out.add(t);
        continue;
      }
      for (const c of this.lexicon.concepts(t)) out.add(c);
    }
    return out;
  }

  // ------------------------------------------------------------ methods
  async ask(question: string, k = 3, o: AskOptions = {}): Promise<KgAskResult> {
    const ctx = this.askContext();
    try {
      return await ask(ctx, question, k, o);
    } catch (err) {
      // The model failed on the question (crashed, timed out): the built-in embedder answers it, and from now on.
      if (!(err instanceof ModelEmbedderError) || !this.model || ctx.embedder !== this.model.embedder) throw err;
      this.fallBack(err);
      return ask(this.askContext(), question, k, o);
    }
  }

  /**
   * This engine as ask() sees it, with the embedder and its index fixed for the whole question: a switch of
   * embedder finishing meanwhile never pairs a query vector with another model's index.
   */
  private askContext(): AskContext {
    const note = this.note();
    const embedder = this.model ? this.model.embedder : note ? labelled(this.concepts, `${this.concepts.label}; ${note}`) : this.concepts;
    // Derived from the engine: methods called through it must not assign to `this` (see morphemeCache).
    return Object.create(this, { embedder: { value: embedder }, index: { value: this.index } }) as AskContext;
  }

  private sourceInfo(id: string): KgSource {
    const s = this.store.source(id);
    if (!s) throw new HubError('NOT_FOUND', `no source "${id}" in the knowledge graph`);
    return { id: s.id, name: s.name, kind: s.kind, shipped: s.shipped, file: s.file, addedAt: s.addedAt, effectiveDate: s.effectiveDate, ...this.store.counts(s.id) };
  }

  sources(): KgSource[] {
    return this.store.sources().map((s) => this.sourceInfo(s.id));
  }

  /** Adds a user's document (txt, md, docx; pdf and images through OCR). */
  async addDocument(file: string, o: { name?: string; replace?: boolean; effectiveDate?: string; /** false for uploads (a temporary copy) */ recordPath?: boolean } = {}): Promise<KgAddOutput> {
    const abs = path.resolve(file);
    const name = o.name ?? path.basename(abs);
    const existing = this.store.sources().find((s) => !s.shipped && s.name === name);
    if (existing && !o.replace) throw new HubError('CONFLICT', `a source named "${name}" is already in the graph (${existing.id}); remove it or add with replace`);
    const { doc, reader } = await readDocument(abs, { name, ...(this.options.readWithOcr ? { readWithOcr: this.options.readWithOcr } : {}) });
    if (existing) this.removeSource(existing.id);
    const id = 'doc-' + hashId(name + ':' + now() + Math.random(), 10);
    const targets = mentionTargetsOf(this.store);
    let pending: PendingPassage[] = [];
    this.store.transaction(() => {
      this.store.addSource({ id, name, kind: 'document', shipped: false, file: o.recordPath === false ? null : abs, addedAt: now(), effectiveDate: o.effectiveDate ?? doc.effectiveDate, hash: null });
      pending = writeDocument(this.store, id, doc, targets);
      this.concepts.count(pending.map((p) => p.indexText));
      const vectors = pending.map((p) => this.concepts.embedOne(p.indexText));
      const rids = storePassages(this.store, id, pending, vectors);
      rids.forEach((rid, i) => this.conceptIndex?.add(rid, vectors[i]!));
    });
    this.conceptIndex?.save();
    this.dropWordCaches();
    await this.afterChange(id, []);
    return { source: this.sourceInfo(id), reader, replaced: !!existing };
  }

  /** Removes a user's document and everything derived from it. Shipped sources are rebuilt, not removed. */
  removeSource(ref: string): KgRemoveResult {
    const s = this.store.source(ref) ?? this.store.sources().find((x) => x.name === ref && !x.shipped);
    if (!s) throw new HubError('NOT_FOUND', `no source "${ref}" in the knowledge graph (see \`ic kg stats\` / kg.sources.list)`);
    if (s.shipped) throw new HubError('BAD_REQUEST', `"${s.name}" is a shipped source: change knowledge-graph/ and run \`ic kg build\``);
    const texts = (this.store.db.prepare('SELECT original FROM passages WHERE source_id = ?').all(s.id) as { original: string }[]).map((r) => r.original);
    const removed = this.store.removeSource(s.id);
    this.dropWordCaches();
    this.store.transaction(() => this.concepts.count(texts, -1));
    let vectors = 0;
    for (const rid of removed.rids) if (this.conceptIndex?.remove(rid)) vectors++;
    if (this.conceptIndex?.needsRebuild()) this.rebuildIndex();
    else this.conceptIndex?.save();
    this.removeFromModel(removed.rids);
    return { source: s.id, removed: { passages: removed.passages, entities: removed.entities, relations: removed.relations, vectors } };
  }

  stats(): KgStats {
    const st = this.store.stats();
    return {
      ...st,
      vectors: this.index?.size ?? 0,
      embedder: this.embedder.label,
      vectorDims: this.embedder.dims,
      exampleQuestions: this.store.exampleQuestionCount(),
      embedderNote: this.model ? null : this.note(),
      shippedBuiltAt: this.store.meta('shipped_built_at'),
      shippedHash: this.store.meta('shipped_hash'),
      dataFile: this.store.file,
    };
  }

  private entityInfo(e: { id: string; type: KgEntityType; name: string; nameEn: string | null }): KgEntity {
    return { id: e.id, type: e.type, name: e.name, nameEn: e.nameEn, sources: this.store.entitySources(e.id) };
  }

  searchEntities(query: string, type: KgEntityType | undefined, limit: number): KgEntity[] {
    return this.store.searchEntities(normalizeKey(query), type, limit).map((e) => this.entityInfo(e));
  }

  neighbourhood(id: string, depth: number, limit: number): KgNeighbourhood {
    const center = this.store.entity(id);
    if (!center) throw new HubError('NOT_FOUND', `no entity "${id}"`);
    const nodes = new Map<string, KgEntity>([[id, this.entityInfo(center)]]);
    const edges = new Map<string, { source: string; target: string; type: KgNeighbourhood['edges'][number]['type'] }>();
    let frontier = [id];
    let truncated = false;
    for (let d = 0; d < depth && frontier.length; d++) {
      const next: string[] = [];
      for (const n of frontier) {
        for (const r of this.store.relationsOf(n)) {
          const other = r.src === n ? r.dst : r.src;
          if (!nodes.has(other)) {
            if (nodes.size >= limit) {
              truncated = true;
              continue;
            }
            const e = this.store.entity(other);
            if (!e) continue;
            nodes.set(other, this.entityInfo(e));
            next.push(other);
          }
          edges.set(`${r.src}|${r.dst}|${r.type}`, { source: r.src, target: r.dst, type: r.type });
        }
      }
      frontier = next;
    }
    return { center: id, nodes: [...nodes.values()], edges: [...edges.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target)), truncated };
  }

  section(params: { passage: string } | { section: string }): KgSection {
    let highlight: string | null = null;
    let sectionId: string;
    if ('passage' in params) {
      const p = this.store.passage(params.passage);
      if (!p) throw new HubError('NOT_FOUND', `no passage "${params.passage}" (its source may have been removed)`);
      highlight = p.id;
      sectionId = p.sectionId;
    } else sectionId = params.section;
    const sec = this.store.section(sectionId);
    if (!sec) throw new HubError('NOT_FOUND', `no section "${sectionId}"`);
    const src = this.store.source(sec.sourceId)!;
    return {
      source: { id: src.id, name: src.name, kind: src.kind },
      section: { id: sec.id, path: sec.path, title: sec.title },
      effectiveDate: src.effectiveDate,
      passages: this.store.sectionPassages(sec.id).map((p) => ({ id: p.id, text: p.original, highlight: p.id === highlight })),
    };
  }

  /** The service catalog as the graph holds it (pre-review's catalog): items in catalog order, with the notice. */
  catalog(): ServiceCatalogFile | undefined {
    const rows = this.store.db.prepare("SELECT props FROM entities WHERE type = 'service'").all() as { props: string }[];
    if (!rows.length) return undefined;
    const items = rows.map((r) => JSON.parse(r.props) as { item: CatalogServiceEntry; order: number; notice: ServiceCatalogFile['notice'] | null });
    items.sort((a, b) => a.order - b.order);
    const notice = items.find((i) => i.notice)?.notice;
    return { schemaVersion: 1, ...(notice ? { notice } : {}), services: items.map((i) => i.item) };
  }

  glossaryTerms(): GlossaryTerm[] {
    const rows = this.store.db.prepare("SELECT name, name_en, props FROM entities WHERE type = 'term' AND json_extract(props, '$.lang') = 'zh' ORDER BY name").all() as {
      name: string;
      name_en: string;
      props: string;
    }[];
    return rows.map((r) => ({ zh: r.name, en: r.name_en, variants: (JSON.parse(r.props) as { variants?: string[] }).variants ?? [] }));
  }

  glossary(query?: string): KgGlossaryEntry[] {
    return exportGlossary(this.glossaryTerms(), query);
  }

  /** Replaces the catalog source with `catalog` (an import). */
  async replaceCatalog(catalog: ServiceCatalogFile): Promise<number> {
    const old = this.store.source(CATALOG_SOURCE);
    const texts = old ? (this.store.db.prepare('SELECT original FROM passages WHERE source_id = ?').all(CATALOG_SOURCE) as { original: string }[]).map((r) => r.original) : [];
    let rids: number[] = [];
    let pending: PendingPassage[] = [];
    this.store.transaction(() => {
      if (old) {
        rids = this.store.removeSource(CATALOG_SOURCE).rids;
        this.concepts.count(texts, -1);
      }
      this.store.addSource({ id: CATALOG_SOURCE, name: CATALOG_NAME, kind: 'catalog', shipped: true, file: old?.file ?? null, addedAt: now(), effectiveDate: null, hash: null });
      pending = writeCatalog(this.store, CATALOG_SOURCE, catalog);
      this.concepts.count(pending.map((p) => p.indexText));
      const newRids = storePassages(this.store, CATALOG_SOURCE, pending, pending.map((p) => this.concepts.embedOne(p.indexText)));
      for (const rid of rids) this.conceptIndex?.remove(rid);
      newRids.forEach((rid, i) => this.conceptIndex?.add(rid, this.concepts.embedOne(pending[i]!.indexText)));
      // An imported catalog stays until the shipped sources change again.
      this.store.setMeta('catalog_imported_at', now());
    });
    addWords(catalog.services.flatMap((s) => [s.name, ...s.aliases]));
    this.identityCache.clear();
    this.dropWordCaches();
    if (this.conceptIndex?.needsRebuild()) this.rebuildIndex();
    else this.conceptIndex?.save();
    await this.afterChange(CATALOG_SOURCE, rids);
    this.loadServiceNames();
    return catalog.services.length;
  }
}

/** The built-in embedder under a label that says why it answers (a model pack failed). */
function labelled(e: Embedder, label: string): Embedder {
  return Object.create(e, { label: { value: label } }) as Embedder;
}
