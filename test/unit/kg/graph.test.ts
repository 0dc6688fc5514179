import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBase, KgEngine } from '../../../main/node/capabilities/kg/kg-engine.js';
import { normalizeText } from '../../../main/node/capabilities/kg/text/normalize.js';
import { parseCatalog } from '../../../main/node/capabilities/prereview/catalog.js';
import { readCatalogFromGraph } from '../../../main/node/capabilities/kg/store/catalog-reader.js';
import { cleanupTempDirs, fixturesDir, tempDir } from '../../helpers/temp.js';

// One graph built from test/fixtures/kg/shipped (plan excerpt as received, three catalog items, nine glossary terms).
const shippedRoot = path.join(fixturesDir, 'kg', 'shipped');
let baseDir: string;
let engine: KgEngine;
let dataDir: string;
const norm = (s: string) => normalizeText(s).replace(/\s+/g, '');

beforeAll(async () => {
  baseDir = tempDir('ic-kg-base-');
  await buildBase(shippedRoot, baseDir);
  dataDir = tempDir('ic-kg-data-');
  engine = await KgEngine.open({ dataDir, shippedRoot, baseDir });
}, 120_000);
afterAll(() => {
  engine?.close();
  cleanupTempDirs();
});

function userDoc(name: string, text: string): string {
  const file = path.join(tempDir('ic-kg-doc-'), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('knowledge graph', () => {
  it('builds entities and typed relations from the plan, the catalog and the glossary', () => {
    const s = engine.stats();
    expect(s.sources).toBe(3);
    for (const t of ['service', 'material', 'department', 'document', 'section', 'term']) expect(s.entities[t]).toBeGreaterThan(0);
    for (const r of ['requires', 'handled_by', 'based_on', 'part_of', 'mentions', 'translates_to']) expect(s.relations[r]).toBeGreaterThan(0);
    expect(s.vectors).toBe(s.passages);
    const food = engine.neighbourhood('service:food-business-licence', 1, 100);
    expect(food.edges.filter((e) => e.type === 'requires').length).toBeGreaterThanOrEqual(4);
    expect(food.nodes.some((n) => n.type === 'department' && n.name === '市场监督管理局')).toBe(true);
  });

  it('answers a Chinese question with the passage, its original text and its section path', async () => {
    const r = await engine.ask('政务云体系要怎样建设？', 3);
    expect(r.noAnswer).toBe(false);
    const top = r.answers.find((a) => a.text.includes('政務雲體系'))!;
    expect(top, 'an answer in the source’s own (traditional) script').toBeDefined();
    expect(top.citation.original).toBe(top.text);
    expect(top.citation.section).toContain('(六)提升智能安全的技術支撐體系');
    expect(top.citation.source).toContain('數字政府建設');
    expect(r.engine.lexical).toMatch(/fts5/);
    expect(r.engine.embedder).toMatch(/cedict-concepts/);
    const sec = engine.section({ passage: top.citation.passage });
    expect(sec.passages.filter((p) => p.highlight).map((p) => p.id)).toEqual([top.citation.passage]);
  });

  it('finds Chinese passages for English questions through the bilingual bridge', async () => {
    const r = await engine.ask('What does the plan say about cloud infrastructure for government?', 3);
    expect(r.engine.bridge).toMatch(/cc-cedict/);
    expect(r.answers.some((a) => norm(a.text).includes('政务云'))).toBe(true);
    const elderly = await engine.ask('How will services be made easier for elderly and disabled people?', 3);
    expect(elderly.answers.some((a) => norm(a.text).includes('老年人、残疾人'))).toBe(true);
  });

  it('answers a service question in everyday words with the item’s structured facts', async () => {
    const r = await engine.ask('开饭馆要带什么材料？', 3);
    const facts = r.answers[0]?.facts;
    expect(facts?.id).toBe('food-business-licence');
    expect(facts?.materials.map((m) => m.name)).toContain('食品经营许可申请书');
    expect(facts?.department).toContain('市场监督管理局');
  });

  it('says "no answer" for questions the sources do not cover', async () => {
    for (const q of ['出租车起步价多少钱？', '杭州地铁晚上几点停运？', 'How much is a taxi from the airport to the city?']) {
      const r = await engine.ask(q, 3);
      expect(r.noAnswer, q).toBe(true);
      expect(r.answers).toEqual([]);
    }
  });

  it('adds a user document and removes it with nothing stale left (passages, index rows, vectors, entities)', async () => {
    const before = engine.stats();
    const file = userDoc('蜂巢规定.txt', '一、总则\n量子蜂巢调度中心负责全省蜂巢快递柜的统一调度。\n二、服务\n群众可以通过浙里办查询蜂巢快递柜的位置和开放时间。\n');
    const added = await engine.addDocument(file);
    expect(added.source.passages).toBe(2);
    const hit = await engine.ask('量子蜂巢调度中心负责什么？', 3);
    expect(hit.answers[0]?.citation.source).toBe('蜂巢规定.txt');
    expect(hit.answers[0]?.text).toContain('量子蜂巢调度中心');
    const id = added.source.id;
    const db = engine.store.db;
    const count = (sql: string, ...a: unknown[]) => (db.prepare(sql).get(...a) as { n: number }).n;
    expect(count('SELECT COUNT(*) AS n FROM entity_sources WHERE source_id = ?', id)).toBeGreaterThan(0);
    expect(count("SELECT COUNT(*) AS n FROM relations WHERE source_id = ? AND type = 'mentions'", id)).toBeGreaterThan(0);

    const removed = engine.removeSource(id);
    expect(removed.removed).toMatchObject({ passages: 2, vectors: 2 });
    expect(count('SELECT COUNT(*) AS n FROM passages WHERE source_id = ?', id)).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM passages_fts WHERE passages_fts MATCH '\"蜂巢\"'")).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM sections WHERE source_id = ?', id)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM relations WHERE source_id = ?', id)).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM entities WHERE json_extract(props, '$.source') = ?", id)).toBe(0);
    // A term the document mentioned belongs to the glossary too: it stays.
    expect(engine.searchEntities('浙里办', 'term', 5).length).toBeGreaterThan(0);
    const after = engine.stats();
    expect(after.passages).toBe(before.passages);
    expect(after.vectors).toBe(before.vectors);
    const gone = await engine.ask('量子蜂巢调度中心负责什么？', 3);
    expect(gone.answers.some((a) => a.citation.source === '蜂巢规定.txt')).toBe(false);
    expect(() => engine.section({ passage: hit.answers[0]!.citation.passage })).toThrow(/no passage/);
  });

  it('refuses a second source with the same name unless replacing, and refuses to remove shipped sources', async () => {
    const file = userDoc('notes.md', '# 说明\n\n第一版内容：蜂鸟计划。\n');
    const first = await engine.addDocument(file);
    await expect(engine.addDocument(file)).rejects.toThrow(/already in the graph/);
    fs.writeFileSync(file, '# 说明\n\n第二版内容：白鹭计划。\n');
    const second = await engine.addDocument(file, { replace: true });
    expect(second.replaced).toBe(true);
    expect(engine.sources().map((s) => s.id)).not.toContain(first.source.id);
    // Nothing of the first version is answered (the second may be, for the word both share).
    const stale = (await engine.ask('蜂鸟计划', 3)).answers.filter((a) => a.citation.source === 'notes.md');
    expect(stale.some((a) => a.text.includes('蜂鸟') || a.citation.original.includes('蜂鸟'))).toBe(false);
    expect(() => engine.removeSource('catalog')).toThrow(/shipped source/);
    engine.removeSource(second.source.id);
  });

  it('keeps the vector index on disk and updates it in place', async () => {
    const file = userDoc('persist.txt', '白鹭湾数字驿站为外来务工人员提供证照代办服务。');
    const added = await engine.addDocument(file);
    const size = engine.stats().vectors;
    engine.close();
    engine = await KgEngine.open({ dataDir, shippedRoot, baseDir });
    expect(engine.stats().vectors).toBe(size);
    const [q] = await engine.embedder.embed(['白鹭湾数字驿站提供什么服务'], 'query');
    const near = engine.index!.search(q!, 3).map((r) => engine.store.passagesByRid([r.rid])[0]?.sourceId);
    expect(near).toContain(added.source.id);
    engine.removeSource(added.source.id);
    expect(engine.stats().vectors).toBe(size - 1);
  });

  it('gives pre-review the catalog it holds (one source of truth)', () => {
    const fromGraph = engine.catalog()!;
    const fromFile = parseCatalog(JSON.parse(fs.readFileSync(path.join(shippedRoot, 'catalog', 'services.json'), 'utf8')));
    expect(parseCatalog(fromGraph)).toEqual(fromFile);
    // Read without the engine (pre-review's picker does not wait for jieba and the vectors).
    expect(readCatalogFromGraph(engine.store.file)).toEqual(fromGraph);
    expect(readCatalogFromGraph(path.join(dataDir, 'nope.sqlite'))).toBeUndefined();
  });

  it('exports the glossary for translation with normalised keys', () => {
    const g = engine.glossary('浙裏辦');
    expect(g).toEqual([expect.objectContaining({ zh: '浙里办', en: 'Zheliban' })]);
  });
});
