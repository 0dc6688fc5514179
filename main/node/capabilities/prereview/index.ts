/**
 * Material pre-review: pure logic over OCR output (no OCR here). See docs/prereview.md.
 *
 *   const catalog = loadCatalog();
 *   const service = findService(catalog, '企业设立登记');
 *   const out = prereview(service, [{ file: 'id-front.jpg', pages }], new Date());
 */
import type { PrereviewOutput } from '../../../common/contract/index.js';
import { findService, loadCatalog, type Catalog } from './catalog.js';
import { prereview, type PrereviewOptions } from './rules.js';
import type { PrereviewDoc } from './types.js';

export * from './catalog.js';
export * from './rules.js';
export * from './report.js';
export * from './mask.js';
export * from './types.js';
export { analyzeDocuments, analyzeFile } from './analyze.js';
export { matchMaterials, materialKeywords, type MaterialMatch, type MaterialMatching } from './materials.js';
export { classifyDocument, classifyPages, alsoTypesOf } from './doctypes/index.js';
export { extractFields, INDEFINITE } from './fields/extract.js';
export * from './validators/gb11643.js';
export * from './validators/gb32100.js';
export * from './validators/dates.js';
export * from './validators/phone.js';
export { checkConsistency, type ConsistencyItem } from './validators/consistency.js';

/** Finds the service by id or name in the catalog (default: the app's) and pre-reviews the documents. */
export function prereviewByName(
  serviceQuery: string,
  docs: PrereviewDoc[],
  today: Date | string,
  o: PrereviewOptions & { catalog?: Catalog } = {},
): PrereviewOutput {
  const catalog = o.catalog ?? loadCatalog();
  return prereview(findService(catalog, serviceQuery), docs, today, o);
}
