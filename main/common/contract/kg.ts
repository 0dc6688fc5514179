import { z } from 'zod';
import { FileSource } from './ocr.js';

/**
 * The government knowledge graph and its cited Q&A (`kg.*` methods, `ic kg …`, `ic ask`, the Ask and Knowledge
 * graph screens). Passages keep their original text (traditional script, as received) for display; matching runs
 * on a normalised simplified form, so 浙裏辦 and 浙里办 are the same key.
 */

export const KgEntityType = z.enum(['service', 'material', 'department', 'document', 'section', 'term']);
export type KgEntityType = z.infer<typeof KgEntityType>;

export const KgRelationType = z.enum(['requires', 'handled_by', 'based_on', 'part_of', 'mentions', 'translates_to']);
export type KgRelationType = z.infer<typeof KgRelationType>;

/** shipped: built from knowledge-graph/ by `ic kg build`; document: a user's file added with `ic kg add`. */
export const KgSourceKind = z.enum(['plan', 'catalog', 'glossary', 'document']);
export type KgSourceKind = z.infer<typeof KgSourceKind>;

// ---------------------------------------------------------------- ask

export const KgAskParams = z
  .object({
    question: z.string().trim().min(1).max(1000),
    /** How many answers at most (the best first). */
    k: z.number().int().min(1).max(20).default(3),
  })
  .strict();
export type KgAskParams = z.input<typeof KgAskParams>;

/** Where an answer comes from: the source's name (the file for users' documents), section path, passage id, its original text. */
export const KgCitation = z.object({
  /** The source's display name: the plan's title, "服务事项目录 Service catalog", or the file name of a user's document. */
  source: z.string(),
  /** Section path joined with " › ", e.g. "二、主要任务 › (六)提升智能安全的技术支撐體系 › 1.提升數字政府基礎設施能力". */
  section: z.string(),
  /** Passage id: `kg.section {passage}` opens the section with this passage highlighted. */
  passage: z.string(),
  /** The passage as the source has it (original script, inline glosses removed). */
  original: z.string(),
});
export type KgCitation = z.infer<typeof KgCitation>;

export const KgServiceMaterialFact = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  required: z.boolean(),
  /** original | copy | original+copy, when the catalog says. */
  form: z.string().optional(),
  count: z.number().int().optional(),
  needsSeal: z.boolean().optional(),
  needsSignature: z.boolean().optional(),
});

/** A service item's structured facts (answers about a service item carry them; shown as a card). */
export const KgServiceFacts = z.object({
  type: z.literal('service'),
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  department: z.string(),
  basis: z.array(z.string()),
  conditions: z.array(z.string()),
  timeLimit: z.string().optional(),
  fee: z.string().optional(),
  channels: z.array(z.string()),
  aliases: z.array(z.string()),
  materials: z.array(KgServiceMaterialFact),
});
export type KgServiceFacts = z.infer<typeof KgServiceFacts>;

export const KgAnswer = z.object({
  /** The extracted answer: the sentence(s) of the passage that answer, original script. */
  text: z.string(),
  citation: KgCitation,
  /** 0–1, comparable across questions; answers below the calibrated threshold are not returned. */
  score: z.number(),
  facts: KgServiceFacts.optional(),
  /** The passage's example question (knowledge-graph/questions/) through which it matched the question, when that raised its score: why a passage in other words was found. */
  matchedExample: z.string().optional(),
});
export type KgAnswer = z.infer<typeof KgAnswer>;

/** Which part found the answers; null when that part did not take part (e.g. no vector index, no bridge needed). */
export const KgEngine = z.object({
  /** e.g. "fts5-bm25 (jieba, simplified; English stemmed)" */
  lexical: z.string().nullable(),
  /** e.g. "hnswlib cosine" */
  vector: z.string().nullable(),
  /** The embedder's honest name: the built-in "cedict-concepts (…)" or the model pack's id and version, e.g. "multilingual-e5-small 1.0.0 (model pack …)". */
  embedder: z.string().nullable(),
  /** e.g. "cc-cedict + glossary + catalog names + everyday words (en→zh)" when an English question was bridged. */
  bridge: z.string().nullable(),
});
export type KgEngine = z.infer<typeof KgEngine>;

