// Translation benchmark: chrF (char n-grams 1–6, β = 2) and segments per second of the installed engine on the
// shared development sets (../shared/eval/mt-dev-*.jsonl, when present) and our own (scripts/bench/data/), and the
// translation memory's lookup latency (exact, fuzzy) at 100k units.
//
//   npm run bench -- mt [--data-dir DIR] [--fixture-model] [--units N] [--skip-tm] [--skip-quality] [--json]
//
// Runs the compiled code (dist/, `npm run build:main`). The engine is what the app would use: the OPUS-MT pack of
// the pair when installed in the data folder, else the CEDICT dictionary draft; the memory is empty for the chrF
// runs (a memory hit would measure the memory, not the engine). --fixture-model installs the tiny random fixture
// packs (test/fixtures/models) in a temporary data folder: its chrF is meaningless, its speed is the generation
// loop's on a 1-layer model, not a real pack's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chrf } from './chrf.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (p) => pathToFileURL(path.join(repoRoot, 'dist', 'main', 'node', p)).href;
const sharedEval = path.resolve(repoRoot, '..', 'shared', 'eval');
const ownData = path.join(repoRoot, 'scripts', 'bench', 'data');

export const USAGE = `npm run bench -- mt [--data-dir DIR] [--fixture-model] [--units N] [--skip-tm] [--skip-quality] [--json]`;

