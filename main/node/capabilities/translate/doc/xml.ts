import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** A node of fast-xml-parser's order-preserving tree: `{tag: children, ':@': attributes}` or `{'#text': text}`. */
export type XNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
});

export const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: false });

export function parseXml(xml: string): XNode[] {
  return parser.parse(xml) as XNode[];
}

export const tagOf = (n: XNode): string | undefined => Object.keys(n).find((k) => k !== ':@' && k !== '#text');
export const childrenOf = (n: XNode): XNode[] => {
  const t = tagOf(n);
  return t ? ((n[t] as XNode[]) ?? []) : [];
};
export const attrsOf = (n: XNode): Record<string, string> => (n[':@'] as Record<string, string>) ?? {};
/** Local name: XLIFF and TMX files may use a namespace prefix. */
export const localName = (tag: string) => tag.replace(/^.*:/, '');

/** Every descendant element with this local name, in document order (not looking inside matches). */
export function findAll(nodes: XNode[], name: string): XNode[] {
  const out: XNode[] = [];
  for (const n of nodes) {
    const t = tagOf(n);
    if (!t) continue;
    if (localName(t) === name) out.push(n);
    else out.push(...findAll(childrenOf(n), name));
  }
  return out;
}

export const first = (nodes: XNode[], name: string): XNode | undefined => findAll(nodes, name)[0];

/**
 * Text of an element; inline codes (TMX <ph>/<bpt>/<ept>/<it>, XLIFF <ph>/<x>/<bx>/<ex>/<pc> contents are kept as
 * text where they are text-bearing wrappers like <pc>/<g>/<mrk>, dropped where they carry native code).
 */
const codeTags = new Set(['ph', 'bpt', 'ept', 'it', 'x', 'bx', 'ex', 'sc', 'ec', 'cp']);
export function textOf(nodes: XNode[]): string {
  let s = '';
  for (const n of nodes) {
    if ('#text' in n) s += String(n['#text']);
    else {
      const t = tagOf(n);
      if (t && !codeTags.has(localName(t))) s += textOf(childrenOf(n));
    }
  }
  return s;
}
