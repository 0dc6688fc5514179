/**
 * Answering a question: lexical (FTS5 BM25) and vector (hnswlib) candidates fused by reciprocal rank, expanded
 * along the graph (a service item named in the question brings its facts; a matched material brings its service
 * item), then scored 0–1 by how much of the question the passage covers (words weighted by their IDF in the graph
 * and in general language; an English word counts as covered by any of its bridged Chinese words, a Chinese word the
 * graph lacks by a dictionary near-synonym or a word sharing its morphemes, an everyday word by the official words the
 * thesaurus gives for it; a shipped passage also by one of its example questions, people's words for it) blended
 * with the vector similarity.
 * Below the no-answer decision (NO_ANSWER_THRESHOLDS) the result is an explicit noAnswer instead of a guess.
 */
import type { KgAnswer, KgAskResult, KgEngine as KgEngineInfo } from '../../../../common/contract/index.js';
import type { GraphStore, PassageRow } from '../store/graph-store.js';
import { bridgeQuestion, BRIDGE_LABEL, type BridgedStem } from '../retrieval/bridge.js';
import type { Embedder } from '../retrieval/embedder.js';
import { entryCovers, everydayIn, officialToken } from '../retrieval/everyday-words.js';
import type { ExampleQuestion, ExampleQuestionIndex } from '../retrieval/example-questions.js';
import { reciprocalRankFusion } from '../retrieval/fusion.js';
import type { MorphemeIndex } from '../retrieval/morphemes.js';
import { synonymsOf } from '../retrieval/synonyms.js';
import type { Lexicon } from '../retrieval/lexicon.js';
import type { VectorIndex } from '../retrieval/vector-index.js';
import { hasCjk, normalizeKey, normalizeText } from '../text/normalize.js';
import { scoreWeights } from './score-weights.js';
import { chineseWords, tokenize } from '../text/tokenize.js';
import { namedServices, type ServiceName } from './service-names.js';

/** Where an answer comes from, for the no-answer decision. */
export type AnswerOrigin = 'text' | 'catalog' | 'glossary';

/**
 * The no-answer decision:
 * - the best answer, or the runner-up, must reach the threshold of its origin. A text passage (the plan, a user's
 *   document) answers when it covers a fair part of the question; a named thing (a catalog item or material, a
 *   glossary term) matched only in part is usually another thing than the one asked about (公租房 is not 住房公积金),
 *   so it needs more. Such a partial name match at the top does not hide the passage right below it that clears its
 *   own bar (an English paraphrase matching a glossary term's English name in part, above the plan passage it is
 *   about). Only the runner-up: judging every candidate so lets through none questions whose 10th passage reaches
 *   the text bar by chance (development set: `none` refused 0.82 → 0.59 at the same thresholds);
 * - unless the question names a service item, some of its weight must be reachable: words the graph holds, or a
 *   part or a close stand-in of them (credit ≥ REACH_MIN; a weak morpheme neighbour such as 火灾 for 火星 is not):
 *   a question about things no source mentions (火星上的天气, 地铁, 起步价) has no answer here however well a passage
 *   covers its light words.
 * - a question that does not ask for a procedure's facts has a lower text bar (NoAnswerThresholds.topicText).
 * Fitted on scripts/bench/data/qa-dev.jsonl by scripts/bench/qa-fit-no-answer.mjs: the fewest answerable questions
 * refused while ≥ 0.8 of its `none` questions are, and ≥ 0.6 of those whose best answer has the same origin (0.82
 * refused; 0.06 of answerable ones, 0.08 without topicText), at the middle of the plateau of equal solutions.
 * Then `text` (the bar for a procedure question: barsFor) raised from that fit's 0.2 to the catalog's 0.5, measured
 * over every Q&A set (470 questions, docs/benchmarks.md "Plan questions written blind …"): of the 400 answerable ones, no hit
 * came from a plan passage answering a procedure question, while `none` questions were so answered (公务员考试什么时候
 * 报名, 法律援助怎么申请 …: 53 → 58 of 70 refused); the same count from 0.45 to 0.55. A user's own document (a local
 * 办事指南) still answers a procedure question when it matches it as well as a catalog item must.
 */
export const NO_ANSWER_THRESHOLDS: NoAnswerThresholds = { text: 0.5, catalog: 0.5, glossary: 0.38, reachable: 0.05, topicText: 0.12 };

