/**
 * Answering a question: lexical (FTS5 BM25) and vector (hnswlib) candidates fused by reciprocal rank, expanded
 * along the graph (a service item named in the question brings its facts; a matched material brings its service
 * item), then scored 0–1 by how much of the question the passage covers (IDF-weighted; an English word counts as
 * covered by any of its bridged Chinese words) blended with the vector similarity. Below NO_ANSWER_THRESHOLD the
 * result is an explicit noAnswer instead of a guess.
 */
import type { KgAnswer, KgAskResult, KgEngine as KgEngineInfo } from '../../../../common/contract/index.js';
import type { GraphStore, PassageRow } from '../store/graph-store.js';
import { bridgeQuestion, BRIDGE_LABEL, type BridgedStem } from '../retrieval/bridge.js';
import type { Embedder } from '../retrieval/embedder.js';
import { reciprocalRankFusion } from '../retrieval/fusion.js';
import type { Lexicon } from '../retrieval/lexicon.js';
import type { VectorIndex } from '../retrieval/vector-index.js';
import { hasCjk, normalizeKey } from '../text/normalize.js';
import { scoreWeights } from './score-weights.js';
import { chineseWords, tokenize } from '../text/tokenize.js';

/**
 * Calibrated on scripts/bench/data/qa-dev.jsonl (`npm run bench -- qa`): the lowest score that keeps the no-answer
 * recall of its `none` questions ≥ 0.8 (0.86 there); answerable questions scoring below it get noAnswer.
 */
export const NO_ANSWER_THRESHOLD = 0.44;
export const LEXICAL_LABEL = 'fts5-bm25 (jieba on simplified text; English Porter-stemmed)';
export const VECTOR_LABEL = 'hnswlib-node (cosine HNSW)';

export interface ServiceName {
  entity: string;
  key: string;
}

export interface AskContext {
  store: GraphStore;
  lexicon: Lexicon;
  embedder: Embedder | null;
  index: VectorIndex | null;
  /** Names and everyday words of service items (normalised), longest first. */
  serviceNames: ServiceName[];
  /** entity id → its facts passage. */
  factsPassage(entity: string): PassageRow | undefined;
  facts(entity: string): KgAnswer['facts'];
  citation(p: PassageRow): KgAnswer['citation'];
  passageTokens(rid: number): Set<string>;
  /** Index tokens of a service item's names, everyday words, department and materials. */
  identityTokens(serviceEntity: string): Set<string>;
  /** The service or material a glossary term names, if any. */
  catalogEntityOfTerm(termEntity: string): string | undefined;
  /** The concept stems of a passage's Chinese words (and its English stems). */
  passageConcepts(tokens: Set<string>): Set<string>;
}

/** One part of the question: index tokens that stand for it (with credit), its concept stems, its weight. */
interface Group {
  tokens: Map<string, number>;
  concepts: string[];
  weight: number;
  /** A word asking about a service item's facts (材料, 多久, cost …). */
  intent: boolean;
}

function quote(t: string): string {
  return `"${t.replace(/"/g, '""')}"`;
}

function questionGroups(q: string, ctx: AskContext, bridged: BridgedStem[]): Group[] {
  const store = ctx.store;
  const n = Math.max(1, store.passageCount());
  const idf = (t: string) => Math.log(1 + n / Math.max(0.5, store.docFreq(t))) ** IDF_POWER;
  const groups: Group[] = [];
  for (const w of chineseWords(q)) {
    if ([...w].length < 2 && !store.docFreq(w)) continue;
    const sub = tokenize(w).filter((t) => t !== w && [...t].length >= 2);
    const tokens = new Map<string, number>([[w, 1]]);
    for (const t of sub) tokens.set(t, 0.6);
    const weight = store.docFreq(w) ? idf(w) : Math.max(idf(w) * 0.8, ...sub.map((t) => idf(t)));
    groups.push({ tokens, concepts: ctx.lexicon.concepts(w), weight, intent: SERVICE_INTENT.has(w) });
  }
  for (const b of bridged) {
    const tokens = new Map<string, number>();
    if (store.docFreq(b.stem)) tokens.set(b.stem, 1);
    const best = Math.max(0, ...b.zh.map((z) => z.weight));
    for (const z of b.zh) tokens.set(z.token, Math.max(0.5, z.weight / (best || 1)));
    // A word with no translation in the index weighs as a rare word: the sources likely do not speak of it.
    const weight = tokens.size ? Math.max(...[...tokens.keys()].map(idf)) : Math.log(1 + n) ** IDF_POWER;
    groups.push({ tokens, concepts: b.stem.split(' '), weight, intent: b.stem.split(' ').some((x) => SERVICE_INTENT.has(x)) });
  }
  return groups;
}

