import type { DocBlock } from '../../../../common/contract/index.js';
import type { BlockTargets, Doc } from './model.js';

/** Plain text: one block per line; blank lines are kept as they are. */
export function readTxt(text: string): Doc {
  const blocks: DocBlock[] = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() ? { kind: 'paragraph' as const, text: line } : { kind: 'raw' as const, text: line }));
  while (blocks.length && blocks[blocks.length - 1]!.kind === 'raw' && !blocks[blocks.length - 1]!.text) blocks.pop();
  return { format: 'txt', blocks };
}

export function writeTxt(doc: Doc, targets: BlockTargets): string {
  return doc.blocks.map((_, i) => targets[i]).join('\n') + '\n';
}

/**
 * Markdown, line by line (a full Markdown parser would lose the source's exact layout): headings, list items and
 * quotes keep their markers, fenced code and table rules are copied, table rows are translated cell by cell.
 */
export function readMarkdown(text: string): Doc {
  const blocks: DocBlock[] = [];
  let fence: string | undefined;
  let table = -1;
  let row = 0;
  let inTable = false;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const f = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      blocks.push({ kind: 'raw', text: line });
      if (f && f[1] === fence) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      blocks.push({ kind: 'raw', text: line });
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line)) {
      if (!inTable) {
        table++;
        row = 0;
        inTable = true;
      }
      if (/^\s*\|[\s:|-]+\|\s*$/.test(line)) {
        blocks.push({ kind: 'raw', text: line, table, row: row++ });
        continue;
      }
      const cells = line.trim().slice(1, -1).split('|');
      cells.forEach((c, col) => blocks.push({ kind: c.trim() ? 'cell' : 'raw', text: c.trim(), table, row, col }));
      row++;
      continue;
    }
    inTable = false;
    if (!line.trim()) {
      blocks.push({ kind: 'raw', text: line });
      continue;
    }
    const h = /^(\s{0,3}#{1,6}\s+)(.*?)(\s+#+\s*)?$/.exec(line);
    if (h) {
      blocks.push({ kind: 'heading', level: h[1]!.trim().length, prefix: h[1]!, text: h[2]! });
      continue;
    }
    const p = /^(\s*(?:>\s*)*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)?)(.*)$/.exec(line)!;
    blocks.push({ kind: 'paragraph', prefix: p[1] || undefined, text: p[2]! });
  }
  while (blocks.length && blocks[blocks.length - 1]!.kind === 'raw' && !blocks[blocks.length - 1]!.text) blocks.pop();
  return { format: 'md', blocks: blocks.map(dropUndefined) };
}

function dropUndefined(b: DocBlock): DocBlock {
  return Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)) as DocBlock;
}

export function writeMarkdown(doc: Doc, targets: BlockTargets): string {
  const lines: string[] = [];
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i]!;
    if (b.table !== undefined && b.row !== undefined) {
      // Gather the row's cells (a rule row is one raw block).
      if (b.col === undefined) {
        lines.push(b.text);
        continue;
      }
      const cells: string[] = [];
      let j = i;
      for (; j < doc.blocks.length && doc.blocks[j]!.table === b.table && doc.blocks[j]!.row === b.row && doc.blocks[j]!.col !== undefined; j++) {
        cells.push(targets[j]!);
      }
      lines.push(`| ${cells.join(' | ')} |`);
      i = j - 1;
      continue;
    }
    lines.push(`${b.prefix ?? ''}${targets[i]}`);
  }
  return lines.join('\n') + '\n';
}