/**
 * The no-answer decision's thresholds: per origin, and `topicText`, the bar of a text passage (the plan, a user's
 * document) for a question that does not ask for a procedure's facts (asksProcedure). Such a question asks what the
 * sources say, often in everyday words that count for part only (paraphrases score low), and a passage of the text
 * answers it; a question asking how to apply, what it costs or when is about a service item, and a counter hears
 * many about services the catalog does not hold, which plan passages match in part: for those the text bar is the
 * catalog's.
 * A named thing (catalog, glossary) keeps its bar for every question. `topicText` fitted second, with the others
 * fixed (scripts/bench/qa-fit-no-answer.mjs).
 */
export type NoAnswerThresholds = Readonly<Record<AnswerOrigin, number> & { reachable: number; topicText: number }>;

/**
 * Chinese and English forms by which a question asks for a procedure's facts: how to apply, register, book or pay
 * (怎么申请, 去哪办理, how do I …), what to bring, what it costs (交钱, 免费吗, free of charge), how long it takes,
 * when (几点, 什么时候, 周末开门吗, what time, opening hours).
 * Question forms, not topics: they say what kind of answer is wanted, whatever the question is about.
 */
const PROCEDURE_ZH = /(怎么|怎样|如何|去哪|在哪)(儿|里)?(申请|报名|预约|办理|登记|注册|领|交|缴)|带什么|什么材料|哪些材料|什么条件|多少钱|多少费用|收费|费用|(交|付|花|要|收)钱|免费吗|是否免费|几点|什么时候|多长时间|多久|几天|(开门|关门|上班|营业)(吗|时间)|(周末|周六|周日|节假日).{0,6}(开门|上班|营业|办理|办公)/;
const PROCEDURE_EN = /\b(how (do|can|should) (i|we)|how much|what time|how long|fees?|costs?|prices?|free of charge|opening hours|open (on|at) (weekends?|saturdays?|sundays?|holidays?)|apply|applying|register|registering|enrol|enroll|bring)\b/i;

/**
 * Forms asking for a number: 多少 (not 多少钱, a procedure's cost, which only the catalog's facts answer; not 多多少少
 * or 多少会 / 多少有, "somewhat"), 几 + a measure word (几个, 要几年; not 哪几个 or 那几个, which ones, 好几次 or 没几天,
 * several or few, nor 过几年 or 几年后, a time); how many, and how much of money, pay or a figure — not "how much does
 * the government care", a degree.
 */
const QUANTITY_ZH = /(?<!多)多少(?![钱会有也都还能跟和少])|(?<![哪那这过近前再好没头])几(个|家|次|天|年|月|岁|成|倍|项|类|种|条|所|座)(?![后内来前里])/;
const QUANTITY_EN = /\bhow many\b|\bhow much\b(?=.*\b(money|funding|budget|paid|pay|salary|wage|earn|borrow|lend|worth|yuan|rmb|dollars?|percent|per cent)\b)|\bhow much (is|are|was|were|will|does|do)\b(?=.*\b(cost|charge|fee)\b)/i;
/**
 * A number in a passage: digits, 百分之, a numeral other than 一 with a measure word (六大能力中心, 三个; 一张图 and
 * 一个 are names and articles, not counts), or an English number word.
 */
const QUANTITY_IN_TEXT = /\d|百分之|[二两三四五六七八九十百千万亿]+(个|项|大|家|年|天|次|倍|成|类|种|条|所|座|级|张|份|%)|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|percent)\b/i;

/** The question asks how many or how much (QUANTITY_ZH, QUANTITY_EN). */
export function asksQuantity(question: string): boolean {
  const q = normalizeText(question);
  return QUANTITY_ZH.test(q) || QUANTITY_EN.test(q);
}

/** The (normalised) text states a quantity. */
export function statesQuantity(text: string): boolean {
  return QUANTITY_IN_TEXT.test(text);
}

/** The question asks how to carry out a procedure, or its cost, duration or time (PROCEDURE_ZH, PROCEDURE_EN). */
export function asksProcedure(question: string): boolean {
  const q = normalizeText(question);
  return PROCEDURE_ZH.test(q) || PROCEDURE_EN.test(q);
}

