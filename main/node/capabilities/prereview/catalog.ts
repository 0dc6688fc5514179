/**
 * The service catalog (knowledge-graph/catalog/services.json): which materials each service item needs.
 * Validated by the contract's ServiceCatalog, plus the catalog's own extras (material keywords, legal basis) and
 * uniqueness of ids and names. Services are found by id, Chinese or English name or alias: exactly first, then
 * normalised (case, spaces, full-width and traditional characters, punctuation).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { HubError, ServiceCatalog, ServiceItem, ServiceMaterial } from '../../../common/contract/index.js';
import { resourcesRoot } from '../../config/app-paths.js';
import { matchForm } from './text.js';

/** A material as the catalog file writes it: the contract's fields and words that identify a `generic` document. */
export const CatalogMaterial = ServiceMaterial.extend({
  /** Words that identify the document (章程, 租赁合同 …); derived from the name when absent. */
  keywords: z.array(z.string().min(1)).default([]),
  /** The material must carry a red seal (加盖公章): pre-review looks for one on its pages. */
  needsSeal: z.boolean().default(false),
  /** The material must be signed (签字/签名): pre-review looks for handwriting in its signature field. */
  needsSignature: z.boolean().default(false),
});
export type CatalogMaterial = z.infer<typeof CatalogMaterial>;

export const CatalogService = ServiceItem.extend({
  materials: z.array(CatalogMaterial).min(1),
  /** Laws and regulations the material list follows (for the knowledge graph). */
  basis: z.array(z.string()).default([]),
});
export type CatalogService = z.infer<typeof CatalogService>;

export const Catalog = z.object({ schemaVersion: z.literal(1), services: z.array(CatalogService).min(1) });
export type Catalog = z.infer<typeof Catalog>;

/** knowledge-graph/catalog/services.json beside the app (resources folder when packaged). */
export function defaultCatalogPath(): string {
  return path.join(resourcesRoot(), 'knowledge-graph', 'catalog', 'services.json');
}

function issuesOf(err: z.ZodError): string[] {
  return err.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}

/** Validates catalog data (already parsed JSON). Throws an INTERNAL HubError naming every problem. */
export function parseCatalog(data: unknown, source = 'catalog'): Catalog {
  const base = ServiceCatalog.safeParse(data);
  if (!base.success) throw new HubError('INTERNAL', `invalid service catalog ${source}: ${issuesOf(base.error).join('; ')}`);
  const full = Catalog.safeParse(data);
  if (!full.success) throw new HubError('INTERNAL', `invalid service catalog ${source}: ${issuesOf(full.error).join('; ')}`);
  const problems: string[] = [];
  const ids = new Set<string>();
  const names = new Map<string, string>();
  for (const s of full.data.services) {
    if (ids.has(s.id)) problems.push(`duplicate service id ${s.id}`);
    ids.add(s.id);
    for (const n of [s.id, s.name, s.nameEn, ...s.aliases]) {
      const key = normalizeServiceName(n);
      const owner = names.get(key);
      if (owner !== undefined && owner !== s.id) problems.push(`name "${n}" of ${s.id} is also used by ${owner}`);
      names.set(key, s.id);
    }
    const mids = new Set<string>();
    for (const m of s.materials) {
      if (mids.has(m.id)) problems.push(`duplicate material id ${s.id}/${m.id}`);
      mids.add(m.id);
      if (!/^[a-z0-9-]+$/.test(m.id)) problems.push(`material id ${s.id}/${m.id} must be lower case letters, digits and -`);
    }
  }
  if (problems.length) throw new HubError('INTERNAL', `invalid service catalog ${source}: ${problems.join('; ')}`);
  return full.data;
}

const cache = new Map<string, { mtimeMs: number; catalog: Catalog }>();

/** Reads and validates the catalog file (cached until the file changes). */
export function loadCatalog(file: string = defaultCatalogPath()): Catalog {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new HubError('UNAVAILABLE', `service catalog not found: ${file}`);
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.catalog;
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new HubError('INTERNAL', `service catalog ${file} is not valid JSON: ${(err as Error).message}`);
  }
  const catalog = parseCatalog(data, file);
  cache.set(file, { mtimeMs: stat.mtimeMs, catalog });
  return catalog;
}

/** Case, spaces, full-width forms, traditional characters and punctuation do not count. */
export function normalizeServiceName(s: string): string {
  return matchForm(s)
    .toLowerCase()
    .replace(/[\s\-_·•・.,，、()（）[\]【】"'“”‘’/]+/g, '');
}

function namesOf(s: CatalogService): string[] {
  return [s.id, s.name, s.nameEn, ...s.aliases];
}

function bigrams(s: string): string[] {
  if (s.length < 2) return [s];
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** 0–1 likeness of two normalised names: bigram overlap (Dice), at least 0.6 when one contains the other. */
export function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const A = bigrams(a);
  const B = new Map<string, number>();
  for (const g of bigrams(b)) B.set(g, (B.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of A) {
    const n = B.get(g) ?? 0;
    if (n > 0) {
      common++;
      B.set(g, n - 1);
    }
  }
  let score = (2 * common) / (A.length + bigrams(b).length);
  if (a.includes(b) || b.includes(a)) score = Math.max(score, 0.6);
  return score;
}

export interface ServiceSuggestion {
  id: string;
  name: string;
  nameEn: string;
  score: number;
}

/** Services whose names look like `query`, best first (at most `limit`, score ≥ 0.25). */
export function suggestServices(catalog: Catalog, query: string, limit = 3): ServiceSuggestion[] {
  const q = normalizeServiceName(query);
  return catalog.services
    .map((s) => ({
      id: s.id,
      name: s.name,
      nameEn: s.nameEn,
      score: Math.round(Math.max(...namesOf(s).map((n) => nameSimilarity(q, normalizeServiceName(n)))) * 100) / 100,
    }))
    .filter((s) => s.score >= 0.25)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** The service named by `query` (id, Chinese or English name, alias), or undefined. */
export function lookupService(catalog: Catalog, query: string): CatalogService | undefined {
  const exact = catalog.services.find((s) => namesOf(s).includes(query));
  if (exact) return exact;
  const q = normalizeServiceName(query);
  if (!q) return undefined;
  return catalog.services.find((s) => namesOf(s).some((n) => normalizeServiceName(n) === q));
}

/**
 * The service named by `query`; a NOT_FOUND HubError otherwise, naming close services (or, when none is close,
 * the services the catalog has). details: { query, suggestions: [{ id, name, nameEn, score }] }.
 */
export function findService(catalog: Catalog, query: string): CatalogService {
  const found = lookupService(catalog, query);
  if (found) return found;
  const close = suggestServices(catalog, query);
  const list = close.length ? close : catalog.services.slice(0, 10).map((s) => ({ id: s.id, name: s.name, nameEn: s.nameEn, score: 0 }));
  const names = list.map((s) => `${s.name} ${s.nameEn} (${s.id})`).join('; ');
  const message = close.length
    ? `未找到服务事项「${query}」 Unknown service "${query}". 相近事项 Did you mean: ${names}`
    : `未找到服务事项「${query}」 Unknown service "${query}". 可办理的事项 Available: ${names}`;
  throw new HubError('NOT_FOUND', message, { query, suggestions: list });
}
