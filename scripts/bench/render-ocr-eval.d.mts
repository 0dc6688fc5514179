export interface EvalDoc {
  id: string;
  font: string;
  lines: string[];
}

export type Variant = 'clean' | 'skew' | 'lowres' | 'rot90' | 'rot180' | 'photo' | 'seal';

export interface RenderedImage {
  doc: string;
  variant: string;
  path: string;
  /** Found in the cache rather than drawn now. */
  cached: boolean;
  /** e.g. the skew angle or the seal position, for images drawn now. */
  note?: string;
}

export interface RenderOptions {
  variants?: readonly string[];
  /** Defaults to DEFAULT_CACHE_DIR (under os.tmpdir()). */
  cacheDir?: string;
}

export const RENDER_VERSION: number;
export const VARIANTS: readonly Variant[];
export const VARIANT_DESCRIPTIONS: Record<string, string>;
/** ../shared/eval/ocr-dev.tsv beside the project. */
export const DEFAULT_TSV: string;
export const DEFAULT_CACHE_DIR: string;

/** Rows of id, font family, lines separated by `|`; `#` and blank lines skipped. Throws with file:line on bad rows. */
export function parseEvalTsv(text: string, source?: string): EvalDoc[];
export function readEvalTsv(file: string): EvalDoc[];
/** Traditional-Chinese pages, by their font (Noto … CJK TC / HK). */
export function isTraditional(doc: { font: string }): boolean;
/** Throws when fontconfig does not know the family (librsvg would silently fall back to another font). */
export function assertFontInstalled(family: string): void;
/** Renders (or finds in the cache) the requested variants of one document. */
export function renderDocument(doc: EvalDoc, opts?: RenderOptions): Promise<RenderedImage[]>;
export function renderEvalSet(
  opts?: RenderOptions & { tsv?: string; docs?: readonly string[] },
): Promise<{ tsv: string; docs: EvalDoc[]; images: RenderedImage[] }>;
