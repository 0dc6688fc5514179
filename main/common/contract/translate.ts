import { z } from 'zod';
import { MAX_FILE_BASE64_CHARS, MAX_FILE_BYTES, TRANSLATE_EXPORT_FORMATS, TRANSLATE_LANGS } from './constants.js';

/** Languages the translate capability knows; packs in models/manifest.json name pairs of these. */
export const TranslateLang = z.enum(TRANSLATE_LANGS);
export type TranslateLang = z.infer<typeof TranslateLang>;

/**
 * Where a segment's target came from. `model` only when an MT pack answered; `dictionary` is a word-by-word
 * CC-CEDICT draft, never machine translation; `none`: nothing to translate (only numbers, codes or punctuation),
 * copied unchanged.
 */
export const SegmentOrigin = z.enum(['model', 'tm', 'glossary', 'dictionary', 'none']);
export type SegmentOrigin = z.infer<typeof SegmentOrigin>;

export const QaCode = z.enum([
  'number_mismatch', // a number, code, date or URL of the source is missing or changed in the target
  'term_missing', // a glossary term of the source is not rendered with its glossary translation
  'untranslated', // target equals source (or still mostly source script)
  'empty', // empty target for a non-empty source
  'inconsistent', // one source translated differently elsewhere in the document
  'placeholder_lost', // the model dropped a protected span; it was re-inserted at the end
]);
export type QaCode = z.infer<typeof QaCode>;

export const QaIssue = z.object({ code: QaCode, severity: z.enum(['warn', 'error']), message: z.string() });
export type QaIssue = z.infer<typeof QaIssue>;

/** A glossary term applied to a segment. */
export const AppliedTerm = z.object({ zh: z.string(), en: z.string(), matched: z.string() });
export type AppliedTerm = z.infer<typeof AppliedTerm>;

export const TranslatedSegment = z.object({
  /** Segment id within the document: block index and sentence index ("3.1"), kept through edits and exports. */
  id: z.string(),
  /** Index of the document block (paragraph, heading, table cell, XLIFF unit) the segment belongs to. */
  block: z.number().int().nonnegative(),
  /** Line within the block (table cells and XLIFF units may hold several lines). */
  line: z.number().int().nonnegative(),
  src: z.string(),
  tgt: z.string(),
  origin: SegmentOrigin,
  terms: z.array(AppliedTerm),
  /** Memory similarity (0–1) for `tm` segments. */
  score: z.number().min(0).max(1).optional(),
  qa: z.array(QaIssue),
});
export type TranslatedSegment = z.infer<typeof TranslatedSegment>;

/** Document formats the translate capability reads and writes. */
export const DocFormat = z.enum(TRANSLATE_EXPORT_FORMATS);
export type DocFormat = z.infer<typeof DocFormat>;

/**
 * One block of a document, in document order: what is translated (its segments point at it by index) and how to
 * put it back (heading level, table cell position, Markdown prefix, XLIFF unit id). `raw` blocks are copied as-is.
 */
export const DocBlock = z.object({
  kind: z.enum(['paragraph', 'heading', 'cell', 'raw']),
  text: z.string(),
  level: z.number().int().min(1).max(9).optional(),
  table: z.number().int().nonnegative().optional(),
  row: z.number().int().nonnegative().optional(),
  col: z.number().int().nonnegative().optional(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  unitId: z.string().optional(),
});
export type DocBlock = z.infer<typeof DocBlock>;

export const TranslateInput = z
  .object({
    from: TranslateLang,
    to: TranslateLang,
    /** Plain text to translate (paragraphs separated by blank lines or newlines). */
    text: z.string().max(2_000_000).optional(),
    /** A document on disk: .txt .md .docx .xlf/.xliff (images and PDFs go through OCR first). */
    path: z.string().min(1).optional(),
    /** Base64 bytes of a document with its name (the console's upload). */
    data: z
      .object({
        name: z.string().min(1).max(255),
        base64: z.string().max(MAX_FILE_BASE64_CHARS, `files over ${MAX_FILE_BYTES / 1024 / 1024} MB are refused`),
      })
      .optional(),
    /** Minimum memory similarity a fuzzy match needs to be reused. */
    minScore: z.number().min(0.5).max(1).default(0.75),
    /** Use the MT pack when installed (false: memory, glossary and dictionary draft only). */
    useModel: z.boolean().default(true),
  })
  .strict()
  .refine((v) => v.from !== v.to, { message: 'from and to must differ' })
  .refine((v) => [v.text, v.path, v.data].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of text, path or data',
  });
