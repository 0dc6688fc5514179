import { z } from 'zod';
import { ServiceItem, ServiceMaterial } from './prereview.js';

/**
 * The service catalog file (knowledge-graph/catalog/services.json, documented in its README): the contract's
 * ServiceCatalog plus the fields the knowledge graph and the Ask screen's fact cards use. Pre-review and the
 * graph read it through these schemas, so one file has one meaning everywhere.
 */
export const MaterialForm = z.enum(['original', 'copy', 'original_and_copy']);
export const ChannelCode = z.enum(['zheliban', 'web', 'window', 'self-service', 'mail', 'cross-province', 'traffic-12123', 'etax']);
export type ChannelCode = z.infer<typeof ChannelCode>;

export const CatalogMaterialEntry = ServiceMaterial.extend({
  /** Words that identify the document (章程, 租赁合同 …). */
  keywords: z.array(z.string().min(1)).default([]),
  form: MaterialForm.default('original'),
  count: z.number().int().min(1).default(1),
  needsSeal: z.boolean().default(false),
  needsSignature: z.boolean().default(false),
  note: z.string().optional(),
  noteEn: z.string().optional(),
});
export type CatalogMaterialEntry = z.infer<typeof CatalogMaterialEntry>;

export const CatalogTimeLimit = z.object({
  days: z.number().int().min(0),
  workingDays: z.boolean(),
  statutoryDays: z.number().int().min(0).optional(),
  statutoryWorkingDays: z.boolean().optional(),
  note: z.string().optional(),
  noteEn: z.string().optional(),
});
export type CatalogTimeLimit = z.infer<typeof CatalogTimeLimit>;

export const CatalogServiceEntry = ServiceItem.extend({
  materials: z.array(CatalogMaterialEntry).min(1),
  /** Laws and regulations the item follows (设定依据). */
  basis: z.array(z.string()).default([]),
  audience: z.array(z.enum(['individual', 'enterprise'])).optional(),
  conditions: z.array(z.object({ zh: z.string().min(1), en: z.string().optional() })).default([]),
  timeLimit: CatalogTimeLimit.optional(),
  fee: z.string().optional(),
  feeEn: z.string().optional(),
  channels: z.array(ChannelCode).default([]),
});
export type CatalogServiceEntry = z.infer<typeof CatalogServiceEntry>;

export const ServiceCatalogFile = z.object({
  schemaVersion: z.literal(1),
  /** The illustrative-data statement, shown with any fact taken from the catalog. */
  notice: z.object({ zh: z.string(), en: z.string() }).optional(),
  services: z.array(CatalogServiceEntry).min(1),
});
export type ServiceCatalogFile = z.infer<typeof ServiceCatalogFile>;
