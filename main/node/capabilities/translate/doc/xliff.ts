import { HubError, type DocBlock, type TranslateLang, type TranslatedSegment } from '../../../../common/contract/index.js';
import { langOf } from '../tm/tmx.js';
import type { Doc } from './model.js';
import { attrsOf, builder, childrenOf, findAll, first, parseXml, textOf } from './xml.js';

export interface XliffDoc extends Doc {
  srcLang?: TranslateLang;
  tgtLang?: TranslateLang;
}

/**
 * XLIFF 1.2 (<trans-unit>) and 2.0 (<unit>/<segment>) from CAT tools: every unit becomes one block with its id,
 * so the translation goes back under the same ids. Inline codes are dropped from the text (CAT tools re-apply
 * them by id on import); a 2.0 unit's segments become the block's lines.
 */
export function readXliff(xml: string): XliffDoc {
  let root;
  try {
    root = parseXml(xml);
  } catch (err) {
    throw new HubError('BAD_REQUEST', `not an XLIFF file: ${(err as Error).message}`);
  }
  const x = first(root, 'xliff');
  if (!x) throw new HubError('BAD_REQUEST', 'not an XLIFF file: no <xliff> element');
  const a = attrsOf(x);
  const blocks: DocBlock[] = [];
  if (a.version?.startsWith('2')) {
    for (const unit of findAll(childrenOf(x), 'unit')) {
      const lines = findAll(childrenOf(unit), 'segment').map((s) => textOf(childrenOf(first(childrenOf(s), 'source') ?? {})).trim());
      blocks.push({ kind: 'paragraph', text: lines.join('\n'), unitId: attrsOf(unit).id ?? String(blocks.length + 1) });
    }
    return { format: 'xliff20', blocks, srcLang: langOf(a.srcLang), tgtLang: langOf(a.trgLang) };
  }
  if (!a.version?.startsWith('1')) throw new HubError('BAD_REQUEST', `XLIFF version "${a.version ?? '?'}" is not supported (1.2 or 2.0)`);
  const file = first(childrenOf(x), 'file');
  const fa = attrsOf(file ?? {});
  for (const tu of findAll(childrenOf(x), 'trans-unit')) {
    if (attrsOf(tu).translate === 'no') continue;
    const src = first(childrenOf(tu), 'source');
    blocks.push({ kind: 'paragraph', text: textOf(childrenOf(src ?? {})).trim(), unitId: attrsOf(tu).id ?? String(blocks.length + 1) });
  }
  return { format: 'xliff12', blocks, srcLang: langOf(fa['source-language']), tgtLang: langOf(fa['target-language']) };
}

const tag: Record<TranslateLang, string> = { zh: 'zh-CN', en: 'en-US' };

/** Lines of a block: its segments grouped by line, joined in the target language. */
function linesOf(segments: readonly TranslatedSegment[], block: number, field: 'src' | 'tgt', join: string): string[] {
  const lines: string[][] = [];
  for (const s of segments) if (s.block === block) (lines[s.line] ??= []).push(s[field]);
  return Array.from(lines, (l) => (l ?? []).join(join));
}

const stateOf = (segs: readonly TranslatedSegment[]) =>
  segs.every((s) => s.origin === 'tm' && s.score === 1) ? 'final' : segs.some((s) => s.origin === 'dictionary' || s.origin === 'none') ? 'needs-translation' : 'translated';

/** XLIFF 1.2: one trans-unit per block, the block's lines joined by newlines. */
export function writeXliff12(blocks: readonly DocBlock[], segments: readonly TranslatedSegment[], from: TranslateLang, to: TranslateLang, original = 'document'): string {
  const units = blocks.flatMap((b, i) => {
    if (b.kind === 'raw') return [];
    const segs = segments.filter((s) => s.block === i);
    const src = from === 'zh' ? '' : ' ';
    const tgt = to === 'zh' ? '' : ' ';
    return [
      {
        '@_id': b.unitId ?? String(i + 1),
        source: linesOf(segments, i, 'src', src).join('\n'),
        target: { '#text': linesOf(segments, i, 'tgt', tgt).join('\n'), '@_state': stateOf(segs) === 'final' ? 'final' : stateOf(segs) === 'translated' ? 'translated' : 'needs-translation' },
        ...(segs.some((s) => s.origin !== 'model' && s.origin !== 'tm') ? { note: `origin: ${[...new Set(segs.map((s) => s.origin))].join(', ')}` } : {}),
      },
    ];
  });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    xliff: {
      '@_version': '1.2',
      '@_xmlns': 'urn:oasis:names:tc:xliff:document:1.2',
      file: { '@_original': original, '@_source-language': tag[from], '@_target-language': tag[to], '@_datatype': 'plaintext', body: { 'trans-unit': units } },
    },
  }) as string;
}

/** XLIFF 2.0: one unit per block, one segment per sentence (state initial/translated/final). */
export function writeXliff20(blocks: readonly DocBlock[], segments: readonly TranslatedSegment[], from: TranslateLang, to: TranslateLang, original = 'document'): string {
  const units = blocks.flatMap((b, i) => {
    if (b.kind === 'raw') return [];
    const segs = segments.filter((s) => s.block === i);
    return [
      {
        '@_id': b.unitId ?? String(i + 1),
        segment: segs.map((s, k) => ({
          '@_id': String(k + 1),
          '@_state': s.origin === 'tm' && s.score === 1 ? 'final' : s.origin === 'dictionary' || s.origin === 'none' ? 'initial' : 'translated',
          source: s.src,
          target: s.tgt,
        })),
      },
    ];
  });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    xliff: { '@_xmlns': 'urn:oasis:names:tc:xliff:document:2.0', '@_version': '2.0', '@_srcLang': tag[from], '@_trgLang': tag[to], file: { '@_id': 'f1', '@_original': original, unit: units } },
  }) as string;
}
