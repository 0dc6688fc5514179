import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { importCatalogRows } from '../../../main/node/capabilities/kg/ingest/catalog-import.js';
import { readCatalogFile } from '../../../main/node/capabilities/kg/ingest/shipped.js';
import { cleanupTempDirs, fixturesDir, repoRoot, tempDir } from '../../helpers/temp.js';

const current = readCatalogFile(path.join(fixturesDir, 'kg', 'shipped', 'catalog', 'services.json'));
const examples = path.join(repoRoot, 'knowledge-graph', 'catalog');
afterAll(cleanupTempDirs);

describe('catalog import', () => {
  it('reports every bad row with its number and column, and imports nothing', async () => {
    // example-import-errors.csv: no service_id (row 3), count "two" (4), count 0 (5), type "passport" (6), generic without keywords (7).
    const r = await importCatalogRows(path.join(examples, 'example-import-errors.csv'), current, 'merge');
    expect(r.catalog).toBeUndefined();
    const bad = r.rows.filter((x) => x.status === 'error').map((x) => [x.row, x.errors.map((e) => e.column)]);
    expect(bad).toEqual([
      [3, ['service_id']],
      [4, ['count']],
      [5, ['count']],
      [6, ['material_type']],
      [7, ['keywords']],
    ]);
    expect(r.rows.find((x) => x.row === 4)!.errors[0]!.message).toContain('"two" is not a whole number ≥ 1');
  });

  it('merges valid rows: an item replaces the one with its id, new ids are appended, the notice is kept', async () => {
    const r = await importCatalogRows(path.join(examples, 'example-import.csv'), current, 'merge');
    expect(r.rows.every((x) => x.status === 'ok')).toBe(true);
    expect(r.services).toBe(2);
    const ids = r.catalog!.services.map((s) => s.id);
    expect(ids.slice(0, current.services.length)).toEqual(current.services.map((s) => s.id));
    expect(ids.length).toBe(current.services.length + 2);
    expect(r.catalog!.notice).toEqual(current.notice);
  });

  it('reads XLSX with the same columns and catches contradictions and names used by another service', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('catalog');
    const header = ['service_id', 'service_name', 'service_name_en', 'aliases', 'department', 'material_id', 'material_name', 'material_name_en', 'material_type', 'required', 'keywords', 'count'];
    ws.addRow(header);
    ws.addRow(['pet-licence', '宠物登记', 'Pet licence', '开餐馆', '某局 Some Bureau', 'form', '申请表', 'Form', 'application_form', '是', '', 1]);
    ws.addRow(['pet-licence', '宠物登记改', '', '', '', 'photo', '照片', 'Photo', 'generic', 'yes', '照片', 2]);
    ws.addRow(['pet-licence', '', '', '', '', 'form', '申请表', 'Form', 'application_form', 'maybe', '', '']);
    const file = path.join(tempDir(), 'catalog.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await importCatalogRows(file, current, 'merge');
    const byRow = Object.fromEntries(r.rows.map((x) => [x.row, x.errors.map((e) => `${e.column}: ${e.message}`)]));
    expect(byRow[2]!.join()).toMatch(/aliases: name "开餐馆" is already used by food-business-licence/);
    expect(byRow[3]!.join()).toMatch(/service_name: "宠物登记改" contradicts the service's first row \(row 2\)/);
    expect(byRow[4]!.join()).toMatch(/duplicate material id "form"/);
    expect(byRow[4]!.join()).toMatch(/required: "maybe" is not a boolean/);
    expect(r.catalog).toBeUndefined();
  });

  it('refuses files that are not CSV or XLSX, and a header without the required columns', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'x');
    await expect(importCatalogRows(path.join(dir, 'a.txt'), current, 'merge')).rejects.toThrow(/\.csv or \.xlsx/);
    fs.writeFileSync(path.join(dir, 'b.csv'), 'service_id,name\nx,y\n');
    await expect(importCatalogRows(path.join(dir, 'b.csv'), current, 'merge')).rejects.toThrow(/lacks the column\(s\) material_id/);
  });
});