/** The per-origin bars that apply to a question (NoAnswerThresholds). */
export function barsFor(procedure: boolean, thresholds: NoAnswerThresholds): Readonly<Record<AnswerOrigin, number>> {
  return procedure ? thresholds : { ...thresholds, text: thresholds.topicText };
}

/**
 * The score part of the no-answer decision (NO_ANSWER_THRESHOLDS): the best candidate or the runner-up reaches the
 * threshold of its own origin. Candidates best first. Also used by scripts/bench/qa-fit-no-answer.mjs.
 */
export function clearsThreshold(ranked: readonly { score: number; origin: AnswerOrigin }[], thresholds: Readonly<Record<AnswerOrigin, number>>): boolean {
  return ranked.slice(0, 2).some((c) => c.score >= thresholds[c.origin]);
}

/**
 * The whole no-answer decision on a question's features (ask() with NO_ANSWER_THRESHOLDS, and the fit script over
 * a grid of thresholds): nothing found, neither of the best two clears its origin's bar (a procedure question's or
 * another's: barsFor), or — the question naming no service item — too little of it is reachable.
 */
export function refusesAnswer(f: Pick<AnswerFeatures, 'best' | 'origin' | 'runnerUp' | 'named' | 'reachable' | 'procedure'>, thresholds: NoAnswerThresholds): boolean {
  if (f.origin === 'none') return true;
  const ranked = [{ score: f.best, origin: f.origin }, ...(f.runnerUp ? [f.runnerUp] : [])];
  return !clearsThreshold(ranked, barsFor(f.procedure, thresholds)) || (!f.named && f.reachable < thresholds.reachable);
}

export function originOf(p: PassageRow): AnswerOrigin {
  return p.sourceId === 'catalog' ? 'catalog' : p.sourceId === 'glossary' ? 'glossary' : 'text';
}
export const LEXICAL_LABEL = 'fts5-bm25 (jieba on simplified text; English Porter-stemmed) + CC-CEDICT near-synonyms, shared morphemes, the everyday-words thesaurus and example questions';
export const VECTOR_LABEL = 'hnswlib-node (cosine HNSW)';


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
  /** Index words by their characters (built on first use, after changes to the graph). */
  morphemes(): MorphemeIndex;
  /** The concept stems of a passage's Chinese words (and its English stems). */
  passageConcepts(tokens: Set<string>): Set<string>;
  /** The example questions of the graph's passages (built on first use, after changes to the graph). */
  examples(): ExampleQuestionIndex;
  /** An English stem's likeliest Chinese translations (SENSE_TRANSLATIONS of them), for namesBySense. */
  likelyTranslations(stem: string): ReadonlySet<string>;
}

/** One part of the question: index tokens that stand for it (with credit), its concept stems, its weight. */
interface Group {
  tokens: Map<string, number>;
  concepts: string[];
  weight: number;
  /** A word asking about a service item's facts (材料, 多久, cost …). */
  intent: boolean;
  /** The word's general-language IDF (jieba's table; CC-CEDICT gloss counts for English). */
  general: number;
  /** The question's own word (Chinese) or stems (English) as an example question would hold them. */
  own: string[];
}

function quote(t: string): string {
  return `"${t.replace(/"/g, '""')}"`;
}

/**
 * A question word's weight is its IDF in the graph times (its general-language IDF / GEN_REF)^power: filler that is
 * common in any Chinese (怎么办 6.6, 不会 4.4, 以后 4.3) or English (take, get) weighs less than a content word,
 * without a hand list. Powers measured on the development set: Chinese 2 (1: paraphrase top-3 at threshold 0
 * 0.38 → 0.50 with 2; 3 loses plan-zh), English 1 (2: no better).
 */
const GEN_REF = 8;
const GEN_POWER = 2;
/** A question word is reachable when the graph holds it, a part of it or a close stand-in: credit ≥ this. */
const REACH_MIN = 0.5;
const EN_GEN_POWER = 1;
/** Credit of a dictionary near-synonym (retrieval/synonyms.ts), times its similarity; at most SYN_LIMIT per word. */
const SYN_CREDIT = 1;
const SYN_LIMIT = 4;
/** Only words the graph lacks, and not general filler (general IDF below this), look for synonyms. */
const SYN_MIN_GENERAL = 5;
/** Credit of an index word sharing morphemes with a question word the graph lacks (retrieval/morphemes.ts). */
const CHAR_CREDIT = 0.8;
const CHAR_MIN_SIMILARITY = 0.3;
const CHAR_LIMIT = 8;
/** Credit of an official word the everyday-words thesaurus gives for a question word (knowledge-graph/thesaurus/). */
const EVERYDAY_CREDIT = 0.8;

