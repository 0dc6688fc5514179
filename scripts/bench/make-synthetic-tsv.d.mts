export const DEFAULT_SEED_TEXT: string;
export const DEFAULT_OUT: string;
export const DEFAULT_SEED: number;
/** The seed text cleaned: glosses, image names and cut-off tails removed; one string a paragraph. */
export function cleanSeed(text: string): string[];
/** Lines of a page's width (in em) from the paragraphs' sentences. */
export function linePool(paragraphs: string[], minEm?: number, maxEm?: number): string[];
export function headings(paragraphs: string[]): string[];
export function opencc(lines: string[], config: 't2s' | 's2tw'): string[];
export function idNumber(rand: () => number): string;
export function creditCode(rand: () => number): string;
export function date(rand: () => number, style?: 'cn' | 'iso' | 'dot' | 'en'): string;
/** The whole synthetic set as TSV text (same format as ocr-dev.tsv). */
export function makeSyntheticTsv(o?: { seedText?: string; seed?: number }): string;
