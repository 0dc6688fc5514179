/**
 * Example questions (knowledge-graph/questions/): how people ask, in their own words, for a passage of the shipped
 * plan (plan.tsv) or for a service item of the catalog (catalog.tsv). Read at build time into the graph, each with
 * its passage (the plan passage, or the item's facts passage); a question then counts as covered by a passage when
 * one of its example questions says it (answer/ask.ts, retrieval/example-questions.ts). Written down because no
 * semantic model is reachable here: the words people use (管数据的领导) are not the plan's (首席数据官).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { HubError } from '../../../../common/contract/index.js';
import type { GraphStore } from '../store/graph-store.js';
import { normalizeKey, normalizeText } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';

export interface PlanExampleQuestion {
  /** The plan's file name without .txt (sources/<plan>.txt). */
  plan: string;
  /** The passage's number within its plan (p12). */
  passage: string;
  /** The passage's first characters, as a check that the passage numbering has not moved. */
  starts: string;
  question: string;
  line: number;
}

export interface CatalogExampleQuestion {
  /** The service item's id in the catalog. */
  service: string;
  question: string;
  line: number;
}

export interface ExampleQuestions {
  plan: PlanExampleQuestion[];
  catalog: CatalogExampleQuestion[];
  files: string[];
}

const PLAN_HEADER = ['passage', 'starts', 'question'];
const CATALOG_HEADER = ['service', 'question'];

/** The example-question files of a folder (either may be missing). */
export function exampleQuestionFiles(dir: string): { plan: string; catalog: string } {
  return { plan: path.join(dir, 'plan.tsv'), catalog: path.join(dir, 'catalog.tsv') };
}

function readRows(file: string, header: string[]): { cells: string[]; line: number }[] {
  const rows = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { delimiter: '\t', quote: false, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const [head, ...body] = rows;
  if (!head || head.join('\t') !== header.join('\t')) throw failAt(file, 1, `the header must be "${header.join('\\t')}"`);
  return body.map((cells, i) => {
    const line = i + 2;
    if (cells.length !== header.length) throw failAt(file, line, `${header.length} tab-separated cells expected, found ${cells.length}`);
    if (cells.some((c) => !c.trim())) throw failAt(file, line, 'an empty cell');
    return { cells: cells.map((c) => c.trim()), line };
  });
}

const failAt = (file: string, line: number, why: string) => new HubError('INTERNAL', `${file}:${line}: ${why}`);

/**
 * Reads plan.tsv and catalog.tsv of a folder. A malformed row fails the build with its file and line: this is
 * shipped source data, and a silently dropped row would only show as a worse answer.
 */
export function readExampleQuestions(dir: string): ExampleQuestions {
  const out: ExampleQuestions = { plan: [], catalog: [], files: [] };
  const files = exampleQuestionFiles(dir);
  if (fs.existsSync(files.plan)) {
    out.files.push(files.plan);
    for (const { cells, line } of readRows(files.plan, PLAN_HEADER)) {
      const m = /^(.+)#(p\d+)$/.exec(cells[0]!);
      if (!m) throw failAt(files.plan, line, `a passage is "<plan file name without .txt>#p<number>", not "${cells[0]}"`);
      out.plan.push({ plan: m[1]!, passage: m[2]!, starts: cells[1]!, question: cells[2]!, line });
    }
  }
  if (fs.existsSync(files.catalog)) {
    out.catalog = readRows(files.catalog, CATALOG_HEADER).map(({ cells, line }) => ({ service: cells[0]!, question: cells[1]!, line }));
    out.files.push(files.catalog);
  }
  return out;
}

/**
 * Stores the example questions with their passages: a plan row's passage must exist and still start as the row
 * says (a changed plan or splitter moves the numbering: the build fails rather than attach questions to the wrong
 * passage); a catalog row's item must have a facts passage.
 */
export function writeExampleQuestions(
  store: GraphStore,
  dir: string,
  examples: ExampleQuestions,
  where: { planSource(plan: string): string | undefined; factsPassage(service: string): string | undefined },
): number {
  const files = exampleQuestionFiles(dir);
  let n = 0;
  const add = (passageId: string, question: string) => {
    store.addExampleQuestion(passageId, normalizeText(question), tokenize(question).join(' '));
    n++;
  };
  for (const r of examples.plan) {
    const source = where.planSource(r.plan);
    if (!source) throw failAt(files.plan, r.line, `no shipped plan sources/${r.plan}.txt`);
    const id = `${source}:${r.passage}`;
    const p = store.passage(id);
    if (!p) throw failAt(files.plan, r.line, `${r.plan} has no passage ${r.passage}`);
    if (!normalizeKey(p.original).startsWith(normalizeKey(r.starts))) {
      throw failAt(files.plan, r.line, `passage ${r.passage} of ${r.plan} starts "${p.original.slice(0, 12)}", not "${r.starts}" (did the plan or its splitter change?)`);
    }
    add(id, r.question);
  }
  for (const r of examples.catalog) {
    const id = where.factsPassage(r.service);
    if (!id) throw failAt(files.catalog, r.line, `no service item "${r.service}" in the catalog`);
    add(id, r.question);
  }
  return n;
}
