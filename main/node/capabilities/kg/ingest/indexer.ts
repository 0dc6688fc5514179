/**
 * Writes sources into the graph: sections (entities, part_of their parent and the document), passages (original
 * text for display, normalised text, index tokens, a vector), and `mentions` relations from a section to the
 * glossary terms and service items its text names. Every row carries the source id (see GraphStore.removeSource).
 */
import type { KgEntityType } from '../../../../common/contract/index.js';
import type { GraphStore } from '../store/graph-store.js';
import { normalizeKey, normalizeText } from '../text/normalize.js';
import { chunkParagraph } from '../text/sections.js';
import { tokenize } from '../text/tokenize.js';
import { documentId, passageId, sectionId } from './ids.js';
import type { ParsedDocument } from './parsed-document.js';

export interface PendingPassage {
  id: string;
  sectionId: string;
  ord: number;
  original: string;
  /** Text the index and the vector see: the passage with its section title (titles carry the topic). */
  indexText: string;
  entityId: string | null;
}

/** Known names the text of a passage can mention: term and service entities by normalised key. */
export interface MentionTargets {
  keys: { key: string; entity: string }[];
}

export function mentionTargets(entities: { id: string; type: KgEntityType; name: string; aliases?: string[] }[]): MentionTargets {
  const keys: { key: string; entity: string }[] = [];
  for (const e of entities) for (const n of [e.name, ...(e.aliases ?? [])]) {
    const key = normalizeKey(n);
    if ([...key].length >= 2) keys.push({ key, entity: e.id });
  }
  return { keys };
}

/** Sections and passages of a parsed document; returns the passages to index (vectors are added by the caller). */
export function writeDocument(store: GraphStore, sourceId: string, doc: ParsedDocument, targets: MentionTargets): PendingPassage[] {
  const docEntity = documentId(sourceId + ':' + doc.title);
  store.upsertEntity({ id: docEntity, type: 'document', name: doc.title, nameEn: null, props: { source: sourceId } }, sourceId);
  const pathIds = new Map<string, string>();
  const out: PendingPassage[] = [];
  let n = 0;
  let p = 0;
  for (const s of doc.sections) {
    // Every prefix of the path is a section entity (一、 → (一) → 1.), part_of the one above it.
    let parent = docEntity;
    let sid = docEntity;
    for (let depth = 1; depth <= s.path.length; depth++) {
      const key = JSON.stringify(s.path.slice(0, depth));
      let id = pathIds.get(key);
      if (!id) {
        id = sectionId(sourceId, n);
        pathIds.set(key, id);
        store.addSection({ id, sourceId, path: s.path.slice(0, depth), title: s.path[depth - 1]!, ord: n++ });
        store.upsertEntity({ id, type: 'section', name: s.path[depth - 1]!, nameEn: null, props: { source: sourceId, path: s.path.slice(0, depth) } }, sourceId);
        store.addRelation({ src: id, dst: parent, type: 'part_of' }, sourceId);
      }
      parent = id;
      sid = id;
    }
    const title = s.path[s.path.length - 1] ?? '';
    let ord = 0;
    const mentioned = new Set<string>();
    for (const para of s.paragraphs) {
      for (const chunk of chunkParagraph(para)) {
        out.push({ id: passageId(sourceId, p++), sectionId: sid, ord: ord++, original: chunk, indexText: `${title} ${chunk}`, entityId: null });
        const norm = normalizeKey(chunk);
        for (const t of targets.keys) if (norm.includes(t.key)) mentioned.add(t.entity);
      }
    }
    for (const e of mentioned) store.addRelation({ src: sid, dst: e, type: 'mentions' }, sourceId);
  }
  return out;
}

/** Stores pending passages with their tokens and vectors. Returns the rids in the same order. */
export function storePassages(store: GraphStore, sourceId: string, passages: PendingPassage[], vectors: (Float32Array | null)[]): number[] {
  return passages.map((p, i) =>
    store.addPassage({
      id: p.id,
      sourceId,
      sectionId: p.sectionId,
      ord: p.ord,
      original: p.original,
      norm: normalizeText(p.original),
      tokens: tokenize(p.indexText).join(' '),
      entityId: p.entityId,
      vector: vectors[i] ?? null,
    }),
  );
}
