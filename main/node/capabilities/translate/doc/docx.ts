// docx and mammoth are loaded when a DOCX is read or written: every `ic` start would otherwise pay for them.
import type { Paragraph, Table, TableCell } from 'docx';
import { HubError, type DocBlock } from '../../../../common/contract/index.js';
import type { BlockTargets, Doc } from './model.js';
import { childrenOf, parseXml, tagOf, textOf, type XNode } from './xml.js';

/**
 * DOCX through mammoth's HTML (it keeps body order: headings, paragraphs and tables as they appear, empty paragraphs
 * too with ignoreEmptyParagraphs:false). A table cell is one block; its paragraphs are the block's lines.
 */
export async function readDocx(buffer: Buffer): Promise<Doc> {
  let html: string;
  try {
    const { default: mammoth } = await import('mammoth');
    html = (await mammoth.convertToHtml({ buffer }, { ignoreEmptyParagraphs: false })).value;
  } catch (err) {
    throw new HubError('BAD_REQUEST', `not a readable DOCX file: ${(err as Error).message}`);
  }
  const blocks: DocBlock[] = [];
  let table = 0;
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (!tag) continue;
      const h = /^h([1-6])$/.exec(tag);
      if (h) blocks.push({ kind: 'heading', level: Number(h[1]), text: inline(childrenOf(n)) });
      else if (tag === 'p') blocks.push(paragraph(inline(childrenOf(n))));
      else if (tag === 'ul' || tag === 'ol') {
        for (const li of childrenOf(n).filter((c) => tagOf(c) === 'li')) blocks.push(paragraph(inline(childrenOf(li).filter((c) => !['ul', 'ol'].includes(tagOf(c) ?? '')))));
        walk(childrenOf(n).flatMap((li) => childrenOf(li).filter((c) => ['ul', 'ol'].includes(tagOf(c) ?? ''))));
      } else if (tag === 'table') {
        const rows = childrenOf(n).flatMap((c) => (tagOf(c) === 'tr' ? [c] : childrenOf(c).filter((r) => tagOf(r) === 'tr')));
        rows.forEach((tr, row) => {
          childrenOf(tr)
            .filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th')
            .forEach((td, col) => {
              const paras = childrenOf(td).filter((c) => tagOf(c) === 'p');
              const text = paras.length ? paras.map((p) => inline(childrenOf(p))).join('\n') : inline(childrenOf(td));
              blocks.push({ kind: text.trim() ? 'cell' : 'raw', text, table, row, col });
            });
        });
        table++;
      } else walk(childrenOf(n));
    }
  };
  walk(parseXml(`<body>${html}</body>`).flatMap(childrenOf));
  return { format: 'docx', blocks };
}

const paragraph = (text: string): DocBlock => (text.trim() ? { kind: 'paragraph', text } : { kind: 'raw', text });

function inline(nodes: XNode[]): string {
  let s = '';
  for (const n of nodes) {
    if ('#text' in n) s += String(n['#text']);
    else if (tagOf(n) === 'br') s += ' ';
    else if (tagOf(n) !== 'img') s += textOf([n]);
  }
  return s;
}

/** Writes the translated document with `docx`: one paragraph per source paragraph, tables rebuilt cell by cell. */
export async function writeDocx(doc: Doc, targets: BlockTargets): Promise<Buffer> {
  const { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } = await import('docx');
  const headingOf = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
  const children: (Paragraph | Table)[] = [];
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i]!;
    if (b.table !== undefined) {
      const rows: TableCell[][] = [];
      let j = i;
      for (; j < doc.blocks.length && doc.blocks[j]!.table === b.table; j++) {
        const c = doc.blocks[j]!;
        (rows[c.row!] ??= [])[c.col!] = new TableCell({ children: targets[j]!.split('\n').map((t) => new Paragraph(t)) });
      }
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: rows.map((cells) => new TableRow({ children: Array.from(cells, (c) => c ?? new TableCell({ children: [new Paragraph('')] })) })),
        }),
      );
      i = j - 1;
    } else if (b.kind === 'heading') children.push(new Paragraph({ text: targets[i], heading: headingOf[(b.level ?? 1) - 1] }));
    else children.push(new Paragraph(targets[i] ?? ''));
  }
  return Packer.toBuffer(new Document({ creator: 'Intelligent Center', sections: [{ children }] }));
}
