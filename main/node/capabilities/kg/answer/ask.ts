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
import { chineseWords, tokenize } from '../text/tokenize.js';

/**
 * Calibrated with `npm run bench -- qa` on the development set's no-answer questions against its answerable
 * ones (see docs/benchmarks.md): the lowest threshold that keeps no-answer recall ≥ 0.8.
 */
export const NO_ANSWER_THRESHOLD = 0.45;
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
  /** The concept stems of a passage's Chinese words (and its English stems). */
  passageConcepts(tokens: Set<string>): Set<string>;
}

/** One part of the question: index tokens that stand for it (with credit), its concept stems, its weight. */
interface Group {
  tokens: Map<string, number>;
  concepts: string[];
  weight: number;
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
    groups.push({ tokens, concepts: ctx.lexicon.concepts(w), weight });
  }
  for (const b of bridged) {
    const tokens = new Map<string, number>();
    if (store.docFreq(b.stem)) tokens.set(b.stem, 1);
    const best = Math.max(0, ...b.zh.map((z) => z.weight));
    for (const z of b.zh) tokens.set(z.token, Math.max(0.5, z.weight / (best || 1)));
    // A word with no translation in the index weighs as a rare word: the sources likely do not speak of it.
    const weight = tokens.size ? Math.max(...[...tokens.keys()].map(idf)) : Math.log(1 + n) ** IDF_POWER;
    groups.push({ tokens, concepts: b.stem.split(' '), weight });
  }
  return groups;
}

/** How much of the question a passage covers: per group, a token it holds, or (for less) the group's concepts. */
function coverage(groups: Group[], tokens: Set<string>, concepts: Set<string>): number {
  let got = 0;
  let all = 0;
  for (const g of groups) {
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
const CONCEPT_CREDIT = Number(process.env.KG_CC ?? 0.7);
/** Rare words decide what a question is about: group weights are IDF to this power. */
const IDF_POWER = Number(process.env.KG_POW ?? 1);

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

  // Lexical: every question token the index holds, and the bridged Chinese words.
  const terms = new Set<string>();
  for (const t of tokenize(question)) if (ctx.store.docFreq(t)) terms.add(t);
  for (const b of bridged) for (const z of b.zh) terms.add(z.token);
  const lexical = terms.size ? ctx.store.searchLexical([...terms].map(quote).join(' OR '), 50).map((r) => r.rid) : [];

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
    if (qKey.includes(s.key) && ![...named].some((e) => e === s.entity)) named.add(s.entity);
  }

  interface Cand {
    p: PassageRow;
    score: number;
    rrf: number;
  }
  const byId = new Map<string, Cand>();
  const candidates = ctx.store.passagesByRid([...fused.keys()]);
  for (const p of candidates) {
    const tokens = ctx.passageTokens(p.rid);
    const cov = coverage(groups, tokens, ctx.passageConcepts(tokens));
    const sim = similarity.get(p.rid) ?? 0;
    byId.set(p.id, { p, score: 0.75 * cov + 0.25 * Math.max(0, sim), rrf: fused.get(p.rid) ?? 0 });
  }
  for (const e of named) {
    const fp = ctx.factsPassage(e);
    if (fp) byId.set(fp.id, { p: fp, score: 1, rrf: 1 });
  }
  // A material that matched brings its service item's facts (a little below the material itself).
  for (const c of [...byId.values()]) {
    if (!c.p.entityId?.startsWith('material:')) continue;
    const service = 'service:' + c.p.entityId.slice('material:'.length).split('/')[0];
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
