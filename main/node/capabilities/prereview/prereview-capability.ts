import {
  HubError,
  PrereviewInput,
  PrereviewOutput,
  fileLabel,
  toErrorPayload,
  type Check,
} from '../../../common/contract/index.js';
import { builtinCapability } from '../../hub/builtin-capability.js';
import type { ModelHost } from '../../hub/model-host.js';
import { enginesOf } from '../ocr/ocr-capability.js';
import { findService, loadCatalog, type Catalog, type CatalogProvider } from './catalog.js';
import { prereview } from './rules.js';
import type { MarkNeeds } from './seal-signature.js';
import type { PrereviewDoc } from './types.js';

/**
 * `prereview`: OCR of every submitted file in the model host, then the service item's rules in the hub.
 * A file that cannot be read becomes a failed check naming it; the other files are still reviewed.
 */
export function prereviewCapability(host: ModelHost, catalog: Catalog | CatalogProvider = () => loadCatalog()) {
  return builtinCapability({
    id: 'prereview',
    title: 'Material pre-review against a service item',
    description: "Checks an applicant's materials: present, legible, valid, unexpired and consistent across documents.",
    input: PrereviewInput,
    output: PrereviewOutput,
    async invoke(input, ctx) {
      // The catalog is read per call: the knowledge graph (an import) may have changed it.
      const service = findService(typeof catalog === 'function' ? await catalog() : catalog, input.service);
      // Seals and handwriting are looked for only when a material of the service needs them (a little work per page).
      const marks = service.materials.some((m) => (m as MarkNeeds).needsSeal || (m as MarkNeeds).needsSignature);
      const docs: PrereviewDoc[] = [];
      const unreadable: Check[] = [];
      const engines = new Set<string>();
      for (const [i, file] of input.files.entries()) {
        const label = fileLabel(file);
        ctx.onProgress({ done: i, total: input.files.length, message: `OCR ${label}` });
        try {
          const out = await host.call('ocr', { input: { file, engine: input.engine, ...(marks ? { marks: true } : {}) } }, { signal: ctx.signal });
          enginesOf(out).split('+').forEach((e) => engines.add(e));
          docs.push({ file: out.file, pages: out.pages });
        } catch (err) {
          if (ctx.signal.aborted) throw err;
          const e = toErrorPayload(err);
          if (e.code === 'WORKER_CRASHED' || e.code === 'UNAVAILABLE') throw new HubError(e.code, e.message);
          unreadable.push({
            id: `file.unreadable.${i + 1}`,
            status: 'fail',
            message: `无法读取文件 Cannot read file: ${label} — ${e.message}`,
            evidence: [{ file: label, page: 1, box: null, text: '' }],
          });
        }
      }
      ctx.onProgress({ done: input.files.length, total: input.files.length, message: 'checking rules' });
      // prereview() takes the local calendar day of a Date (not the UTC day of an ISO string).
      const report = prereview(service, docs, input.today ?? new Date());
      const checks = [...unreadable, ...report.checks];
      const verdict = checks.some((c) => c.status === 'fail') ? 'fail' : report.verdict;
      const pages = docs.flatMap((d) =>
        d.pages.map((p) => ({ file: d.file, page: p.page, width: p.width, height: p.height, rotation: p.rotation, engine: p.engine })),
      );
      return { output: { ...report, checks, verdict, pages }, engine: [...engines].join('+') || 'none' };
    },
  });
}
