import { HubError, type TranslateLang } from '../../../../common/contract/index.js';
import { attrsOf, builder, childrenOf, findAll, first, parseXml, textOf } from '../doc/xml.js';
import type { TmEntry } from './tm-store.js';

/** zh-CN, zh-Hans, ZH, en-US, EN-GB … → the app's language codes; others are skipped. */
export function langOf(tag: string | undefined): TranslateLang | undefined {
  const l = (tag ?? '').toLowerCase();
  if (l === 'zh' || l.startsWith('zh-') || l.startsWith('zh_') || l.startsWith('cmn')) return 'zh';
  if (l === 'en' || l.startsWith('en-') || l.startsWith('en_')) return 'en';
  return undefined;
}

const xmlLangName: Record<TranslateLang, string> = { zh: 'zh-CN', en: 'en-US' };

/**
 * Reads a TMX 1.4 file into memory units. Direction comes from the header's srclang (or a <tu>'s own srclang);
 * with srclang="*all*" every pair in the unit is taken in both directions, as TMX intends.
 */
export function parseTmx(xml: string): TmEntry[] {
  let root;
  try {
    root = parseXml(xml);
  } catch (err) {
    throw new HubError('BAD_REQUEST', `not a TMX file: ${(err as Error).message}`);
  }
  const tmx = first(root, 'tmx');
  if (!tmx) throw new HubError('BAD_REQUEST', 'not a TMX file: no <tmx> element');
  const header = first(childrenOf(tmx), 'header');
  const headerSrc = attrsOf(header ?? {}).srclang;
  const out: TmEntry[] = [];
  for (const tu of findAll(childrenOf(tmx), 'tu')) {
    const segs = new Map<TranslateLang, string>();
    for (const tuv of findAll(childrenOf(tu), 'tuv')) {
      const a = attrsOf(tuv);
      const lang = langOf(a['xml:lang'] ?? a.lang);
      const seg = first(childrenOf(tuv), 'seg');
      if (lang && seg && !segs.has(lang)) segs.set(lang, textOf(childrenOf(seg)).trim());
    }
    const srcAttr = attrsOf(tu).srclang ?? headerSrc;
    const src = langOf(srcAttr);
    const pairs: [TranslateLang, TranslateLang][] = src ? [[src, src === 'zh' ? 'en' : 'zh']] : srcAttr === '*all*' ? [['zh', 'en'], ['en', 'zh']] : [];
    for (const [s, t] of pairs) {
      const a = segs.get(s);
      const b = segs.get(t);
      if (a && b) out.push({ srcLang: s, tgtLang: t, src: a, tgt: b });
    }
  }
  return out;
}

const tmxDate = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** Writes units as TMX 1.4 (srclang per <tu>, since a memory holds both directions). */
export function writeTmx(units: Iterable<TmEntry & { createdAt?: string; updatedAt?: string }>, tool = { name: 'Intelligent Center', version: '0.1.0' }): string {
  const tu = [];
  for (const u of units) {
    tu.push({
      '@_srclang': xmlLangName[u.srcLang],
      ...(u.createdAt ? { '@_creationdate': tmxDate(u.createdAt) } : {}),
      ...(u.updatedAt ? { '@_changedate': tmxDate(u.updatedAt) } : {}),
      tuv: [
        { '@_xml:lang': xmlLangName[u.srcLang], seg: u.src },
        { '@_xml:lang': xmlLangName[u.tgtLang], seg: u.tgt },
      ],
    });
  }
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    tmx: {
      '@_version': '1.4',
      header: {
        '@_creationtool': tool.name,
        '@_creationtoolversion': tool.version,
        '@_segtype': 'sentence',
        '@_o-tmf': 'ic-sqlite',
        '@_adminlang': 'en-US',
        '@_srclang': '*all*',
        '@_datatype': 'plaintext',
      },
      body: { tu },
    },
  }) as string;
}
