import { HubError, KgAddInput, KgAddOutput } from '../../../common/contract/index.js';
import type { MethodHandlers } from '../../hub/api.js';
import { builtinCapability } from '../../hub/builtin-capability.js';
import type { KgService } from './kg-service.js';
import { materialise } from './ingest/upload.js';

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
    'kg.catalog.import': ({ path: p, file, mode, dryRun }) =>
      kg.write(async (e) => {
        const src = materialise({ path: p, file });
        try {
          const { importCatalogRows } = await import('./ingest/catalog-import.js');
          const outcome = await importCatalogRows(src.path, e.catalog(), mode);
          const failed = outcome.rows.filter((r) => r.status === 'error').length;
          const imported = !dryRun && outcome.catalog ? (await e.replaceCatalog(outcome.catalog), outcome.services) : 0;
          return { file: p ?? src.name, rows: outcome.rows, imported, failed, dryRun };
        } finally {
          src.cleanup();
        }
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
      const src = materialise(input);
      ctx.onProgress({ done: 0, total: 1, message: `reading ${src.name}` });
      const out = await kg
        .write((e) =>
          e.addDocument(src.path, { name: input.name ?? src.name, replace: input.replace, recordPath: input.path !== undefined, ...(input.effectiveDate ? { effectiveDate: input.effectiveDate } : {}) }),
        )
        .finally(() => src.cleanup());
      ctx.onProgress({ done: 1, total: 1, message: `indexed ${out.source.passages} passages` });
      return { output: out, engine: out.reader };
    },
  });
}
