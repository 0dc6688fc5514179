import { HubError, type DocBlock, type TranslatedSegment, type TranslateLang } from '../../../common/contract/index.js';
import type { CedictDraft } from './dictionary.js';
import { appliedTerm, matcherFor, type GlossaryProvider, type TermMatch } from './glossary.js';
import type { MtEngine } from './mt-engine.js';
import { findProtected, mask, tidy, unmask } from './protect.js';
import { checkConsistency, checkSegment } from './qa.js';
import { joinSentences, splitSentences } from './segment.js';
import type { TmStore } from './tm/tm-store.js';

export interface TranslateDeps {
  glossary: GlossaryProvider;
  tm?: TmStore;
  /** Installed MT pack for this pair, if any. */
  mt?: MtEngine;
  /** The dictionary draft for segments nothing else answers (loaded on first need). */
  draft: () => CedictDraft;
}

export interface TranslateOptions {
  from: TranslateLang;
  to: TranslateLang;
  minScore?: number;
  useModel?: boolean;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, message: string) => void;
}

const punctToEn: Record<string, string> = { '。': '.', '！': '!', '？': '?', '；': ';', '：': ':', '，': ',' };
const punctToZh: Record<string, string> = { '.': '。', '!': '！', '?': '？', ';': '；', ':': '：', ',': '，' };

/** A segment that is a glossary term and nothing else (headings, table cells, labels): "浙里办。" → "Zheliban." */
function wholeTerm(src: string, terms: TermMatch[], to: TranslateLang): string | undefined {
  if (terms.length !== 1) return undefined;
  const t = terms[0]!;
  const rest = src.slice(0, t.start) + src.slice(t.end);
  if (/[\p{L}\p{N}]/u.test(rest)) return undefined;
  const tail = src.slice(t.end).trim();
  return t.target + [...tail].map((c) => (to === 'en' ? punctToEn[c] : punctToZh[c]) ?? c).join('');
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A date written the target language's way (same numbers, so QA still matches them): 2024年3月1日 ↔ 2024-03-01. */
export function dateFor(text: string, to: TranslateLang): string {
  const d = text.match(/\d+/g) ?? [];
  if (to === 'en' && /年/.test(text) && d.length >= 2) return [d[0], ...d.slice(1).map((x) => x.padStart(2, '0'))].join('-');
  if (to === 'en' && /月/.test(text) && d.length === 2 && Number(d[0]) <= 12) return `${months[Number(d[0]) - 1]} ${Number(d[1])}`;
  if (to === 'zh' && /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(text)) return `${d[0]}年${Number(d[1])}月${Number(d[2])}日`;
  return text;
}

/** Glossary terms first (they may contain digits), then protected spans that do not overlap a term. */
function spansFor(src: string, terms: TermMatch[], to: TranslateLang) {
  const spans: { start: number; end: number; target: string }[] = terms.map((t) => ({ start: t.start, end: t.end, target: t.target }));
  for (const p of findProtected(src)) {
    if (spans.some((s) => p.start < s.end && p.end > s.start)) continue;
    spans.push({ start: p.start, end: p.end, target: p.kind === 'date' ? dateFor(p.text, to) : p.text });
  }
  return spans;
}

const aborted = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new HubError('CANCELLED', 'translation cancelled');
};

/**
 * Translates a document's blocks sentence by sentence: memory (exact, then a whole-segment glossary term, then
 * fuzzy ≥ minScore) before the model; the model (or, without a pack, the CEDICT draft) sees numbers, codes, dates,
 * URLs and glossary terms as placeholders, which are put back afterwards. Every segment says where its target came
 * from and which glossary terms it applied; QA runs on the result.
 */
