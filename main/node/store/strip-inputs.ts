import { createHash } from 'node:crypto';

/** What stays of an uploaded file once its job item is done and scans are not kept. */
export interface RemovedFile {
  name: string;
  sha256: string;
  bytes: number;
  removed: true;
}

const isUpload = (v: unknown): v is { name: string; base64: string } =>
  !!v && typeof v === 'object' && typeof (v as { base64?: unknown }).base64 === 'string' && typeof (v as { name?: unknown }).name === 'string';

/**
 * A copy of a job input with every uploaded file (`{name, base64}`, the contract's FileSource) replaced by its name,
 * size and SHA-256: enough for the audit trail and the job list, nothing of the document itself. Paths stay (the
 * file is the user's own, on their disk). Plugin inputs that carry bytes in other shapes are not recognised here;
 * they are purged with their job by the retention setting (docs/security.md).
 */
export function stripUploads(input: unknown): { value: unknown; stripped: number } {
  let stripped = 0;
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > 64 || !v || typeof v !== 'object') return v;
    if (isUpload(v)) {
      stripped++;
      const bytes = Buffer.from(v.base64, 'base64');
      return { name: v.name, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, removed: true } satisfies RemovedFile;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, depth + 1)]));
  };
  return { value: walk(input, 0), stripped };
}