/** How much of the question a passage covers: per group, a token it holds, or (for less) the group's concepts. */
function coverage(groups: Group[], tokens: Set<string>, concepts: Set<string>, isFacts = false): number {
  let got = 0;
  let all = 0;
  for (const g of groups) {
    // A facts passage is judged on what the question asks about, not on how it asks (材料, 多久, cost …).
    if (isFacts && g.intent && groups.some((x) => !x.intent)) continue;
    all += g.weight;
    let best = 0;
    for (const [t, w] of g.tokens) if (tokens.has(t)) best = Math.max(best, w);
    if (best < 1 && g.concepts.length) {
      const shared = g.concepts.filter((c) => concepts.has(c)).length / g.concepts.length;
      best = Math.max(best, CONCEPT_CREDIT * shared);
    }
    got += g.weight * best;
  }
  return all ? got / all : 0;
}

/** Credit for a question word whose dictionary concepts (not its characters) the passage shares: paraphrases, English. */
const CONCEPT_CREDIT = 0.7;
/** Group weights are IDF to this power (2 was tried: no better on the development set). */
const IDF_POWER = 1;

/**
 * The question names a service: its name or everyday word occurs, allowing a measure word or two slipped in
 * (开个奶茶店 for 开奶茶店, 办个营业执照): the name's characters in order with at most 2 others between them.
 */
export function namesService(qKey: string, nameKey: string): boolean {
  if (qKey.includes(nameKey)) return true;
  const chars = [...nameKey];
  if (chars.length < 3 || !hasCjk(nameKey)) return false;
  const q = [...qKey];
  for (let start = q.indexOf(chars[0]!); start >= 0; start = q.indexOf(chars[0]!, start + 1)) {
    let i = start;
    let gaps = 0;
    let ok = true;
    for (const c of chars.slice(1)) {
      let j = i + 1;
      while (j < q.length && q[j] !== c && j - i <= 2) j++;
      if (q[j] !== c) {
        ok = false;
        break;
      }
      gaps += j - i - 1;
      i = j;
    }
    if (ok && gaps <= 2) return true;
  }
  return false;
}

/**
 * What people ask about a service item (materials, time, fee, where): a service's facts passage answers these
 * words even though it does not contain them.
 */
const SERVICE_INTENT = new Set([
  ...'材料 带 带什么 准备 东西 证件 手续 多久 多长时间 几天 时间 时限 多少钱 钱 收费 费用 花钱 免费 要钱 在哪 哪里 哪儿 去哪 网上 线上 条件 需要 要求 办 办理 怎么办 流程 什么证 证'.split(' '),
  ...['need', 'bring', 'document', 'paper', 'paperwork', 'materi', 'requir', 'long', 'time', 'take', 'day', 'cost', 'fee', 'much', 'price', 'pay', 'free', 'where', 'onlin', 'apply', 'appli', 'condit', 'get', 'step'],
]);

/**
 * FTS5 scores every row an OR-query matches before it can keep the best 50, so a word in tens of thousands of
 * passages costs a scan of all of them while its BM25 weight (IDF) is next to nothing. The query keeps the rarest
 * terms while their document counts sum to at most this many rows; the rarest term is always kept. The shipped
 * graph (871 passages, largest count 246) is far below it: there every term is kept.
 */
export const LEXICAL_ROW_BUDGET = 20_000;

/** The terms the lexical query uses: rarest first while their document counts fit LEXICAL_ROW_BUDGET. */
export function lexicalTerms(terms: string[], docFreq: (t: string) => number, budget = LEXICAL_ROW_BUDGET): string[] {
  const byDf = terms.map((t) => ({ t, df: docFreq(t) })).sort((a, b) => a.df - b.df || (a.t < b.t ? -1 : 1));
  const out: string[] = [];
  let rows = 0;
  for (const { t, df } of byDf) {
    if (out.length && rows + df > budget) break;
    out.push(t);
    rows += df;
  }
  return out;
}

export interface AskOptions {
  /** Overrides NO_ANSWER_THRESHOLD (the benchmark calibrates with 0). */
  threshold?: number;
  /** Receives the best candidate's score even when the answer is noAnswer (calibration). */
  onBest?: (score: number) => void;
}

