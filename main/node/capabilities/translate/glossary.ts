import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import * as OpenCC from 'opencc-js';
import type { AppliedTerm } from '../../../common/contract/index.js';

/** A bilingual term: Chinese (simplified), English, and other spellings that mean the same (either language). */
export interface GlossaryTerm {
  zh: string;
  en: string;
  variants: string[];
}

/** Where terms come from: the knowledge graph's glossary file, a fixture, or any other list. */
export interface GlossaryProvider {
  terms(): GlossaryTerm[];
}

const cjk = /[\u3400-\u9fff]/;

/**
 * Reads a glossary TSV with a header naming at least `zh` and `en` columns (knowledge-graph/glossary/glossary.tsv);
 * optional `variants`, `aliases` and `zh_hant` columns hold other spellings separated by `|` or `;`; other columns
 * (domain, note) are ignored. Re-read when the file changes.
 */
export function tsvGlossary(file: string): GlossaryProvider {
  let cache: { mtimeMs: number; terms: GlossaryTerm[] } | undefined;
  return {
    terms() {
      let st: fs.Stats;
      try {
        st = fs.statSync(file);
      } catch {
        return [];
      }
      if (cache?.mtimeMs === st.mtimeMs) return cache.terms;
      const rows = parse(fs.readFileSync(file, 'utf8'), {
        delimiter: '\t',
        columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
        quote: false, // TSV has no quoting; notes contain " freely
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
        comment: '#',
      }) as Record<string, string | undefined>[];
      const terms = rows
        .filter((r) => r.zh && r.en)
        .map((r) => ({
          zh: r.zh!,
          en: r.en!,
          variants: [r.variants, r.zh_hant, r.aliases]
            .flatMap((v) => (v ?? '').split(/[|;]/))
            .map((v) => v.trim())
            .filter(Boolean),
        }));
      cache = { mtimeMs: st.mtimeMs, terms };
      return terms;
    },
  };
}

export const staticGlossary = (terms: GlossaryTerm[]): GlossaryProvider => ({ terms: () => terms });

export interface TermMatch {
  start: number;
  end: number;
  term: GlossaryTerm;
  matched: string;
  /** The term in the target language. */
  target: string;
}

type Convert = (s: string) => string;
let toTraditional: Convert[] | undefined;
/** Traditional spellings of a simplified term (Taiwan, Hong Kong and OpenCC standard forms). */
function traditionalForms(zh: string): string[] {
  toTraditional ??= (['tw', 'hk', 't'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
  return toTraditional.map((c) => c(zh));
}

/**
 * Finds glossary terms in a source sentence: every spelling (simplified, traditional, listed variants; English
 * case-insensitively on word boundaries), longest match first, no overlaps.
 */
export class GlossaryMatcher {
  private forms: { form: string; lower: string; term: GlossaryTerm }[] = [];

  constructor(
    terms: readonly GlossaryTerm[],
    readonly from: 'zh' | 'en',
  ) {
    const seen = new Set<string>();
    for (const term of terms) {
      const spellings =
        from === 'zh'
          ? [term.zh, ...traditionalForms(term.zh), ...term.variants.filter((v) => cjk.test(v)).flatMap((v) => [v, ...traditionalForms(v)])]
          : [term.en, ...term.variants.filter((v) => !cjk.test(v))];
      for (const form of spellings) {
        const key = from === 'en' ? form.toLowerCase() : form;
        if (!form || seen.has(key)) continue;
        seen.add(key);
        this.forms.push({ form, lower: form.toLowerCase(), term });
      }
    }
    this.forms.sort((a, b) => b.form.length - a.form.length);
  }

  find(text: string): TermMatch[] {
    const hay = this.from === 'en' ? text.toLowerCase() : text;
    const taken: TermMatch[] = [];
    for (const f of this.forms) {
      const needle = this.from === 'en' ? f.lower : f.form;
      for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
        const end = i + needle.length;
        if (this.from === 'en' && (/\w/.test(hay[i - 1] ?? '') || /\w/.test(hay[end] ?? ''))) continue;
        if (taken.some((t) => i < t.end && end > t.start)) continue;
        taken.push({ start: i, end, term: f.term, matched: text.slice(i, end), target: this.from === 'zh' ? f.term.en : f.term.zh });
      }
    }
    return taken.sort((a, b) => a.start - b.start);
  }
}

export const appliedTerm = (m: TermMatch): AppliedTerm => ({ zh: m.term.zh, en: m.term.en, matched: m.matched });

const matchers = new WeakMap<readonly GlossaryTerm[], Partial<Record<'zh' | 'en', GlossaryMatcher>>>();
/**
 * The matcher for a term list, built once per list (building converts every term to its traditional forms, about a
 * second for the knowledge graph's glossary); tsvGlossary returns the same list until the file changes.
 */
export function matcherFor(terms: readonly GlossaryTerm[], from: 'zh' | 'en'): GlossaryMatcher {
  let m = matchers.get(terms);
  if (!m) matchers.set(terms, (m = {}));
  return (m[from] ??= new GlossaryMatcher(terms, from));
}
