import { badInput, INPUT_LIMITS } from './limits.js';

/**
 * The page numbers (from 1, ascending, no repeats) to read from a file of `count` pages: all of them, or the ones
 * asked for. Asking for a page the file does not have is an error, and so is a file of more than
 * INPUT_LIMITS.maxPages pages read whole.
 */
export function selectPages(file: string, count: number, asked: number[] | undefined, label: string): number[] {
  if (!asked || asked.length === 0) {
    if (count > INPUT_LIMITS.maxPages)
      throw badInput(file, `the ${label} has ${count} pages, more than the ${INPUT_LIMITS.maxPages} read from one file; choose pages or split the file`);
    return Array.from({ length: count }, (_, i) => i + 1);
  }
  const wanted = [...new Set(asked)].sort((a, b) => a - b);
  const bad = wanted.filter((n) => !Number.isInteger(n) || n < 1 || n > count);
  if (bad.length)
    throw badInput(file, `page${bad.length > 1 ? 's' : ''} ${bad.slice(0, 5).join(', ')} asked for, but the ${label} has ${count} page${count === 1 ? '' : 's'}`);
  return wanted;
}
