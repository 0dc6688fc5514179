// The capability contract: one place for the types and schemas that IPC, the loopback server, the CLI and plugins share.
export * from './constants.js';
// The zod files define a schema and a type under one name (ErrorCode, JobStatus, …); constants.ts has the type alone.
export { ErrorCode } from './errors.js';
export { ItemStatus, JobStatus } from './jobs.js';
export { OcrEngineId, OcrExportFormat } from './ocr.js';
export * from './errors.js';
export * from './validate.js';
export * from './jobs.js';
export * from './plugins.js';
export * from './capabilities.js';
export * from './health.js';
export * from './models.js';
export * from './ocr.js';
export * from './prereview.js';
export * from './kg.js';
export * from './catalog.js';
export * from './embed.js';
export * from './translate.js';
export * from './methods.js';
export * from './host-methods.js';
export * from './transport.js';
export * from './settings.js';
export * from './audit.js';
