import type { DocBlock, DocFormat } from '../../../../common/contract/index.js';

/** A document as the translator sees it: blocks in document order, each translated on its own. */
export interface Doc {
  format: DocFormat;
  blocks: DocBlock[];
}

/** Translated text of each block, in the same order as `blocks` (raw blocks map to their own text). */
export type BlockTargets = string[];

export const isTranslatable = (b: DocBlock) => b.kind !== 'raw' && b.text.trim().length > 0;
