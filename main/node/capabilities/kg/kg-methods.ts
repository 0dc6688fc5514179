import { HubError, KgAddInput, KgAddOutput } from '../../../common/contract/index.js';
import type { MethodHandlers } from '../../hub/api.js';
import { builtinCapability } from '../../hub/builtin-capability.js';
import { importCatalogRows } from './ingest/catalog-import.js';
import type { KgService } from './kg-service.js';
import path from 'node:path';

/** The `kg.*` methods (contract: main/common/contract/kg.ts). */
export function kgMethods(kg: KgService): MethodHandlers {
  return {
    'kg.ask': async ({ question, k }) => (await kg.open()).ask(question, k),
    'kg.stats': async () => (await kg.open()).stats(),
    'kg.sources.list': async () => (await kg.open()).sources(),
    'kg.sources.remove': ({ source }) => kg.write((e) => e.removeSource(source)),
    'kg.entities.search': async ({ query, type, limit }) => (await kg.open()).searchEntities(query, type, limit),
    'kg.entities.neighbourhood': async ({ id, depth, limit }) => (await kg.open()).neighbourhood(id, depth, limit),
    'kg.section': async (params) => (await kg.open()).section(params),
    'kg.glossary.export': async ({ query }) => (await kg.open()).glossary(query),
    'kg.catalog.import': ({ path: file, mode, dryRun }) =>
      kg.write(async (e) => {
        const abs = path.resolve(file);
        const outcome = await importCatalogRows(abs, e.catalog(), mode);
        const failed = outcome.rows.filter((r) => r.status === 'error').length;
        const imported = !dryRun && outcome.catalog ? (e.replaceCatalog(outcome.catalog), outcome.services) : 0;
        return { file: abs, rows: outcome.rows, imported, failed, dryRun };
      }),
  };
}

/** `kg.add`: a user's document into the graph, one job item per file (progress per file, each source's id in its result). */
export function kgAddCapability(kg: KgService) {
  return builtinCapability({
    id: 'kg.add',
    title: 'Add a document to the knowledge graph',
    description: 'Reads a txt, md, docx, pdf or image file (OCR where needed) and indexes it for cited Q&A.',
    input: KgAddInput,
    output: KgAddOutput,
    async invoke(input, ctx) {
      if (ctx.signal.aborted) throw new HubError('CANCELLED', 'cancelled');
      ctx.onProgress({ done: 0, total: 1, message: `reading ${path.basename(input.path)}` });
      const out = await kg.write((e) =>
        e.addDocument(input.path, { ...(input.name ? { name: input.name } : {}), replace: input.replace, ...(input.effectiveDate ? { effectiveDate: input.effectiveDate } : {}) }),
      );
      ctx.onProgress({ done: 1, total: 1, message: `indexed ${out.source.passages} passages` });
      return { output: out, engine: out.reader };
    },
  });
}
