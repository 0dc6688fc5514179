/**
 * The shipped data tables of knowledge-graph/ (thesaurus, example questions): UTF-8, tab-separated, no quoting, an
 * exact header, a fixed number of cells a row. A malformed row fails `ic kg build` with its file and line — shipped
 * source data, where a silently dropped row would only show as a worse answer.
 */
import fs from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { HubError } from '../../../../common/contract/index.js';

/** The build's error for a row of a shipped table: `<file>:<line>: <why>`. */
export const shippedRowError = (file: string, line: number, why: string): HubError => new HubError('INTERNAL', `${file}:${line}: ${why}`);

/** The rows of a shipped table under its header (checked), each with its line number and exactly `header.length` cells. */
export function readShippedTsv(file: string, header: readonly string[]): { cells: string[]; line: number }[] {
  const rows = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { delimiter: '\t', quote: false, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const [head, ...body] = rows;
  if (!head || head.join('\t') !== header.join('\t')) throw shippedRowError(file, 1, `the header must be "${header.join('\\t')}"`);
  return body.map((cells, i) => {
    const line = i + 2;
    if (cells.length !== header.length) throw shippedRowError(file, line, `${header.length} tab-separated cells expected, found ${cells.length}`);
    return { cells, line };
  });
}