function parse(argv) {
  const o = { units: 100_000, fixture: false, skipTm: false, skipQuality: false, json: false, dataDir: undefined, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--units') o.units = Number(argv[++i]);
    else if (a === '--data-dir') o.dataDir = argv[++i];
    else if (a === '--fixture-model') o.fixture = true;
    else if (a === '--skip-tm') o.skipTm = true;
    else if (a === '--skip-quality') o.skipQuality = true;
    else if (a === '--json') o.json = true;
    else if (a === '--help' || a === '-h') o.help = true;
    else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  return o;
}

const readJsonl = (f) =>
  fs
    .readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

/** Development sets per pair: shared (if present) and own. */
function datasets(log) {
  const sets = [];
  for (const pair of ['zh-en', 'en-zh']) {
    const shared = path.join(sharedEval, `mt-dev-${pair}.jsonl`);
    if (fs.existsSync(shared)) sets.push({ name: `shared mt-dev-${pair}`, pair, rows: readJsonl(shared) });
    else log(`note: ${shared} is absent; the shared ${pair} set is skipped`);
    const own = path.join(ownData, `mt-dev-own-${pair}.jsonl`);
    sets.push({ name: `own mt-dev-own-${pair}`, pair, rows: readJsonl(own) });
  }
  return sets;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** Deterministic synthetic memory: government-service sentences from templates, all distinct. */
function syntheticUnits(n) {
  // mulberry32: a small PRNG whose low bits are usable (an LCG's are not: its tuples repeat).
  let seed = 12345;
  const rnd = (k) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
  };
  const place = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市', '义乌市'];
  const who = ['申请人', '企业', '个体工商户', '外籍人员', '法定代表人', '受托人', '未成年人', '老年人'];
  const act = ['办理', '申请', '变更', '注销', '补领', '延续', '查询', '预约'];
  const item = ['营业执照', '居住证', '社会保障卡', '食品经营许可证', '不动产登记', '公积金提取', '户口迁移', '工作许可', '驾驶证', '婚姻登记', '出入境证件', '医保备案'];
  const need = ['须提交身份证原件', '须提供复印件', '应当签字盖章', '可在网上提交', '须本人到场', '可委托他人', '须预约', '不收取费用'];
  const units = [];
  const seen = new Set();
  while (units.length < n) {
    const days = 1 + rnd(30);
    const copies = 1 + rnd(5);
    const src = `${place[rnd(place.length)]}${who[rnd(who.length)]}${act[rnd(act.length)]}${item[rnd(item.length)]}${need[rnd(need.length)]}，材料${copies}份，时限${days}个工作日，编号${100000 + rnd(900000)}。`;
    if (seen.has(src)) continue;
    seen.add(src);
    units.push({ srcLang: 'zh', tgtLang: 'en', src, tgt: `translation ${units.length}` });
  }
  return units;
}

async function tmBench(n, log) {
  const { TmStore } = await import(dist('capabilities/translate/tm/tm-store.js'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-mt-bench-'));
  try {
    const tm = TmStore.open(path.join(dir, 'tm.sqlite'));
    const units = syntheticUnits(n);
    let t = performance.now();
    for (let i = 0; i < units.length; i += 10_000) tm.add(units.slice(i, i + 10_000), { origin: 'bench' });
    const insertMs = performance.now() - t;
    t = performance.now();
    tm.warm('zh', 'en');
    const indexMs = performance.now() - t;
    const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
    let rs = 99;
    const pick = () => units[(rs = (rs * 48271) % 2147483647) % units.length];
    const exact = [];
    for (let i = 0; i < 1000; i++) {
      const u = pick();
      const s = performance.now();
      const m = tm.exact('zh', 'en', u.src);
      exact.push(performance.now() - s);
      if (!m) throw new Error('exact lookup missed a stored unit');
    }
    // Fuzzy queries: a stored sentence with 2 characters changed (a typical "near match" in CAT work).
    const fuzzy = [];
    let hits = 0;
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < 500; i++) {
      const chars = [...pick().src];
      for (let k = 0; k < 2; k++) chars[(i * 7 + k * 13) % chars.length] = '某';
      const q = chars.join('');
      const s = performance.now();
      const m = tm.lookup('zh', 'en', q, 0.75, 5);
      fuzzy.push(performance.now() - s);
      if (m.length && m[0].score >= 0.9) hits++;
    }
    // CPU time per lookup does not grow when other processes share the cores (wall-clock percentiles do).
    const cpu = process.cpuUsage(cpu0);
    const fuzzyCpuMs = (cpu.user + cpu.system) / 1000 / 500;
    // Recall against brute force: for 30 of those queries, the best score over every unit (edit distance to all).
    const { distance } = await import('fastest-levenshtein');
    let same = 0;
    const checked = 30;
    for (let i = 0; i < checked; i++) {
      const chars = [...units[(i * 7919) % units.length].src];
      for (let k = 0; k < 2; k++) chars[(i * 7 + k * 13) % chars.length] = '某';
      const q = chars.join('');
      let best = 0;
      for (const u of units) {
        const sc = 1 - distance(q, u.src) / Math.max(q.length, u.src.length);
        if (sc > best) best = sc;
      }
      const got = tm.lookup('zh', 'en', q, 0.75, 1)[0]?.score ?? 0;
      if (Math.abs(got - best) < 1e-9) same++;
    }
    // Misses: sentences not in memory at all (the prefilter must reject quickly).
    const miss = [];
    for (let i = 0; i < 200; i++) {
      const q = `请问第${i}号窗口今天下午几点开始受理外地车辆的违章处理业务？`;
      const s = performance.now();
      tm.lookup('zh', 'en', q, 0.75, 5);
      miss.push(performance.now() - s);
    }
    tm.close();
    const r = {
      units: n,
      insertMs: Math.round(insertMs),
      indexBuildMs: Math.round(indexMs),
      heapMb: Math.round(heapMb),
      exactMs: { p50: pct(exact, 50), p95: pct(exact, 95), max: Math.max(...exact) },
      fuzzyMs: { p50: pct(fuzzy, 50), p95: pct(fuzzy, 95), max: Math.max(...fuzzy), hitRate: hits / fuzzy.length, meanCpu: fuzzyCpuMs },
      fuzzyMissMs: { p50: pct(miss, 50), p95: pct(miss, 95), max: Math.max(...miss) },
      fuzzyRecallVsBruteForce: { same, of: checked },
    };
    log(`memory: ${n} units stored in ${r.insertMs} ms, fuzzy index built in ${r.indexBuildMs} ms`);
    return r;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function qualityBench(o, log) {
  const { createPackStore } = await import(dist('models/models-service.js'));
  const { dataLayout, resolveDataDir } = await import(dist('config/data-dir.js'));
  const { loadMarianEngine, packIdFor } = await import(dist('capabilities/translate/marian-engine.js'));
  const { translateBlocks } = await import(dist('capabilities/translate/translate-blocks.js'));
  const { tsvGlossary } = await import(dist('capabilities/translate/glossary.js'));
  const { defaultGlossaryPath } = await import(dist('capabilities/translate/translate-service.js'));
  const { cedictDraft } = await import(dist('capabilities/translate/dictionary.js'));
  let dataDir = o.dataDir ?? resolveDataDir();
  let store = createPackStore(dataLayout(dataDir));
  if (o.fixture) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-mt-fixture-'));
    store = createPackStore(dataLayout(dataDir));
    const { installFixturePackFrom } = await import(pathToFileURL(path.join(repoRoot, 'scripts', 'bench', 'mt-fixture-packs.mjs')).href);
    for (const id of ['opus-mt-zh-en', 'opus-mt-en-zh']) await installFixturePackFrom(store, id, path.join(repoRoot, 'test', 'fixtures', 'models', id));
    log('engine: FIXTURE packs (tiny random weights): chrF is meaningless, speed is the loop on a 1-layer model');
  }
  const glossaryFile = defaultGlossaryPath();
  const glossary = tsvGlossary(glossaryFile);
  log(`glossary: ${glossary.terms().length} terms (${fs.existsSync(glossaryFile) ? path.relative(repoRoot, glossaryFile) : 'file absent'})`);
  const t0 = performance.now();
  cedictDraft().draft('预热', 'zh');
  log(`dictionary draft loaded in ${Math.round(performance.now() - t0)} ms`);
  // One-time costs (traditional forms of every term, jieba's dictionary) are paid before the timed runs.
  const { matcherFor } = await import(dist('capabilities/translate/glossary.js'));
  const t1 = performance.now();
  matcherFor(glossary.terms(), 'zh');
  matcherFor(glossary.terms(), 'en');
  log(`glossary matchers built in ${Math.round(performance.now() - t1)} ms`);
  const results = [];
  const engines = new Map();
  for (const set of datasets(log)) {
    const [from, to] = set.pair.split('-');
    if (!engines.has(set.pair)) {
      let mt;
      if (store.get(packIdFor(from, to))) {
        const t = performance.now();
        mt = await loadMarianEngine(store, from, to, { batchSize: 8, ...(o.fixture ? { maxNewTokens: 32 } : {}) });
        log(`${mt.id} loaded in ${Math.round(performance.now() - t)} ms`);
      } else log(`${packIdFor(from, to)} is not installed in ${dataDir}: ${set.pair} is measured with the CEDICT dictionary draft`);
      engines.set(set.pair, mt);
    }
    const mt = engines.get(set.pair);
    const blocks = set.rows.map((r) => ({ kind: 'paragraph', text: r.src }));
    const t = performance.now();
    const r = await translateBlocks(blocks, { from, to, batchSize: 8 }, { glossary, ...(mt ? { mt } : {}), draft: cedictDraft });
    const ms = performance.now() - t;
    // Segments of one block are joined back for scoring against the reference sentence.
    const hyps = set.rows.map((_, i) => r.segments.filter((s) => s.block === i).map((s) => s.tgt).join(to === 'zh' ? '' : ' '));
    const short = set.rows.filter((row) => [...row.src].length <= 40).length;
    results.push({
      set: set.name,
      pair: set.pair,
      engine: o.fixture ? `${r.engine} (FIXTURE weights)` : r.engine,
      sentences: set.rows.length,
      segments: r.segments.length,
      chrF: Math.round(chrf(hyps, set.rows.map((x) => x.ref)) * 10) / 10,
      segmentsPerSecond: Math.round((r.segments.length / (ms / 1000)) * 10) / 10,
      shortSentences: short,
      origins: Object.fromEntries(['model', 'tm', 'glossary', 'dictionary', 'none'].map((k) => [k, r.segments.filter((s) => s.origin === k).length])),
      termsApplied: r.segments.reduce((n, s) => n + s.terms.length, 0),
      termsMissing: r.segments.reduce((n, s) => n + s.qa.filter((q) => q.code === 'term_missing').length, 0),
    });
  }
  if (o.fixture) fs.rmSync(dataDir, { recursive: true, force: true });
  return results;
}

export async function main(argv) {
  const o = parse(argv);
  if (o.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'main', 'node', 'capabilities', 'translate', 'translate-blocks.js'))) {
    process.stderr.write('bench mt: dist/ has no translate build; run `npm run build:main` first\n');
    return 1;
  }
  const log = (s) => process.stderr.write(s + '\n');
  const out = { quality: o.skipQuality ? [] : await qualityBench(o, log), tm: o.skipTm ? undefined : await tmBench(o.units, log) };
  if (o.json) {
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  const lines = [];
  if (out.quality.length) {
    lines.push('| set | engine | sentences | segments | chrF | segments/s | origins (model/tm/glossary/dictionary) | terms applied / missing |', '|---|---|---|---|---|---|---|---|');
    for (const r of out.quality) {
      lines.push(`| ${r.set} | ${r.engine} | ${r.sentences} | ${r.segments} | ${r.chrF} | ${r.segmentsPerSecond} | ${r.origins.model}/${r.origins.tm}/${r.origins.glossary}/${r.origins.dictionary} | ${r.termsApplied} / ${r.termsMissing} |`);
    }
  }
  if (out.tm) {
    const f = (x) => x.toFixed(3);
    const t = out.tm;
    lines.push(
      '',
      `translation memory, ${t.units} units (SQLite file + n-gram index; insert ${t.insertMs} ms, index build ${t.indexBuildMs} ms, heap ${t.heapMb} MB):`,
      `| lookup | p50 ms | p95 ms | max ms | target |`,
      '|---|---|---|---|---|',
      `| exact (1000 stored sources) | ${f(t.exactMs.p50)} | ${f(t.exactMs.p95)} | ${f(t.exactMs.max)} | ≤ 5 |`,
      `| fuzzy, 2 chars changed (500; ${Math.round(t.fuzzyMs.hitRate * 100)}% found ≥ 0.9) | ${f(t.fuzzyMs.p50)} | ${f(t.fuzzyMs.p95)} | ${f(t.fuzzyMs.max)} | ≤ 20 |`,
      `| fuzzy, not in memory (200) | ${f(t.fuzzyMissMs.p50)} | ${f(t.fuzzyMissMs.p95)} | ${f(t.fuzzyMissMs.max)} | ≤ 20 |`,
      `fuzzy lookup CPU time: ${f(t.fuzzyMs.meanCpu)} ms mean (load-independent; wall-clock above includes waiting for a core; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`,
      `fuzzy best match equal to brute force (edit distance to all ${t.units} units): ${t.fuzzyRecallVsBruteForce.same}/${t.fuzzyRecallVsBruteForce.of}`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
