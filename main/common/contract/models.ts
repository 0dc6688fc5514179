import { z } from 'zod';
import { MAX_FILE_BASE64_CHARS, MAX_FILE_BYTES } from './constants.js';


export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256');
export const PackId = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,79}$/, 'lowercase letters, digits, ".", "_", "-"');
/** A relative POSIX path inside a pack: no "..", no absolute paths, no backslashes. */
export const PackPath = z
  .string()
  .min(1)
  .max(240)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').some((s) => s === '..' || s === '.' || s === ''), {
    message: 'must be a relative path inside the pack (no "..", no leading "/")',
  });

/** A file as the catalog expects it: size and hash may be unknown until the first download pins them. */
export const CatalogFile = z.object({ path: PackPath, size: z.number().int().positive().nullable(), sha256: Sha256.nullable() });
export const PackFile = z.object({ path: PackPath, size: z.number().int().nonnegative(), sha256: Sha256 });
export type PackFile = z.infer<typeof PackFile>;

export const PackSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('npm'), package: z.string(), version: z.string(), files: z.record(PackPath, z.string()) }),
  z.object({ kind: z.literal('debian'), package: z.string(), version: z.string(), files: z.record(PackPath, z.string()) }),
  z.object({ kind: z.literal('huggingface'), repo: z.string(), revision: z.string() }),
  z.object({ kind: z.literal('import'), from: z.string() }),
]);
export type PackSource = z.infer<typeof PackSource>;

/** What the loader of a Hugging Face–layout ONNX pack relies on (recorded so a wrong pack is caught early). */
export const HfLayout = z.object({
  task: z.enum(['feature-extraction', 'translation']),
  dtype: z.enum(['fp32', 'q8']),
  modelType: z.string(),
  architectures: z.array(z.string()),
  tokenizerClass: z.string(),
  sessions: z.record(
    z.string(),
    z.object({ file: PackPath, inputs: z.array(z.string()), outputs: z.array(z.string()) }),
  ),
  configKeys: z.array(z.string()),
});
export type HfLayout = z.infer<typeof HfLayout>;

export const CatalogPack = z.object({
  id: PackId,
  capability: z.string(),
  engine: z.string(),
  title: z.string(),
  languages: z.array(z.string()),
  version: z.string(),
  licence: z.string(),
  source: PackSource,
  files: z.array(CatalogFile).min(1),
  hf: HfLayout.optional(),
  /**
   * Files pack preparation makes from the pack's own files with a committed script (`python3 SCRIPT FROM PATH`,
   * the `onnx` package needed), e.g. a simplified copy of a model. Optional extras: never hashed in the manifest,
   * never required — an engine falls back to `from` when one is missing (no Python with onnx on the machine).
   */
  derived: z.array(z.object({ path: PackPath, from: PackPath, script: z.string() })).optional(),
  /** One line telling a user how to get this pack when it cannot be prepared here. */
  howToGet: z.string(),
});
export type CatalogPack = z.infer<typeof CatalogPack>;

export const Catalog = z.object({ schemaVersion: z.literal(1), packs: z.array(CatalogPack) });
export type Catalog = z.infer<typeof Catalog>;

/** `pack.json` inside an installed pack folder (also the manifest of an offline pack archive). */
export const PackRecord = z
  .object({
    id: PackId,
    capability: z.string(),
    engine: z.string().optional(),
    version: z.string(),
    languages: z.array(z.string()).default([]),
    licence: z.string(),
    source: PackSource,
    files: z.array(PackFile).min(1).max(1000),
    installedAt: z.string().optional(),
    /** True when the hashes were recorded at the first download because the catalog did not know them yet. */
    hashesPinnedAtDownload: z.boolean().optional(),
    hf: HfLayout.optional(),
  })
  .strict();
export type PackRecord = z.infer<typeof PackRecord>;

export const ModelInfo = z.object({
  id: z.string(),
  capability: z.string(),
  version: z.string(),
  languages: z.array(z.string()),
  sizeBytes: z.number().int().nonnegative(),
  verified: z.boolean(),
  source: z.string(),
  licence: z.string(),
  installed: z.boolean(),
  location: z.enum(['app', 'data']).nullable(),
  problems: z.array(z.string()),
});
export type ModelInfo = z.infer<typeof ModelInfo>;

export const VerifyResult = z.object({ id: z.string(), ok: z.boolean(), problems: z.array(z.string()) });
export type VerifyResult = z.infer<typeof VerifyResult>;

export const ModelsVerifyParams = z.object({ id: PackId.optional() }).default({});
/**
 * A pack named by its path (CLI, desktop file dialog) or uploaded as bytes (the console: paths are refused over HTTP).
 */
export const ModelsImportParams = z.union([
  z.object({ path: z.string().min(1) }).strict(),
  z
    .object({
      name: z.string().min(1).max(255),
      base64: z.string().min(1).max(MAX_FILE_BASE64_CHARS, `files over ${MAX_FILE_BYTES / 1024 / 1024} MB are refused`),
    })
    .strict(),
]);
/** Where models.fetch will download from when no baseUrl is given, and the hosts a baseUrl may name. */
export const ModelsFetchSource = z.object({
  /** The base URL used by default (HF_ENDPOINT, else huggingface.co), or null when it is misconfigured. */
  base: z.string().nullable(),
  host: z.string().nullable(),
  from: z.enum(['HF_ENDPOINT', 'default']),
  /** Why the default base cannot be used (e.g. HF_ENDPOINT is not https), or null. */
  problem: z.string().nullable(),
  allowedHosts: z.array(z.string()),
});
export type ModelsFetchSource = z.infer<typeof ModelsFetchSource>;
export const ModelsExportParams = z.object({ id: PackId, path: z.string().min(1) });
export const ModelsFetchInput = z.object({ id: PackId, baseUrl: z.string().url().optional() });
export const ModelsFetchOutput = z.object({ id: z.string(), files: z.number().int(), bytes: z.number().int(), hashesPinned: z.boolean() });