function questionGroups(q: string, ctx: AskContext, bridged: BridgedStem[]): Group[] {
  const store = ctx.store;
  const n = Math.max(1, store.passageCount());
  const idf = (t: string) => Math.log(1 + n / Math.max(0.5, store.docFreq(t))) ** IDF_POWER;
  const vocabulary = ctx.morphemes();
  const inIndex = (t: string) => (vocabulary.has(t) ? 1 : 0);
  const everyday = hasCjk(q) ? everydayIn(normalizeKey(q), ctx.lexicon.everydayZh()) : [];
  const groups: Group[] = [];
  for (const w of chineseWords(q)) {
    if ([...w].length < 2 && !store.docFreq(w)) continue;
    const sub = tokenize(w).filter((t) => t !== w && [...t].length >= 2);
    const tokens = new Map<string, number>([[w, 1]]);
    const credit = (t: string, c: number) => {
      if ((tokens.get(t) ?? 0) < c) tokens.set(t, c);
    };
    for (const t of sub) credit(t, 0.6);
    // An everyday word stands for the official words the sources use (老家 → 户籍地), whether or not the graph holds it.
    for (const e of everyday) {
      if (!entryCovers(e, w)) continue;
      for (const o of e.official) {
        const t = officialToken(o, (x) => store.docFreq(x), tokenize, n);
        if (t && t !== w) credit(t, EVERYDAY_CREDIT);
      }
    }
    const absent = !store.docFreq(w);
    const general = ctx.lexicon.generalIdf(w);
    // A word the graph lacks may stand for one it holds: a dictionary near-synonym, or a word sharing its morphemes.
    if (absent && general >= SYN_MIN_GENERAL) for (const sy of synonymsOf(w, ctx.lexicon, inIndex, SYN_LIMIT)) credit(sy.token, SYN_CREDIT * sy.similarity);
    if (absent) {
      const charWeight = (c: string) => ctx.lexicon.charIdf(c);
      for (const nb of vocabulary.neighbours(w, charWeight, CHAR_MIN_SIMILARITY, CHAR_LIMIT, (z) => ctx.lexicon.isKnownWord(z))) credit(nb.token, CHAR_CREDIT * nb.similarity);
    }
    const corpus = absent ? Math.max(idf(w) * 0.8, ...sub.map((t) => idf(t))) : idf(w);
    const weight = corpus * (general / GEN_REF) ** GEN_POWER;
    groups.push({ tokens, concepts: ctx.lexicon.concepts(w), weight, intent: SERVICE_INTENT.has(w), general, own: [w] });
  }
  for (const b of bridged) {
    const tokens = new Map<string, number>();
    if (store.docFreq(b.stem)) tokens.set(b.stem, 1);
    const best = Math.max(0, ...b.zh.map((z) => z.weight));
    for (const z of b.zh) tokens.set(z.token, Math.max(0.5, z.weight / (best || 1)));
    // A word with no translation in the index weighs as a rare word: the sources likely do not speak of it.
    const corpus = tokens.size ? Math.max(...[...tokens.keys()].map(idf)) : Math.log(1 + n) ** IDF_POWER;
    // A British spelling weighs and means what its American form does in the dictionary (neighbour: no gloss uses it).
    const parts = b.american ? [b.american] : b.stem.split(' ');
    const general = Math.max(...parts.map((x) => ctx.lexicon.englishIdf(x)));
    groups.push({ tokens, concepts: parts, weight: corpus * (general / GEN_REF) ** EN_GEN_POWER, intent: parts.some((x) => SERVICE_INTENT.has(x)), general, own: b.stem.split(' ') });
  }
  return groups;
}

/** How much of one question word a passage covers: a token it holds (or a synonym's), or (for less) its concepts. */
function groupCredit(g: Group, tokens: Set<string>, concepts: Set<string>): number {
  let best = 0;
  for (const [t, w] of g.tokens) if (tokens.has(t)) best = Math.max(best, w);
  if (best < 1 && g.concepts.length) {
    const shared = g.concepts.filter((c) => concepts.has(c)).length / g.concepts.length;
    best = Math.max(best, CONCEPT_CREDIT * shared);
  }
  return best;
}

