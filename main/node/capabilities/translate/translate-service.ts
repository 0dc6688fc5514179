import path from 'node:path';
import {
  HubError,
  type DocBlock,
  type DocFormat,
  type TmMatch,
  type TmStats,
  type TranslatedSegment,
  type TranslateLang,
  type TranslateOutput,
} from '../../../common/contract/index.js';
import { appRoot } from '../../config/app-paths.js';
import { cedictDraft } from './dictionary.js';
import { readDocument, readDocumentFile, writeDocument } from './doc/formats.js';
import { readTxt } from './doc/text.js';
import { tsvGlossary, type GlossaryProvider } from './glossary.js';
import type { MtEngine } from './mt-engine.js';
import { parseTmx, writeTmx } from './tm/tmx.js';
import { TmStore } from './tm/tm-store.js';
import { translateBlocks } from './translate-blocks.js';

/** The knowledge graph's glossary; IC_GLOSSARY_FILE points elsewhere (tests, a department's own list). */
export const defaultGlossaryPath = () => process.env.IC_GLOSSARY_FILE || path.join(appRoot, 'knowledge-graph', 'glossary', 'glossary.tsv');
export const tmFileIn = (dataDir: string) => path.join(dataDir, 'translation-memory.sqlite');

export interface TranslateServiceDeps {
  tm: TmStore;
  glossary: GlossaryProvider;
  /** The MT engine for a pair when its pack is installed (it runs in the model host), else undefined. */
  mtFor: (from: TranslateLang, to: TranslateLang) => MtEngine | undefined;
  /** Text of an image or PDF (the ocr capability), when OCR packs are installed. */
  ocrText?: (name: string, bytes: Buffer) => Promise<string>;
}

export interface TranslateRequest {
  from: TranslateLang;
  to: TranslateLang;
  text?: string;
  path?: string;
  data?: { name: string; base64: string };
  minScore?: number;
  useModel?: boolean;
}

/**
 * The translation workbench behind the capability, the CLI and the console: reads a document, translates it
 * (memory → glossary → model or dictionary draft), writes documents back, and keeps the memory.
 */
export class TranslateService {
  constructor(readonly deps: TranslateServiceDeps) {}

  async translate(req: TranslateRequest, o: { signal?: AbortSignal; onProgress?: (done: number, total: number, message: string) => void } = {}): Promise<TranslateOutput> {
    const doc =
      req.text !== undefined
        ? readTxt(req.text)
        : req.path !== undefined
          ? await readDocumentFile(req.path, this.deps.ocrText)
          : await readDocument(req.data!.name, Buffer.from(req.data!.base64, 'base64'), this.deps.ocrText);
    const mt = req.useModel === false ? undefined : this.deps.mtFor(req.from, req.to);
    const r = await translateBlocks(
      doc.blocks,
      { from: req.from, to: req.to, minScore: req.minScore ?? 0.75, ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) },
      { glossary: this.deps.glossary, tm: this.deps.tm, ...(mt ? { mt } : {}), draft: cedictDraft },
    );
    return { engine: r.engine, from: req.from, to: req.to, format: doc.format, blocks: doc.blocks, segments: r.segments };
  }

  /** A document of the given format from translated (and possibly edited) segments. */
  export(format: DocFormat, blocks: readonly DocBlock[], segments: readonly TranslatedSegment[], from: TranslateLang, to: TranslateLang): Promise<Buffer> {
    return writeDocument(format, blocks, segments, from, to);
  }

  /** Stores reviewed segments in memory (the translator's edits win over earlier targets). */
  remember(units: { srcLang: TranslateLang; tgtLang: TranslateLang; src: string; tgt: string }[]): { added: number } {
    return { added: this.deps.tm.add(units, { origin: 'review', reviewed: true }) };
  }

  lookup(srcLang: TranslateLang, tgtLang: TranslateLang, src: string, minScore = 0.75, limit = 5): TmMatch[] {
    return this.deps.tm.lookup(srcLang, tgtLang, src, minScore, limit);
  }

  importTmx(xml: string): { units: number } {
    const units = parseTmx(xml);
    if (!units.length) throw new HubError('BAD_REQUEST', 'the TMX file has no zh/en translation units');
    return { units: this.deps.tm.add(units, { origin: 'tmx', reviewed: true }) };
  }

  exportTmx(): string {
    return writeTmx(this.deps.tm.entries());
  }

  stats(): TmStats & { glossaryTerms: number } {
    return { ...this.deps.tm.stats(), glossaryTerms: this.deps.glossary.terms().length };
  }
}

export function openTranslateService(dataDir: string, o: Partial<TranslateServiceDeps> & { glossaryFile?: string } = {}): TranslateService {
  return new TranslateService({
    tm: o.tm ?? TmStore.open(tmFileIn(dataDir)),
    glossary: o.glossary ?? tsvGlossary(o.glossaryFile ?? defaultGlossaryPath()),
    mtFor: o.mtFor ?? (() => undefined),
    ...(o.ocrText ? { ocrText: o.ocrText } : {}),
  });
}
