import { z } from 'zod';
import { MAX_PREREVIEW_FILES, OCR_ENGINE_CHOICES } from './constants.js';
import { Box, FileSource, Rotation } from './ocr.js';

export const DocumentType = z.enum([
  'id_card_front',
  'id_card_back',
  'business_license',
  'application_form',
  'household_register',
  'generic',
]);
export type DocumentType = z.infer<typeof DocumentType>;

/** Where a value or a finding was seen, so the clerk can look at it. */
export const Evidence = z.object({ file: z.string(), page: z.number().int().positive(), box: Box.nullable(), text: z.string() });
export type Evidence = z.infer<typeof Evidence>;

export const FieldValue = z.object({
  value: z.string(),
  confidence: z.number().min(0).max(1),
  page: z.number().int().positive(),
  box: Box.nullable(),
});
export type FieldValue = z.infer<typeof FieldValue>;

/** Field names are upper snake case: NAME, ID_NUMBER, USCC, LEGAL_REPRESENTATIVE, BIRTH_DATE, ISSUE_DATE, VALID_UNTIL, ADDRESS, PHONE, … */
export const PrereviewDocument = z.object({
  file: z.string(),
  type: DocumentType,
  fields: z.record(z.string(), FieldValue),
});
export type PrereviewDocument = z.infer<typeof PrereviewDocument>;

export const CheckStatus = z.enum(['pass', 'warn', 'fail']);
export const Check = z.object({
  id: z.string(),
  status: CheckStatus,
  message: z.string(),
  evidence: z.array(Evidence),
});
export type Check = z.infer<typeof Check>;

export const Verdict = z.enum(['pass', 'needs_review', 'fail']);

export const PrereviewInput = z
  .object({
    /** Service item id, or its Chinese or English name (e.g. 企业设立登记). */
    service: z.string().min(1).max(200),
    files: z.array(FileSource).min(1).max(MAX_PREREVIEW_FILES),
    /** Day the validity dates are checked against (YYYY-MM-DD); today by default. */
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    engine: z.enum(OCR_ENGINE_CHOICES).default('auto'),
  })
  .strict();
export type PrereviewInput = z.input<typeof PrereviewInput>;

/** A page as OCR read it: the pixel space its boxes are in (the file as given, possibly scaled down) and its rotation. */
export const PrereviewPage = z.object({
  file: z.string(),
  page: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  rotation: Rotation,
  engine: z.string(),
});
export type PrereviewPage = z.infer<typeof PrereviewPage>;

export const PrereviewOutput = z.object({
  service: z.object({ id: z.string(), name: z.string() }),
  documents: z.array(PrereviewDocument),
  checks: z.array(Check),
  verdict: Verdict,
  /** Every page read (the capability fills it in): clients draw evidence and field boxes over the page with it. */
  pages: z.array(PrereviewPage).optional(),
});
export type PrereviewOutput = z.infer<typeof PrereviewOutput>;

/** A service item of the catalog (knowledge-graph/catalog/services.json). */
export const ServiceMaterial = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  type: DocumentType,
  required: z.boolean(),
  /** For materials that must be valid on the day (licences, ID cards). */
  mustBeValid: z.boolean().default(false),
});
export const ServiceItem = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  nameEn: z.string(),
  aliases: z.array(z.string()).default([]),
  department: z.string(),
  materials: z.array(ServiceMaterial).min(1),
});
export type ServiceItem = z.infer<typeof ServiceItem>;
export const ServiceCatalog = z.object({ schemaVersion: z.literal(1), services: z.array(ServiceItem).min(1) });
export type ServiceCatalog = z.infer<typeof ServiceCatalog>;

/** `prereview.services`: the catalog's service items with their materials, for pickers (console, clients). */
export const ServiceSummary = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  department: z.string(),
  materials: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nameEn: z.string(),
      type: DocumentType,
      required: z.boolean(),
      mustBeValid: z.boolean(),
    }),
  ),
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;
export const PrereviewServices = z.array(ServiceSummary);