export async function translateBlocks(blocks: readonly DocBlock[], o: TranslateOptions, deps: TranslateDeps): Promise<{ engine: string; segments: TranslatedSegment[] }> {
  if (o.from === o.to) throw new HubError('BAD_REQUEST', 'from and to must differ');
  const matcher = matcherFor(deps.glossary.terms(), o.from);
  const minScore = o.minScore ?? 0.75;
  const segments: (TranslatedSegment & { matches: TermMatch[] })[] = [];
  blocks.forEach((b, block) => {
    if (b.kind === 'raw' || !b.text.trim()) return;
    b.text.split('\n').forEach((lineText, line) => {
      splitSentences(lineText, o.from).forEach((s, k) => {
        segments.push({ id: `${block + 1}.${line + 1}.${k + 1}`, block, line, src: s.text, tgt: '', origin: 'none', terms: [], qa: [], matches: matcher.find(s.text) });
      });
    });
  });
  const total = segments.length;
  let done = 0;
  const progress = (msg: string) => o.onProgress?.(done, total, msg);
  const pending: { seg: (typeof segments)[number]; masked: string; values: string[] }[] = [];
  for (const seg of segments) {
    aborted(o.signal);
    if (!/\p{L}/u.test(seg.src)) {
      // Nothing to translate (a number, a code, punctuation): copied as it is.
      Object.assign(seg, { tgt: seg.src, origin: 'none' });
      done++;
      continue;
    }
    const exact = deps.tm?.exact(o.from, o.to, seg.src);
    const term = exact ? undefined : wholeTerm(seg.src, seg.matches, o.to);
    const fuzzy = exact || term !== undefined ? undefined : deps.tm?.lookup(o.from, o.to, seg.src, minScore, 1)[0];
    if (exact || fuzzy) {
      const m = (exact ?? fuzzy)!;
      Object.assign(seg, { tgt: m.tgt, origin: 'tm', score: Math.round(m.score * 1000) / 1000 });
      done++;
    } else if (term !== undefined) {
      Object.assign(seg, { tgt: term, origin: 'glossary' });
      done++;
    } else {
      const m = mask(seg.src, spansFor(seg.src, seg.matches, o.to));
      pending.push({ seg, masked: m.text, values: m.values });
    }
  }
  if (done) progress('memory and glossary');
  const useModel = o.useModel !== false && deps.mt;
  const batchSize = o.batchSize ?? 8;
  for (let i = 0; i < pending.length; i += useModel ? batchSize : 1) {
    aborted(o.signal);
    const batch = pending.slice(i, i + (useModel ? batchSize : 1));
    const outs = useModel ? await deps.mt!.translate(batch.map((p) => p.masked), o.signal) : batch.map((p) => deps.draft().draft(p.masked, o.from));
    batch.forEach((p, k) => {
      const r = unmask(outs[k] ?? '', p.values, o.to);
      p.seg.tgt = r.text;
      p.seg.origin = useModel ? 'model' : 'dictionary';
      if (r.lost.length) p.seg.qa.push({ code: 'placeholder_lost', severity: 'warn', message: `${r.lost.length} protected span(s) dropped by the engine were appended at the end` });
      done++;
      progress(p.seg.id);
    });
  }
  for (const seg of segments) {
    seg.tgt = seg.origin === 'tm' ? seg.tgt : tidy(seg.tgt, o.to);
    const lowTgt = seg.tgt.toLowerCase();
    seg.terms = seg.matches.filter((m) => lowTgt.includes(m.target.toLowerCase())).map(appliedTerm);
    seg.qa.push(...checkSegment(seg.src, seg.tgt, o.to, seg.matches));
  }
  const out: TranslatedSegment[] = segments.map(({ matches: _m, ...s }) => s);
  checkConsistency(out);
  return { engine: engineName(out, deps.mt), segments: out };
}

/** What answered, in order of weight: the model pack id, tm, glossary, cedict-draft. */
export function engineName(segments: readonly TranslatedSegment[], mt?: MtEngine): string {
  const used = new Set(segments.map((s) => s.origin));
  const parts = [
    used.has('model') && mt ? mt.id : undefined,
    used.has('tm') ? 'tm' : undefined,
    used.has('glossary') || segments.some((s) => s.terms.length) ? 'glossary' : undefined,
    used.has('dictionary') ? 'cedict-draft' : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join('+') : 'none';
}

/** Each block's translated text (raw blocks as they were), for the document writers. */
export function blockTargets(blocks: readonly DocBlock[], segments: readonly TranslatedSegment[], to: TranslateLang): string[] {
  const lines = new Map<number, string[][]>();
  for (const s of segments) {
    const b = lines.get(s.block) ?? [];
    (b[s.line] ??= []).push(s.tgt);
    lines.set(s.block, b);
  }
  return blocks.map((b, i) => {
    if (b.kind === 'raw') return b.text;
    const srcLines = b.text.split('\n');
    const got = lines.get(i) ?? [];
    return srcLines.map((_, l) => joinSentences(got[l] ?? [], to)).join('\n');
  });
}