export const KgAskResult = z.object({
  question: z.string(),
  engine: KgEngine,
  answers: z.array(KgAnswer),
  /** True when nothing in the sources answers the question well enough: shown plainly, answers is empty. */
  noAnswer: z.boolean(),
  /**
   * With noAnswer only: the best candidates found below the no-answer bar (at most 3, each at least half its bar) —
   * not answers, shown as such, so staff can still open what came closest (often the right service item asked about
   * in other words). Empty or absent otherwise.
   */
  closest: z.array(KgAnswer).optional(),
  ms: z.number().optional(),
});
export type KgAskResult = z.infer<typeof KgAskResult>;

// ---------------------------------------------------------------- stats and sources

export const KgSource = z.object({
  id: z.string(),
  name: z.string(),
  kind: KgSourceKind,
  /** Shipped sources are rebuilt by `ic kg build`; users' documents survive that. */
  shipped: z.boolean(),
  /** The file it was read from (users' documents: the path given when added). */
  file: z.string().nullable(),
  addedAt: z.string(),
  effectiveDate: z.string().nullable(),
  passages: z.number().int(),
  entities: z.number().int(),
});
export type KgSource = z.infer<typeof KgSource>;

export const KgStats = z.object({
  sources: z.number().int(),
  passages: z.number().int(),
  vectors: z.number().int(),
  entities: z.record(z.string(), z.number().int()),
  relations: z.record(z.string(), z.number().int()),
  embedder: z.string().nullable(),
  /** Dimensions of the answering embedder's vectors (256 built-in; the model's own, e.g. 384 for multilingual-e5-small). */
  vectorDims: z.number().int().optional(),
  /** Example questions of the shipped plan's passages (knowledge-graph/questions/): people's words the lexical part also matches. */
  exampleQuestions: z.number().int().optional(),
  /** Why the built-in embedder answers although an embedding pack is installed (the model failed, or its index is being built); null otherwise. */
  embedderNote: z.string().nullable().optional(),
  /** When the shipped sources were last built (ISO), and a hash of their contents. */
  shippedBuiltAt: z.string().nullable(),
  shippedHash: z.string().nullable(),
  dataFile: z.string(),
});
export type KgStats = z.infer<typeof KgStats>;

/** `kg.add` capability input (a job per batch, progress per file): a user's document to add. */
export const KgAddInput = z
  .object({
    /** A file on the hub's machine (CLI) … */
    path: z.string().min(1).max(4096).optional(),
    /** … or its content (the console uploads {name, base64}); one of the two. */
    file: FileSource.optional(),
    /** Display name for citations; the file name by default. */
    name: z.string().min(1).max(255).optional(),
    /** Replace the source with the same name instead of refusing with CONFLICT. */
    replace: z.boolean().default(false),
    effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  })
  .strict()
  .refine((v) => (v.path === undefined) !== (v.file === undefined), { message: 'give either path or file' });
export type KgAddInput = z.input<typeof KgAddInput>;
export const KgAddOutput = z.object({
  source: KgSource,
  /** How the text was read: text, markdown, docx (mammoth), pdf-text, ocr. */
  reader: z.string(),
  replaced: z.boolean(),
});
export type KgAddOutput = z.infer<typeof KgAddOutput>;

export const KgSourceRef = z.object({ source: z.string().min(1) }).strict();
export const KgRemoveResult = z.object({
  source: z.string(),
  removed: z.object({ passages: z.number().int(), entities: z.number().int(), relations: z.number().int(), vectors: z.number().int() }),
});
export type KgRemoveResult = z.infer<typeof KgRemoveResult>;

// ---------------------------------------------------------------- entities and the graph screen

export const KgEntity = z.object({
  id: z.string(),
  type: KgEntityType,
  name: z.string(),
  nameEn: z.string().nullable(),
  /** Sources that mention it (an entity goes away with the last of them). */
  sources: z.array(z.string()),
});
export type KgEntity = z.infer<typeof KgEntity>;