export type TranslateInput = z.input<typeof TranslateInput>;

export const TranslateOutput = z.object({
  /** What answered, e.g. "opus-mt-zh-en+tm+glossary" or "tm+glossary+cedict-draft". */
  engine: z.string(),
  from: TranslateLang,
  to: TranslateLang,
  /** Format of the document read, so the same structure can be written back. */
  format: DocFormat,
  blocks: z.array(DocBlock),
  segments: z.array(TranslatedSegment),
});
export type TranslateOutput = z.infer<typeof TranslateOutput>;

export const TmUnit = z.object({
  srcLang: TranslateLang,
  tgtLang: TranslateLang,
  src: z.string().min(1).max(10_000),
  tgt: z.string().min(1).max(10_000),
});
export type TmUnit = z.infer<typeof TmUnit>;

export const TmStats = z.object({
  units: z.number().int().nonnegative(),
  pairs: z.array(z.object({ srcLang: z.string(), tgtLang: z.string(), units: z.number().int().nonnegative() })),
});
export type TmStats = z.infer<typeof TmStats>;

export const TmLookupParams = z
  .object({ srcLang: TranslateLang, tgtLang: TranslateLang, src: z.string().min(1).max(10_000), minScore: z.number().min(0).max(1).default(0.75), limit: z.number().int().min(1).max(20).default(5) })
  .strict();
export const TmMatch = z.object({ src: z.string(), tgt: z.string(), score: z.number().min(0).max(1) });
export type TmMatch = z.infer<typeof TmMatch>;

export const TmImportParams = z.object({ path: z.string().min(1).optional(), tmx: z.string().optional() }).strict();
export const TmExportParams = z.object({ path: z.string().min(1).optional() }).strict();

/** Writing translated segments back as a document of the given format. */
export const TranslateExportParams = z
  .object({
    from: TranslateLang,
    to: TranslateLang,
    format: DocFormat,
    blocks: z.array(DocBlock).max(100_000),
    segments: z.array(TranslatedSegment).max(100_000),
  })
  .strict();
export const TranslateExportResult = z.object({ name: z.string(), base64: z.string() });

export const TmAddParams = z.object({ units: z.array(TmUnit).min(1).max(10_000) }).strict();
export const TmStatsResult = TmStats.extend({ glossaryTerms: z.number().int().nonnegative() });

/** The translate feature's methods; methods.ts spreads them into the one table. */
export const translateMethods = {
  'translate.export': {
    params: TranslateExportParams,
    result: TranslateExportResult,
    summary: 'Write translated (and edited) segments as .txt, .md, .docx, XLIFF 1.2/2.0 or .tmx (base64).',
  },
  'tm.add': { params: TmAddParams, result: z.object({ added: z.number().int() }), summary: 'Store reviewed segments in the translation memory.' },
  'tm.lookup': { params: TmLookupParams, result: z.array(TmMatch), summary: 'Exact and fuzzy memory matches for one source sentence.' },
  'tm.import': { params: TmImportParams, result: z.object({ units: z.number().int() }), summary: 'Import a TMX 1.4 file (path or content) into the memory.' },
  'tm.export': { params: TmExportParams, result: z.object({ units: z.number().int(), path: z.string().optional(), tmx: z.string().optional() }), summary: 'Export the memory as TMX 1.4 (to a path, or returned).' },
  'tm.stats': { params: z.object({}).default({}), result: TmStatsResult, summary: 'Units per language pair, and glossary size.' },
} as const;
