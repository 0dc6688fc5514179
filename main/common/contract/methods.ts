import { z } from 'zod';
import { CapabilityInfo } from './capabilities.js';
import { Health } from './health.js';
import { Job, JobDetail, JobRef, ListJobsParams, RunParams, RunResult, StartJobParams } from './jobs.js';
import { ModelInfo, ModelsExportParams, ModelsFetchSource, ModelsImportParams, ModelsVerifyParams, VerifyResult } from './models.js';
import { PluginEnableParams, PluginInfo, PluginRef, RejectedPlugin } from './plugins.js';
import {
  KgAskParams,
  KgAskResult,
  KgCatalogImportParams,
  KgCatalogImportResult,
  KgEntity,
  KgEntitySearchParams,
  KgGlossaryEntry,
  KgGlossaryParams,
  KgNeighbourhood,
  KgNeighbourhoodParams,
  KgRemoveResult,
  KgSection,
  KgSectionParams,
  KgSource,
  KgSourceRef,
  KgStats,
} from './kg.js';
import { PrereviewServices } from './prereview.js';
import { PurgeParams, PurgeResult, SettingsPatch, SettingsView } from './settings.js';
import { AuditExportResult, AuditListParams, AuditRecord, AuditVerifyResult } from './audit.js';
import { translateMethods } from './translate.js';
import { ocrMethods } from './ocr.js';

/**
 * Every method the hub answers, with its params and result schema. The same table serves Electron IPC
 * (`hub:call`), the loopback server (`POST /api/rpc/<method>`), the CLI and the console's client.
 * A capability joins by adding its entry here and its handler in main/node; nothing else switches on names.
 */
export const methods = {
  health: { params: z.object({}).default({}), result: Health, summary: 'App, version, data folder.' },
  'capabilities.list': {
    params: z.object({}).default({}),
    result: z.array(CapabilityInfo),
    summary: 'Every capability that can be invoked now, with its input/output JSON Schema.',
  },
  'jobs.run': { params: RunParams, result: RunResult, summary: 'Run one input through a capability and wait.' },
  'jobs.start': { params: StartJobParams, result: Job, summary: 'Start a batch job; progress arrives as events.' },
  'jobs.get': { params: JobRef, result: JobDetail, summary: 'A job with its items.' },
  'jobs.list': { params: ListJobsParams, result: z.array(Job), summary: 'Recent jobs, newest first.' },
  'jobs.cancel': { params: JobRef, result: Job, summary: 'Cancel a queued or running job.' },
  'jobs.resume': {
    params: JobRef,
    result: Job,
    summary: 'Resume an interrupted or cancelled job: only items without a result run again.',
  },
  'jobs.delete': {
    params: JobRef,
    result: z.object({ deleted: z.boolean() }),
    summary: 'Delete a job with its inputs, results and kept scans (not while it runs); the space is reclaimed.',
  },
  'jobs.purge': {
    params: PurgeParams,
    result: PurgeResult,
    summary: 'Delete every job (not running) created more than N days ago, with its items and kept scans.',
  },
  'settings.get': {
    params: z.object({}).default({}),
    result: SettingsView,
    summary: 'Operator settings (operator name, retention, keep scans) and how stored data is protected.',
  },
  'settings.set': { params: SettingsPatch, result: SettingsView, summary: 'Change operator settings; recorded in the audit trail.' },
  'audit.list': {
    params: AuditListParams,
    result: z.array(AuditRecord),
    summary: 'Audit trail entries, newest first (personal data masked).',
  },
  'audit.verify': {
    params: z.object({}).default({}),
    result: AuditVerifyResult,
    summary: "Re-check the audit trail's hash chain in the database: changed, removed or reordered entries.",
  },
  'audit.export': {
    params: z.object({}).default({}),
    result: AuditExportResult,
    summary: "The whole audit trail as JSON lines (each entry with its own hash and the previous one's), for a download.",
  },
  'plugins.list': {
    params: z.object({}).default({}),
    result: z.object({ plugins: z.array(PluginInfo), rejected: z.array(RejectedPlugin) }),
    summary: 'Installed plugins, and plugin folders refused with the reason.',
  },
  'plugins.enable': {
    params: PluginEnableParams,
    result: PluginInfo,
    summary: 'Enable a plugin (one from the user folder: acceptPermissions must repeat the permissions it asks for).',
  },
  'plugins.disable': { params: PluginRef, result: PluginInfo, summary: 'Disable a plugin; its capabilities go away.' },
  'models.list': {
    params: z.object({}).default({}),
    result: z.array(ModelInfo),
    summary: 'Model packs: installed ones (app and data folder) and those the catalog lists but are missing.',
  },
  'models.verify': {
    params: ModelsVerifyParams,
    result: z.array(VerifyResult),
    summary: 'Re-hash every file of one or all installed packs against the catalog or the pack record.',
  },
  'models.import': {
    params: ModelsImportParams,
    result: ModelInfo,
    summary: 'Install an offline pack (.tar, .tar.gz, .zip or folder with pack.json; or an uploaded archive as base64) into the data folder.',
  },
  'models.fetchSource': {
    params: z.object({}).default({}),
    result: ModelsFetchSource,
    summary: 'Where models.fetch downloads from without a baseUrl (HF_ENDPOINT or huggingface.co) and the hosts allowed.',
  },
  'models.export': {
    params: ModelsExportParams,
    result: z.object({ path: z.string(), bytes: z.number().int() }),
    summary: 'Write an installed pack as a .tar archive for another machine.',
  },
  'prereview.services': {
    params: z.object({}).default({}),
    result: PrereviewServices,
    summary: 'Service items of the catalog with the materials each needs (for the pre-review picker).',
  },
  'kg.ask': {
    params: KgAskParams,
    result: KgAskResult,
    summary: 'Answer a question (Chinese or English) from the knowledge graph: cited passages, service facts, or noAnswer.',
  },
  'kg.stats': { params: z.object({}).default({}), result: KgStats, summary: 'Counts of sources, passages, vectors, entities and relations.' },
  'kg.sources.list': { params: z.object({}).default({}), result: z.array(KgSource), summary: 'Sources of the graph: shipped ones and users\' documents.' },
  'kg.sources.remove': {
    params: KgSourceRef,
    result: KgRemoveResult,
    summary: "Remove a user's document and everything derived from it (passages, vectors, entities only it mentioned).",
  },
  'kg.entities.search': { params: KgEntitySearchParams, result: z.array(KgEntity), summary: 'Entities whose names match (Chinese, traditional or English).' },
  'kg.entities.neighbourhood': {
    params: KgNeighbourhoodParams,
    result: KgNeighbourhood,
    summary: 'An entity with its neighbours and typed relations, for drawing.',
  },
  'kg.section': { params: KgSectionParams, result: KgSection, summary: 'A section with its passages; the cited passage highlighted.' },
  'kg.catalog.import': {
    params: KgCatalogImportParams,
    result: KgCatalogImportResult,
    summary: 'Import or update the service catalog from CSV or XLSX, with a per-row error report (all or nothing).',
  },
  'kg.glossary.export': {
    params: KgGlossaryParams,
    result: z.array(KgGlossaryEntry),
    summary: 'The bilingual glossary [{zh, en, variants}] for translation; keys normalised like passages.',
  },
  ...translateMethods,
  ...ocrMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type ParamsOf<M extends MethodName> = z.input<Methods[M]['params']>;
export type ResultOf<M extends MethodName> = z.infer<Methods[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
