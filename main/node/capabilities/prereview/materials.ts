/**
 * Matching documents to a service's materials. Typed materials (ID card sides, business licence, application form,
 * household register) take a document of their type, best score first; one document may serve both ID card sides
 * when both are on one page. `generic` materials take a document that is not otherwise used and whose text contains
 * one of the material's keywords (or its name).
 */
import type { DocumentType, ServiceItem } from '../../../common/contract/index.js';
import { EXPECTED_FIELDS } from './fields/specs.js';
import { compactForm } from './text.js';
import type { AnalyzedDocument } from './types.js';

type Material = ServiceItem['materials'][number] & { keywords?: string[] };

export interface MaterialMatch {
  material: Material;
  /** present: a document was found; missing: none; unconfirmed: none identified, but unidentified documents remain. */
  status: 'present' | 'missing' | 'unconfirmed';
  doc: AnalyzedDocument | null;
  /** For unconfirmed: the unidentified documents a clerk should look at. */
  candidates: AnalyzedDocument[];
  /**
   * For a typed material with catalog keywords: whether the document shows one (false: e.g. a food licence form
   * handed in for a company registration). Null when the material has no keywords or no document.
   */
  keywordHit: boolean | null;
}

export interface MaterialMatching {
  matches: MaterialMatch[];
  /** Documents no material took. */
  unmatched: AnalyzedDocument[];
}

/** Keywords of a material: its own list, else its name without the bracketed part (公司章程, 营业执照). */
export function materialKeywords(m: Material): string[] {
  if (m.keywords && m.keywords.length) return m.keywords.map(compactForm);
  const base = compactForm(m.name.replace(/[（(][^）)]*[）)]/g, ''));
  return base ? [base] : [];
}

function completeness(d: AnalyzedDocument, t: DocumentType): number {
  const expected = EXPECTED_FIELDS[t];
  if (!expected.length) return 1;
  return expected.filter((f) => d.fields[f]).length / expected.length;
}

export function matchMaterials(service: ServiceItem, docs: AnalyzedDocument[]): MaterialMatching {
  const used = new Map<AnalyzedDocument, Set<DocumentType>>();
  const isUsed = (d: AnalyzedDocument) => (used.get(d)?.size ?? 0) > 0;
  const use = (d: AnalyzedDocument, t: DocumentType) => {
    if (!used.has(d)) used.set(d, new Set());
    used.get(d)!.add(t);
  };
  const materials = service.materials as Material[];
  const byId = new Map<string, MaterialMatch>();
  // Required materials choose first, so an optional one never takes the only document a required one needs.
  const order = [...materials].sort((a, b) => Number(b.required) - Number(a.required));

  for (const m of order.filter((x) => x.type !== 'generic')) {
    // Only keywords the catalog gives tell apart documents of one type (公司登记 vs 个体工商户 forms).
    const keys = (m.keywords ?? []).map(compactForm);
    const candidates = docs
      .filter((d) => (d.type === m.type || d.alsoTypes.includes(m.type)) && !used.get(d)?.has(m.type))
      .map((d) => ({
        d,
        rank:
          (d.type === m.type ? 2 : 1) +
          (keys.some((k) => d.compactText.includes(k)) ? 0.5 : 0) +
          // a register's person page over its cover page: the one where the expected fields were read
          0.3 * completeness(d, m.type) +
          d.score / 10,
      }))
      .sort((a, b) => b.rank - a.rank);
    const pick = candidates[0]?.d ?? null;
    if (pick) use(pick, m.type);
    const keywordHit = pick && keys.length ? keys.some((k) => pick.compactText.includes(k)) : null;
    byId.set(m.id, { material: m, status: pick ? 'present' : 'missing', doc: pick, candidates: [], keywordHit });
  }

  for (const m of order.filter((x) => x.type === 'generic')) {
    const keys = materialKeywords(m);
    const title = (d: AnalyzedDocument) => compactForm(d.title.text);
    const pick =
      docs.find((d) => !isUsed(d) && d.type === 'generic' && keys.some((k) => d.compactText.includes(k))) ??
      docs.find((d) => !isUsed(d) && keys.some((k) => title(d).includes(k))) ??
      null;
    if (pick) use(pick, 'generic');
    byId.set(m.id, { material: m, status: pick ? 'present' : 'missing', doc: pick, candidates: [], keywordHit: null });
  }

  // A required generic material not identified while unidentified documents remain: a clerk should look.
  const leftovers = docs.filter((d) => !isUsed(d) && d.type === 'generic');
  for (const match of byId.values()) {
    if (match.status === 'missing' && match.material.type === 'generic' && match.material.required && leftovers.length) {
      match.status = 'unconfirmed';
      match.candidates = leftovers;
    }
  }

  return {
    matches: materials.map((m) => byId.get(m.id)!),
    unmatched: docs.filter((d) => !isUsed(d)),
  };
}