export async function ask(ctx: AskContext, question: string, k: number, o: AskOptions = {}): Promise<KgAskResult> {
  const threshold = o.threshold ?? NO_ANSWER_THRESHOLD;
  const t0 = performance.now();
  const engine: KgEngineInfo = { lexical: LEXICAL_LABEL, vector: null, embedder: null, bridge: null };
  const english = !hasCjk(question);
  const bridged = english ? bridgeQuestion(question, ctx.lexicon, ctx.store) : [];
  if (bridged.some((b) => b.zh.length)) engine.bridge = BRIDGE_LABEL;
  const groups = questionGroups(question, ctx, bridged);

  // Lexical: the question tokens the index holds, and the bridged Chinese words, rarest first within a budget.
  const terms = new Set<string>();
  for (const t of tokenize(question)) if (ctx.store.docFreq(t)) terms.add(t);
  for (const b of bridged) for (const z of b.zh) terms.add(z.token);
  const query = lexicalTerms([...terms], (t) => ctx.store.docFreq(t));
  const lexical = query.length ? ctx.store.searchLexical(query.map(quote).join(' OR '), 50).map((r) => r.rid) : [];

  // Vectors.
  const vector: number[] = [];
  const similarity = new Map<number, number>();
  if (ctx.embedder && ctx.index && ctx.index.size) {
    const [qv] = await ctx.embedder.embed([question], 'query');
    for (const r of ctx.index.search(qv!, 50)) {
      similarity.set(r.rid, r.similarity);
      vector.push(r.rid);
    }
    engine.vector = VECTOR_LABEL;
    engine.embedder = ctx.embedder.label;
  }
  const fused = reciprocalRankFusion([lexical, vector]);

  // Graph: a service item the question names comes first, with its facts.
  const qKey = normalizeKey(question);
  const named = new Set<string>();
  for (const s of ctx.serviceNames) {
    if (named.size >= 2) break;
    if (!named.has(s.entity) && namesService(qKey, s.key)) named.add(s.entity);
  }

  interface Cand {
    p: PassageRow;
    score: number;
    rrf: number;
  }
  const byId = new Map<string, Cand>();
  const w = scoreWeights(ctx.embedder);
  const candidates = ctx.store.passagesByRid([...fused.keys()]);
  for (const p of candidates) {
    // A service item's facts passage is long (conditions, laws …): it answers when the question names the item,
    // its everyday words or its materials, so only those words count for it.
    const isFacts = !!p.entityId?.startsWith('service:');
    const tokens = isFacts ? ctx.identityTokens(p.entityId!) : ctx.passageTokens(p.rid);
    const cov = coverage(groups, tokens, ctx.passageConcepts(tokens), isFacts);
    const sim = similarity.get(p.rid) ?? 0;
    byId.set(p.id, { p, score: w.coverage * cov + w.vector * Math.max(0, sim), rrf: fused.get(p.rid) ?? 0 });
  }
  for (const e of named) {
    const fp = ctx.factsPassage(e);
    if (fp) byId.set(fp.id, { p: fp, score: 1, rrf: 1 });
  }
  // A material that matched brings its service item's facts (a little below the material itself); so does a
  // glossary term that names a service item or a material.
  for (const c of [...byId.values()]) {
    let entity = c.p.entityId;
    if (entity?.startsWith('term:')) entity = ctx.catalogEntityOfTerm(entity) ?? null;
    if (!entity) continue;
    const service = entity.startsWith('service:') ? entity : entity.startsWith('material:') ? 'service:' + entity.slice('material:'.length).split('/')[0] : undefined;
    if (!service) continue;
    const fp = ctx.factsPassage(service);
    if (fp && (byId.get(fp.id)?.score ?? -1) < c.score * 0.98) byId.set(fp.id, { p: fp, score: c.score * 0.98, rrf: c.rrf });
  }
  const ranked = [...byId.values()].sort((a, b) => b.score - a.score || b.rrf - a.rrf);
  const best = ranked[0]?.score ?? 0;
  o.onBest?.(best);
  const answers: KgAnswer[] = [];
  if (best >= threshold) {
    for (const c of ranked) {
      if (answers.length >= k || c.score < threshold * 0.8) break;
      const facts = c.p.entityId?.startsWith('service:') ? ctx.facts(c.p.entityId) : undefined;
      answers.push({ text: c.p.original, citation: ctx.citation(c.p), score: Math.round(c.score * 1000) / 1000, ...(facts ? { facts } : {}) });
    }
  }
  return { question, engine, answers, noAnswer: answers.length === 0, ms: Math.round((performance.now() - t0) * 10) / 10 };
}
