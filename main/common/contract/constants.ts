/**
 * The contract's plain values: error codes, engine ids, languages, limits. No zod here, so the console (whose bundle
 * must not carry zod: its eval probe trips the CSP) imports these instead of copying them, and the zod schemas of the
 * other contract files are built from them. A value written here is written nowhere else.
 */

/** Every error that crosses a boundary (IPC, HTTP, CLI, plugin host) carries one of these codes. */
export const ERROR_CODES = [
  'BAD_REQUEST', // payload failed validation against the contract
  'NOT_FOUND', // unknown method, capability, job or plugin
  'UNAVAILABLE', // capability exists but is disabled or its engine is not installed
  'CANCELLED',
  'TIMEOUT',
  'WORKER_CRASHED', // a host process died mid-job
  'PLUGIN_ERROR', // a plugin handler threw or returned output that breaks its own schema
  'BAD_MANIFEST',
  'CONFLICT',
  'DB_TOO_NEW', // database written by a newer app version
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** HTTP status for each code, used by the loopback server. */
export const HTTP_STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  BAD_MANIFEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CANCELLED: 409,
  TIMEOUT: 504,
  UNAVAILABLE: 503,
  WORKER_CRASHED: 502,
  PLUGIN_ERROR: 502,
  DB_TOO_NEW: 500,
  INTERNAL: 500,
};

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const ITEM_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** OCR engines a caller may pick. Which model packs serve each is the manifest's `engine` field (models/manifest.json). */
export const OCR_ENGINES = ['ppocr', 'tesseract'] as const;
export type OcrEngineId = (typeof OCR_ENGINES)[number];
/** auto: PP-OCRv4, with Tesseract chi_tra re-reading the lines of traditional-Chinese pages. */
export const OCR_ENGINE_CHOICES = ['auto', ...OCR_ENGINES] as const;
export type OcrEngineChoice = (typeof OCR_ENGINE_CHOICES)[number];

/** Written languages (scripts) the hub tells apart: OCR script hints, pack languages, Q&A and translation. */
export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** The OCR script hint: auto detects traditional vs simplified Chinese. */
export const OCR_LANG_CHOICES = ['auto', ...LANGUAGES] as const;
export type OcrLang = (typeof OCR_LANG_CHOICES)[number];

/** Capabilities a model pack may serve (a manifest pack's `capability`). Plugin packs name a capability their plugin provides. */
export const BUILTIN_MODEL_CAPABILITIES = ['ocr', 'embed', 'translate'] as const;

/** Ids of built-in capabilities that a plugin may not claim. */
export const RESERVED_CAPABILITIES = ['ocr', 'prereview', 'embed', 'ask', 'translate'] as const;
export const RESERVED_NAMESPACES = ['jobs', 'kg', 'tm', 'models', 'plugins', 'audit', 'capabilities', 'health'] as const;

const MiB = 1024 * 1024;

/**
 * THE size limit of one input file, for every door: a path the CLI names, a file the console uploads, a page loader's
 * read. Uploads travel as base64 in a JSON body, so the derived limits below follow from this one.
 */
export const MAX_FILE_BYTES = 150 * MiB;
/** Characters of a FileSource's base64 for a file of MAX_FILE_BYTES (4 characters per 3 bytes). */
export const MAX_FILE_BASE64_CHARS = Math.ceil(MAX_FILE_BYTES / 3) * 4;
/**
 * Body of one loopback request: one upload of the largest file plus room for the rest of the JSON. The console
 * keeps all files of one request within MAX_FILE_BYTES together, so one body never carries more.
 */
export const MAX_REQUEST_BYTES = MAX_FILE_BASE64_CHARS + 1 * MiB;
/** Pages of one file (TIFF pages, PDF pages) read at most. */
export const MAX_PAGES_PER_FILE = 2000;
/** Files of one pre-review. */
export const MAX_PREREVIEW_FILES = 50;
/** Files `ic ocr --format` writes and `ocr.export` returns: plain text, the OCR JSON, a searchable PDF, tables as xlsx. */
export const OCR_EXPORT_FORMATS = ['txt', 'json', 'pdf', 'xlsx'] as const;
export type OcrExportFormat = (typeof OCR_EXPORT_FORMATS)[number];
/**
 * Largest file `ocr.export` returns. It travels as base64 in one JSON string (4 characters per 3 bytes), which must
 * stay well under V8's longest string (~512 M characters); twice the input limit leaves room for a scan whose pages
 * grow when re-encoded (TIFF pages become PNG in a PDF). Bigger ones are written by `ic ocr --format` only.
 */
export const MAX_EXPORT_BYTES = 2 * MAX_FILE_BYTES;
/** Inputs of one batch job. */
export const MAX_JOB_INPUTS = 10_000;

/** A job's timeout when the caller gives none, and the longest one allowed. */
export const DEFAULT_JOB_TIMEOUT_MS = 10 * 60_000;
export const MAX_JOB_TIMEOUT_MS = 24 * 3600_000;

/** Languages of the translate capability, and the formats its results export to (file extension per format). */
export const TRANSLATE_LANGS = ['zh', 'en'] as const;
export const TRANSLATE_EXPORT_FORMATS = ['txt', 'md', 'docx', 'xliff12', 'xliff20', 'tmx'] as const;
/** Documents the Translate screen opens. */
export const TRANSLATE_ACCEPT = '.txt,.md,.markdown,.docx,.xlf,.xliff,.png,.jpg,.jpeg,.tif,.tiff,.webp,.pdf';
