/**
 * The bilingual domain glossary (knowledge-graph/glossary/): term entities, zh `translates_to` en, a passage per
 * term (so 浙里办 is found, with its English name, and English questions reach it), and the export for
 * translation with keys normalised like passages (浙裏辦 finds 浙里办).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { KgGlossaryEntry } from '../../../../common/contract/index.js';
import type { GraphStore } from '../store/graph-store.js';
import { normalizeText } from '../text/normalize.js';
import { hashId, passageId, sectionId, termId } from './ids.js';
import type { PendingPassage } from './indexer.js';

export interface GlossaryTerm {
  zh: string;
  en: string;
  /** Other written forms (traditional, abbreviations, English variants). */
  variants: string[];
  note?: string;
  noteEn?: string;
  category?: string;
}

type Raw = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && !!x.trim()) : typeof v === 'string' && v.trim() ? v.split('|').map((x) => x.trim()).filter(Boolean) : [];

function toTerm(r: Raw): GlossaryTerm | undefined {
  const zh = str(r.zh) ?? str(r.term) ?? str(r.chinese);
  const en = str(r.en) ?? str(r.english) ?? str(r.translation);
  if (!zh || !en) return undefined;
  const variants = [
    ...list(r.variants),
    ...list(r.zhVariants ?? r.zh_variants ?? r.aliases),
    ...list(r.enVariants ?? r.en_variants),
    ...list(r.zh_hant ?? r.traditional),
    ...list(r.abbr ?? r.abbreviations),
  ];
  return {
    zh,
    en,
    variants: [...new Set(variants)].filter((v) => v !== zh && v !== en),
    ...(str(r.note) ? { note: str(r.note)! } : {}),
    ...(str(r.noteEn ?? r.note_en) ? { noteEn: str(r.noteEn ?? r.note_en)! } : {}),
    ...(str(r.category ?? r.domain) ? { category: str(r.category ?? r.domain)! } : {}),
  };
}

/** Every glossary file of a folder (.json: array or {terms|entries}; .jsonl; .csv/.tsv with a header). */
export function readGlossary(dir: string): { terms: GlossaryTerm[]; files: string[] } {
  if (!fs.existsSync(dir)) return { terms: [], files: [] };
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(json|jsonl|csv|tsv)$/i.test(f) && !/^example/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
  const terms: GlossaryTerm[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    let rows: Raw[];
    if (file.endsWith('.jsonl')) rows = text.split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l) as Raw);
    else if (file.endsWith('.json')) {
      const data = JSON.parse(text) as unknown;
      rows = (Array.isArray(data) ? data : ((data as Raw).terms ?? (data as Raw).entries ?? [])) as Raw[];
    } else rows = parseCsv(text, {
        columns: true,
        skip_empty_lines: true,
        trim: true,
        // glossary.tsv has no quoting: a " inside a note is text.
        ...(file.endsWith('.tsv') ? { delimiter: '\t', quote: false } : {}),
      }) as Raw[];
    for (const r of rows) {
      const t = toTerm(r);
      if (t) terms.push(t);
    }
  }
  return { terms, files };
}

/** Writes term entities, translates_to relations and one passage per term. */
export function writeGlossary(store: GraphStore, sourceId: string, terms: GlossaryTerm[]): PendingPassage[] {
  const sec = sectionId(sourceId, 0);
  store.addSection({ id: sec, sourceId, path: ['术语表 Glossary'], title: '术语表 Glossary', ord: 0 });
  const out: PendingPassage[] = [];
  terms.forEach((t, i) => {
    const zid = termId(t.zh);
    const eid = `term:en-${hashId(t.en.toLowerCase())}`;
    store.upsertEntity({ id: zid, type: 'term', name: t.zh, nameEn: t.en, props: { variants: t.variants, lang: 'zh', ...(t.note ? { note: t.note } : {}) } }, sourceId);
    store.upsertEntity({ id: eid, type: 'term', name: t.en, nameEn: t.en, props: { lang: 'en' } }, sourceId);
    store.addRelation({ src: zid, dst: eid, type: 'translates_to' }, sourceId);
    const variants = t.variants.length ? `（又作 ${t.variants.join('、')}）` : '';
    const note = [t.note, t.noteEn].filter(Boolean).join(' ');
    const text = `${t.zh} — ${t.en}${variants}${note ? '：' + note : ''}`;
    out.push({ id: passageId(sourceId, i), sectionId: sec, ord: i, original: text, indexText: text, entityId: zid });
  });
  return out;
}

/** The glossary for translation: [{zh, en, variants}], zh normalised (simplified); `query` matched normalised. */
export function exportGlossary(terms: GlossaryTerm[], query?: string): KgGlossaryEntry[] {
  const q = query ? normalizeText(query) : '';
  return terms
    .map((t) => {
      const zh = normalizeText(t.zh).replace(/\s+/g, '');
      return { zh, en: t.en, variants: [...new Set([t.zh, ...t.variants])].filter((v) => v !== zh) };
    })
    .filter((e) => !q || e.zh.includes(q.replace(/\s+/g, '')) || e.en.toLowerCase().includes(q) || e.variants.some((v) => normalizeText(v).includes(q)));
}
