/**
 * Example questions (knowledge-graph/questions/plan.tsv): how people ask, in their own words, for a passage of the
 * shipped plan. Read at build time into the graph, each with its passage; a question then counts as covered by a
 * passage where one of its example questions says it (answer/ask.ts, retrieval/example-questions.ts). Written down
 * because no semantic model is reachable here: the words people use (管数据的领导) are not the plan's (首席数据官).
 * Plan passages only: situational questions written the same way for the catalog's items answered more questions
 * about services the catalog lacks than they gained (docs/benchmarks.md, "Example questions").
 */
import fs from 'node:fs';
import path from 'node:path';
import { americanSpelling } from '../retrieval/bridge.js';
import type { GraphStore } from '../store/graph-store.js';
import { normalizeKey } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import { readShippedTsv, shippedRowError } from './shipped-tsv.js';

export interface ExampleQuestionRow {
  /** The plan's file name without .txt (sources/<plan>.txt). */
  plan: string;
  /** The passage's number within its plan (p12). */
  passage: string;
  /** The passage's first characters, as a check that the passage numbering has not moved. */
  starts: string;
  question: string;
  line: number;
}

const HEADER = ['passage', 'starts', 'question'];

/** The example-question file of a folder (it may be missing). */
export const exampleQuestionsFile = (dir: string): string => path.join(dir, 'plan.tsv');

/**
 * Reads plan.tsv of a folder ([] without one). A malformed row fails the build with its file and line: this is
 * shipped source data, and a silently dropped row would only show as a worse answer.
 */
export function readExampleQuestions(dir: string): ExampleQuestionRow[] {
  const file = exampleQuestionsFile(dir);
  if (!fs.existsSync(file)) return [];
  return readShippedTsv(file, HEADER).map(({ cells, line }) => {
    if (cells.some((c) => !c.trim())) throw shippedRowError(file, line, 'an empty cell');
    const [passage, starts, question] = cells.map((c) => c.trim()) as [string, string, string];
    const m = /^(.+)#(p\d+)$/.exec(passage);
    if (!m) throw shippedRowError(file, line, `a passage is "<plan file name without .txt>#p<number>", not "${passage}"`);
    return { plan: m[1]!, passage: m[2]!, starts, question, line };
  });
}

/**
 * Index tokens of an example question: its words, and an English one's in American spelling too (centre and
 * center both), as the question side reads British spellings through the dictionary's American ones.
 */
export function exampleTokens(question: string): string[] {
  return [...new Set([...tokenize(question), ...tokenize(americanSpelling(question))])];
}

/**
 * Stores the example questions with their passages. A row's passage must exist and still start as the row says:
 * a changed plan or splitter moves the numbering, and the build fails rather than attach questions to the wrong
 * passage.
 */
export function writeExampleQuestions(store: GraphStore, dir: string, examples: ExampleQuestionRow[], planSource: (plan: string) => string | undefined): number {
  const file = exampleQuestionsFile(dir);
  for (const r of examples) {
    const source = planSource(r.plan);
    if (!source) throw shippedRowError(file, r.line, `no shipped plan sources/${r.plan}.txt`);
    const id = `${source}:${r.passage}`;
    const p = store.passage(id);
    if (!p) throw shippedRowError(file, r.line, `${r.plan} has no passage ${r.passage}`);
    if (!normalizeKey(p.original).startsWith(normalizeKey(r.starts))) {
      throw shippedRowError(file, r.line, `passage ${r.passage} of ${r.plan} starts "${p.original.slice(0, 12)}", not "${r.starts}" (did the plan or its splitter change?)`);
    }
    store.addExampleQuestion(id, r.question, exampleTokens(r.question).join(' '));
  }
  return examples.length;
}