/** A facts passage is judged on what the question asks about, not on how it asks (材料, 多久, cost …). */
const skipForFacts = (g: Group, groups: Group[], isFacts: boolean) => isFacts && g.intent && groups.some((x) => !x.intent);

/** How much of the question a passage covers: the weighted mean of its words' credits. */
function coverage(groups: Group[], credit: (i: number) => number, isFacts = false): number {
  let got = 0;
  let all = 0;
  groups.forEach((g, i) => {
    if (skipForFacts(g, groups, isFacts)) return;
    all += g.weight;
    got += g.weight * credit(i);
  });
  return all ? got / all : 0;
}

/**
 * Credit of a question word that only one of a passage's example questions says (knowledge-graph/questions/):
 * people's words for the passage, less sure than the passage's own.
 */
const EXAMPLE_CREDIT = 0.8;
/** Passages found by their example questions' words join the candidates: at most this many. */
const EXAMPLE_POOL = 20;
/**
 * An example counts only where it says at least this many of the question's words, each well (credit ≥ REACH_MIN:
 * the word or a close stand-in, not a shared dictionary concept): one shared word is chance (an example about
 * quarantine in epidemics for a question about a pet cat's quarantine). Measured over every set: 1 → 2 kept the
 * same answerable hits and refused two more `none` questions; counting only well-said words, two more again and two
 * of twenty off-topic questions written to probe it (recycling old phones, a company going bankrupt), one
 * answerable question refused; 3 words loses 11 hits; leaving out common words (general IDF < 5) loses 11.
 */
const EXAMPLE_MIN_WORDS = 2;

/** How much of one question word an example question covers: the word itself, or what stands for it. */
function exampleCredit(g: Group, ex: ExampleQuestion): number {
  return g.own.every((t) => ex.tokens.has(t)) ? 1 : groupCredit(g, ex.tokens, ex.concepts!);
}

/**
 * A passage's coverage of the question, or with one of its example questions beside it, the better: each word
 * counts as the passage or that example covers it (an example's words at EXAMPLE_CREDIT). One example at a time,
 * not all together: a passage's dozen examples between them hold most everyday words.
 */
function coverageWithExamples(
  groups: Group[],
  tokens: Set<string>,
  concepts: Set<string>,
  isFacts: boolean,
  examples: readonly ExampleQuestion[],
  conceptsOf: (t: Set<string>) => Set<string>,
): { cov: number; example?: string } {
  const credits = groups.map((g) => groupCredit(g, tokens, concepts));
  let cov = coverage(groups, (i) => credits[i]!, isFacts);
  let example: string | undefined;
  for (const ex of examples) {
    ex.concepts ??= conceptsOf(ex.tokens);
    const said = groups.map((g) => exampleCredit(g, ex));
    if (said.filter((c) => c >= REACH_MIN).length < EXAMPLE_MIN_WORDS) continue;
    const c = coverage(groups, (i) => Math.max(credits[i]!, EXAMPLE_CREDIT * said[i]!), isFacts);
    if (c > cov) {
      cov = c;
      example = ex.text;
    }
  }
  return { cov, ...(example ? { example } : {}) };
}

/** Credit for a question word whose dictionary concepts (not its characters) the passage shares: paraphrases, English. */
const CONCEPT_CREDIT = 0.7;
/** Group weights are IDF to this power (2 was tried: no better on the development set). */
const IDF_POWER = 1;

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

/** The service item a material entity (material:<service>/<material>) belongs to. */
export function serviceOfMaterial(entity: string | null | undefined): string | undefined {
  return entity?.startsWith('material:') ? 'service:' + entity.slice('material:'.length).split('/')[0] : undefined;
}

/** The service item an entity is or belongs to (a service item itself, or one of its materials). */
export function serviceItemOf(entity: string | null | undefined): string | undefined {
  return entity?.startsWith('service:') ? entity : serviceOfMaterial(entity);
}