export const KgEntitySearchParams = z
  .object({
    query: z.string().trim().max(200).default(''),
    type: KgEntityType.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type KgEntitySearchParams = z.input<typeof KgEntitySearchParams>;

export const KgNeighbourhoodParams = z
  .object({
    id: z.string().min(1),
    /** Hops from the entity. */
    depth: z.number().int().min(1).max(3).default(1),
    /** At most this many nodes (the nearest first). */
    limit: z.number().int().min(1).max(500).default(150),
  })
  .strict();
export type KgNeighbourhoodParams = z.input<typeof KgNeighbourhoodParams>;

export const KgEdge = z.object({ source: z.string(), target: z.string(), type: KgRelationType });
export type KgEdge = z.infer<typeof KgEdge>;
export const KgNeighbourhood = z.object({
  center: z.string(),
  nodes: z.array(KgEntity),
  edges: z.array(KgEdge),
  /** True when `limit` cut the neighbourhood short. */
  truncated: z.boolean(),
});
export type KgNeighbourhood = z.infer<typeof KgNeighbourhood>;

// ---------------------------------------------------------------- a cited section

/** Either the passage an answer cites (its section is returned with it highlighted) or a section entity id. */
export const KgSectionParams = z.union([
  z.object({ passage: z.string().min(1) }).strict(),
  z.object({ section: z.string().min(1) }).strict(),
]);
export type KgSectionParams = z.input<typeof KgSectionParams>;

export const KgPassage = z.object({
  id: z.string(),
  /** Original text (display). */
  text: z.string(),
  /** The cited passage. */
  highlight: z.boolean(),
});
export const KgSection = z.object({
  source: z.object({ id: z.string(), name: z.string(), kind: KgSourceKind }),
  section: z.object({ id: z.string(), path: z.array(z.string()), title: z.string() }),
  effectiveDate: z.string().nullable(),
  passages: z.array(KgPassage),
});
export type KgSection = z.infer<typeof KgSection>;

// ---------------------------------------------------------------- catalog import, glossary export

export const KgCatalogImportParams = z
  .object({
    /** A .csv or .xlsx file on the hub's machine … */
    path: z.string().min(1).max(4096).optional(),
    /** … or its content (the console uploads {name, base64}; the format from the name's extension). */
    file: FileSource.optional(),
    /** merge: rows update or add service items; replace: the imported items become the whole catalog. */
    mode: z.enum(['merge', 'replace']).default('merge'),
    /** Check every row and report, change nothing. */
    dryRun: z.boolean().default(false),
  })
  .strict()
  .refine((v) => (v.path === undefined) !== (v.file === undefined), { message: 'give either path or file' });
export type KgCatalogImportParams = z.input<typeof KgCatalogImportParams>;

export const KgImportRow = z.object({
  /** 1-based row number in the sheet/file, the header being row 1. */
  row: z.number().int(),
  service: z.string().nullable(),
  status: z.enum(['ok', 'error']),
  errors: z.array(z.object({ column: z.string().nullable(), message: z.string() })),
});
export type KgImportRow = z.infer<typeof KgImportRow>;
export const KgCatalogImportResult = z.object({
  file: z.string(),
  rows: z.array(KgImportRow),
  /** Service items written (0 on dryRun or when any row failed: an import is all or nothing). */
  imported: z.number().int(),
  failed: z.number().int(),
  dryRun: z.boolean(),
});
export type KgCatalogImportResult = z.infer<typeof KgCatalogImportResult>;

export const KgGlossaryParams = z.object({ query: z.string().trim().max(200).optional() }).strict();
export const KgGlossaryEntry = z.object({
  /** Chinese term, normalised (simplified). */
  zh: z.string(),
  en: z.string(),
  /** Other written forms: traditional, abbreviations, English variants. */
  variants: z.array(z.string()),
});
export type KgGlossaryEntry = z.infer<typeof KgGlossaryEntry>;
