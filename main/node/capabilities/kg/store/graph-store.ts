/**
 * The graph store behind one interface: SQLite here (sqlite-graph-store.ts); a later issue puts the same interface
 * on a shared PostgreSQL for a whole service centre. Everything derived from a source carries its source id, so
 * removing the source removes exactly what it brought.
 */
import type { KgEntityType, KgRelationType, KgSourceKind } from '../../../../common/contract/index.js';

export interface SourceRow {
  id: string;
  name: string;
  kind: KgSourceKind;
  shipped: boolean;
  file: string | null;
  addedAt: string;
  effectiveDate: string | null;
  hash: string | null;
}

export interface SectionRow {
  id: string;
  sourceId: string;
  path: string[];
  title: string;
  ord: number;
}

export interface PassageRow {
  rid: number;
  id: string;
  sourceId: string;
  sectionId: string;
  ord: number;
  /** Display text: original script, glosses removed. */
  original: string;
  /** Matching form (simplified, half-width, lower case). */
  norm: string;
  /** The entity the passage describes (a service item's facts passage), if any. */
  entityId: string | null;
}

/** A passage to store: a row without its SQLite rowid, with its index tokens and (optionally) its vector. */
export interface NewPassage extends Omit<PassageRow, 'rid' | 'entityId'> {
  /** Space-separated index tokens (jieba words, English stems). */
  tokens: string;
  entityId?: string | null;
  vector?: Float32Array | null;
}

export interface EntityRow {
  id: string;
  type: KgEntityType;
  name: string;
  nameEn: string | null;
  props: Record<string, unknown> | null;
}

export interface RelationRow {
  src: string;
  dst: string;
  type: KgRelationType;
}

export interface RemovedCounts {
  passages: number;
  entities: number;
  relations: number;
  /** rids of the removed passages: their vectors leave the vector index. */
  rids: number[];
}

export interface GraphStore {
  transaction<T>(fn: () => T): T;
  meta(key: string): string | null;
  setMeta(key: string, value: string): void;

  addSource(s: SourceRow): void;
  source(id: string): SourceRow | undefined;
  sourceByName(name: string): SourceRow | undefined;
  sources(): SourceRow[];
  /** Removes a source and everything derived from it; entities go when no other source mentions them. */
  removeSource(id: string): RemovedCounts;
  counts(sourceId: string): { passages: number; entities: number };

  addSection(s: SectionRow): void;
  section(id: string): SectionRow | undefined;
  addPassage(p: NewPassage): number;
  passage(id: string): PassageRow | undefined;
  passagesByRid(rids: number[]): PassageRow[];
  sectionPassages(sectionId: string): PassageRow[];
  /** Every stored vector (rid, vector) for rebuilding the vector index. */
  vectors(): Iterable<{ rid: number; vector: Float32Array }>;

  /** Adds or updates an entity and records that `sourceId` mentions it. */
  upsertEntity(e: EntityRow, sourceId: string): void;
  entity(id: string): EntityRow | undefined;
  entitiesByKey(key: string): EntityRow[];
  searchEntities(keyPart: string, type: KgEntityType | undefined, limit: number): EntityRow[];
  entitySources(id: string): string[];
  addRelation(r: RelationRow, sourceId: string): void;
  relationsOf(id: string): RelationRow[];

  /** An example question for a passage (knowledge-graph/questions/): its text and index tokens (space-separated). */
  addExampleQuestion(passageId: string, question: string, tokens: string): void;
  exampleQuestionCount(): number;
  /** Every example question with its passage's rid, tokens split. */
  exampleQuestions(): { rid: number; question: string; tokens: string[] }[];

  /** BM25 over the token index: an FTS5 MATCH expression; best first, score = -bm25 (higher is better). */
  searchLexical(match: string, limit: number): { rid: number; score: number }[];
  /** In how many passages a token occurs (0 when it never does). */
  docFreq(token: string): number;
  passageCount(): number;

  stats(): { sources: number; passages: number; vectors: number; entities: Record<string, number>; relations: Record<string, number> };
}