/** What the no-answer decision looks at (also given to onBest for calibration). */
export interface AnswerFeatures {
  /** The best candidate's score (0.75 coverage + 0.25 similarity, or 1 for a named service item). */
  best: number;
  /** The best candidate's coverage alone. */
  coverage: number;
  /** The best candidate's vector similarity. */
  similarity: number;
  /** The share of the question (by weight) that words of the whole graph cover with credit ≥ REACH_MIN: its own tokens, parts, close stand-ins. */
  reachable: number;
  /** The largest general IDF of a question word nothing in the graph stands for (0 when every word is reachable). */
  absentGeneral: number;
  /** The question names a service item. */
  named: boolean;
  /** The question asks how to carry out a procedure, or its cost, duration or time (asksProcedure). */
  procedure: boolean;
  /** Where the best candidate comes from: 'catalog' and 'glossary' hold named things; 'text' the plan and documents. */
  origin: AnswerOrigin | 'none';
  /** The second candidate's score and origin (the decision judges the best two, each against its own origin's bar). */
  runnerUp: { score: number; origin: AnswerOrigin } | null;
}

/** Below the best answer, others down to this share of their origin's bar are listed too. */
const ANSWER_FLOOR = 0.8;
/** With no answer, the candidates down to this share of their bar are shown as the closest (not as answers). */
const CLOSEST_FLOOR = 0.5;
const CLOSEST_LIMIT = 3;
/** At most this many glossary entries among the answers (pick). */
const GLOSSARY_LIMIT = 1;

export interface AskOptions {
  /** One score threshold for every origin, and no reachability test, instead of NO_ANSWER_THRESHOLDS (the calibration asks with 0). */
  threshold?: number;
  /** Receives the best candidate's score even when the answer is noAnswer (calibration). */
  onBest?: (score: number, features: AnswerFeatures) => void;
}

