/**
 * The graph's link to the `embed` feature: which embedding pack is installed (the same need the embed feature has,
 * EMBED_PACK_NEED, intact files only) and its vectors through the model host (the model runs there, never in the
 * hub). Injected into the engine as an EmbedModel, so the engine and its tests do not depend on the model host.
 */
import { createHash } from 'node:crypto';
import type { ModelHost } from '../../hub/model-host.js';
import type { PackStore } from '../../models/pack-store.js';
import { EMBED_PACK_NEED } from '../embed/embed-need.js';
import type { EmbedModel } from './retrieval/model-embedder.js';

/** One `embed` call may load the model first (seconds on 2 cores); a host that answers nothing by then has failed. */
export const EMBED_CALL_TIMEOUT_MS = 120_000;

/** The pack's file hashes in short: a pack replaced under the same id and version is another model. */
export function packFingerprint(files: readonly { path: string; sha256: string }[]): string {
  const lines = [...files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => `${f.path}:${f.sha256}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 12);
}

export function embedModelOf(packs: PackStore, modelHost: ModelHost): EmbedModel {
  return {
    pack() {
      const pack = packs.matching({ ...EMBED_PACK_NEED, intact: true })[0];
      if (!pack) return undefined;
      return { id: pack.id, version: pack.record.version, fingerprint: packFingerprint(pack.record.files) };
    },
    embed: (texts, kind) => modelHost.call('embed', { input: { texts, kind } }, { signal: AbortSignal.timeout(EMBED_CALL_TIMEOUT_MS) }),
  };
}
