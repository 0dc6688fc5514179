import ExcelJS from 'exceljs';
import type { PageTables } from './tables/page-tables.js';

/** Sheet holding the text found outside tables. */
export const TEXT_SHEET = 'Text 正文';

/**
 * A workbook of one file's tables: one sheet per table ("P1 T1" = page 1, first table), each grid cell at its row
 * and column, merged cells merged, column widths after the table's own; then one sheet with the text outside
 * tables (page, text), one row per line.
 */
export async function tablesWorkbook(pages: PageTables[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Intelligent Center';
  for (const p of pages) {
    p.tables.forEach((t, i) => {
      const ws = wb.addWorksheet(`P${p.page} T${i + 1}`);
      const totalW = t.xs[t.xs.length - 1]! - t.xs[0]!;
      for (let c = 0; c + 1 < t.xs.length; c++) {
        // About 100 characters across the widest table; at least 6.
        ws.getColumn(c + 1).width = Math.max(6, Math.round(((t.xs[c + 1]! - t.xs[c]!) / totalW) * 100));
      }
      for (const cell of t.cells) {
        const x = ws.getCell(cell.r0 + 1, cell.c0 + 1);
        x.value = cell.text;
        x.alignment = { vertical: 'middle', wrapText: true };
        x.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
        if (cell.r1 > cell.r0 || cell.c1 > cell.c0) ws.mergeCells(cell.r0 + 1, cell.c0 + 1, cell.r1 + 1, cell.c1 + 1);
      }
    });
  }
  const text = wb.addWorksheet(TEXT_SHEET);
  text.columns = [
    { header: 'page', key: 'page', width: 6 },
    { header: 'text', key: 'text', width: 100 },
  ];
  for (const p of pages) for (const line of p.outside) text.addRow({ page: p.page, text: line });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const THIN = { style: 'thin' } as const;

/** Tables of a workbook written by tablesWorkbook, read back (for tests and the bench): sheet → cells. */
export async function readTables(xlsx: Buffer): Promise<Map<string, { r0: number; c0: number; r1: number; c1: number; text: string }[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const out = new Map<string, { r0: number; c0: number; r1: number; c1: number; text: string }[]>();
  wb.eachSheet((ws) => {
    if (ws.name === TEXT_SHEET) return;
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => {
      const [a, b] = m.split(':') as [string, string];
      const tl = ws.getCell(a);
      const br = ws.getCell(b);
      return { r0: Number(tl.row) - 1, c0: Number(tl.col) - 1, r1: Number(br.row) - 1, c1: Number(br.col) - 1 };
    });
    const cells: { r0: number; c0: number; r1: number; c1: number; text: string }[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const m = merges.find((x) => x.r0 === r - 1 && x.c0 === c - 1);
        const inside = merges.some((x) => r - 1 >= x.r0 && r - 1 <= x.r1 && c - 1 >= x.c0 && c - 1 <= x.c1 && !(x.r0 === r - 1 && x.c0 === c - 1));
        if (inside) return;
        cells.push({ ...(m ?? { r0: r - 1, c0: c - 1, r1: r - 1, c1: c - 1 }), text: String(cell.value ?? '') });
      });
    });
    out.set(ws.name, cells);
  });
  return out;
}