export async function ask(ctx: AskContext, question: string, k: number, o: AskOptions = {}): Promise<KgAskResult> {
  const procedure = asksProcedure(question);
  const thresholdOf = (p: PassageRow) => o.threshold ?? barsFor(procedure, NO_ANSWER_THRESHOLDS)[originOf(p)];
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
  for (const g of groups) for (const t of g.tokens.keys()) if (ctx.store.docFreq(t)) terms.add(t);
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
  const named = namedServices(question, ctx.serviceNames, (stem) => ctx.likelyTranslations(stem));

  interface Cand {
    p: PassageRow;
    score: number;
    rrf: number;
    cov: number;
    /** The example question that raised the coverage, if one did. */
    example?: string;
  }
  const byId = new Map<string, Cand>();
  const w = scoreWeights(ctx.embedder);
  // Passages whose example questions use the question's words, though the passage may not.
  const examples = ctx.examples();
  const byExamples = examples.size ? examples.passagesFor(groups.map((g) => ({ weight: g.weight, tokens: [...g.tokens.keys(), ...g.own] })), EXAMPLE_POOL) : [];
  const candidates = ctx.store.passagesByRid([...new Set([...fused.keys(), ...byExamples])]);
  for (const p of candidates) {
    // A service item's facts passage is long (conditions, laws …): it answers when the question names the item,
    // its everyday words or its materials, so only those words count for it.
    const isFacts = !!p.entityId?.startsWith('service:');
    const tokens = isFacts ? ctx.identityTokens(p.entityId!) : ctx.passageTokens(p.rid);
    const { cov, example } = coverageWithExamples(groups, tokens, ctx.passageConcepts(tokens), isFacts, examples.of(p.rid), (t) => ctx.passageConcepts(t));
    const sim = similarity.get(p.rid) ?? 0;
    byId.set(p.id, { p, score: w.coverage * cov + w.vector * Math.max(0, sim), rrf: fused.get(p.rid) ?? 0, cov, ...(example ? { example } : {}) });
  }
  for (const e of named) {
    const fp = ctx.factsPassage(e);
    if (fp) byId.set(fp.id, { p: fp, score: 1, rrf: 1, cov: 1 });
  }
  // A material that matched brings its service item's facts (a little below the material itself); so does a
  // glossary term that names a service item or a material.
  for (const c of [...byId.values()]) {
    let entity = c.p.entityId;
    if (entity?.startsWith('term:')) entity = ctx.catalogEntityOfTerm(entity) ?? null;
    if (!entity) continue;
    const service = serviceItemOf(entity);
    if (!service) continue;
    const fp = ctx.factsPassage(service);
    if (fp && (byId.get(fp.id)?.score ?? -1) < c.score * 0.98) byId.set(fp.id, { p: fp, score: c.score * 0.98, rrf: c.rrf, cov: c.cov });
  }
  // A question asking how many or how much is not answered by a passage that states no quantity, nor by a glossary
  // term (what a thing is called says nothing of its number): “浙里办”有多少注册用户, 首席数据官每个月工资多少.
  const quantity = asksQuantity(question);
  const ranked = [...byId.values()]
    .filter((c) => !quantity || originOf(c.p) === 'catalog' || (originOf(c.p) === 'text' && statesQuantity(c.p.norm)))
    .sort((a, b) => b.score - a.score || b.rrf - a.rrf);
  const best = ranked[0]?.score ?? 0;
  let all = 0;
  let reach = 0;
  let absentGeneral = 0;
  for (const g of groups) {
    all += g.weight;
    const r = Math.max(0, ...[...g.tokens].map(([t, w]) => (ctx.store.docFreq(t) && w >= REACH_MIN ? w : 0)));
    reach += g.weight * r;
    if (r === 0) absentGeneral = Math.max(absentGeneral, g.general);
  }
  const top = ranked[0];
  const features: AnswerFeatures = {
    best,
    coverage: top ? top.cov : 0,
    similarity: top ? (similarity.get(top.p.rid) ?? 0) : 0,
    reachable: all ? reach / all : 0,
    absentGeneral,
    named: named.size > 0,
    procedure,
    origin: top ? originOf(top.p) : 'none',
    runnerUp: ranked[1] ? { score: ranked[1].score, origin: originOf(ranked[1].p) } : null,
  };
  o.onBest?.(best, features);
  // The best answer or the runner-up must clear the bar of where it comes from: a named thing matched in part at the
  // top (a glossary term, below its higher bar) does not hide the passage right below it that clears the text bar.
  const answered = o.threshold !== undefined ? !!top && best >= o.threshold : !refusesAnswer(features, NO_ANSWER_THRESHOLDS);
  // One material passage per service item: its other materials are in the item's facts (brought in just below it),
  // so a list of three of one item's materials would push the facts — what the question asks for — out of the top k.
  // The closest candidates (no answer) show one passage per service item, without its facts card: they point to items.
  const pick = (limit: number, floor: number, onePerItem = false): KgAnswer[] => {
    const out: KgAnswer[] = [];
    const materialShown = new Set<string>();
    const itemShown = new Set<string>();
    let glossaryShown = 0;
    for (const c of ranked) {
      if (out.length >= limit) break;
      if (c.score < thresholdOf(c.p) * floor) continue;
      // A glossary entry says what a term is called in the other language; one among the answers is enough, the
      // other places go to passages that say something about it (到2035年的远景目标是什么: two term entries above the
      // plan's 2035 paragraph).
      const glossary = originOf(c.p) === 'glossary';
      if (glossary && glossaryShown >= GLOSSARY_LIMIT) continue;
      const materialOf = serviceOfMaterial(c.p.entityId);
      if (materialOf && materialShown.has(materialOf)) continue;
      const item = serviceItemOf(c.p.entityId);
      if (onePerItem && item && itemShown.has(item)) continue;
      if (glossary) glossaryShown++;
      if (item) itemShown.add(item);
      if (materialOf) materialShown.add(materialOf);
      // The closest point to items to open; their facts are not offered as if they answered.
      const facts = !onePerItem && c.p.entityId?.startsWith('service:') ? ctx.facts(c.p.entityId) : undefined;
      out.push({ text: c.p.original, citation: ctx.citation(c.p), score: Math.round(c.score * 1000) / 1000, ...(facts ? { facts } : {}), ...(c.example ? { matchedExample: c.example } : {}) });
    }
    return out;
  };
  const answers = answered ? pick(k, ANSWER_FLOOR) : [];
  // A question of which the graph holds next to nothing (地铁末班车) has no closest passages worth opening.
  const closest = answers.length || features.reachable < NO_ANSWER_THRESHOLDS.reachable ? [] : pick(Math.min(k, CLOSEST_LIMIT), CLOSEST_FLOOR, true);
  return { question, engine, answers, noAnswer: answers.length === 0, ...(closest.length ? { closest } : {}), ms: Math.round((performance.now() - t0) * 10) / 10 };
}
