/**
 * Catalog import from CSV (csv-parse) or XLSX (exceljs, first worksheet): one row per material, service columns on
 * the service's first row (knowledge-graph/catalog/README.md, "Importing from CSV or XLSX"). Every row is checked
 * and every problem reported with its row number (header = row 1) and column; nothing is written when any row fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  CatalogServiceEntry,
  ChannelCode,
  DocumentType,
  HubError,
  MaterialForm,
  type KgImportRow,
  type ServiceCatalogFile,
} from '../../../../common/contract/index.js';
import { normalizeKey } from '../text/normalize.js';

type Cells = Record<string, string>;

const SERVICE_COLS = [
  'service_name',
  'service_name_en',
  'aliases',
  'department',
  'basis',
  'audience',
  'conditions',
  'conditions_en',
  'time_limit_days',
  'working_days',
  'statutory_days',
  'time_limit_note',
  'fee',
  'fee_en',
  'channels',
] as const;
const REQUIRED_HEADER = ['service_id', 'material_id', 'material_name', 'material_name_en', 'material_type', 'required'];
const ID = /^[a-z0-9-]+$/;

async function readRows(file: string): Promise<{ header: string[]; rows: Cells[] }> {
  const ext = path.extname(file).toLowerCase();
  if (!fs.existsSync(file)) throw new HubError('NOT_FOUND', `file not found: ${file}`);
  if (ext === '.csv') {
    let records: string[][];
    try {
      records = parseCsv(fs.readFileSync(file), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (err) {
      throw new HubError('BAD_REQUEST', `${path.basename(file)} is not valid CSV: ${(err as Error).message}`);
    }
    const [header = [], ...body] = records;
    const h = header.map((c) => c.trim());
    return { header: h, rows: body.map((r) => Object.fromEntries(h.map((c, i) => [c, (r[i] ?? '').trim()]))) };
  }
  if (ext === '.xlsx') {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.readFile(file);
    } catch (err) {
      throw new HubError('BAD_REQUEST', `${path.basename(file)} is not a readable XLSX workbook: ${(err as Error).message}`);
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new HubError('BAD_REQUEST', `${path.basename(file)} has no worksheet`);
    const cell = (v: unknown): string => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'object' && v && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
      if (typeof v === 'object' && v && 'text' in v) return String((v as { text: unknown }).text);
      if (typeof v === 'object' && v && 'result' in v) return String((v as { result: unknown }).result ?? '');
      return String(v);
    };
    const header: string[] = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (c, col) => (header[col - 1] = cell(c.value).trim()));
    const rows: Cells[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      rows.push(Object.fromEntries(header.map((h, i) => [h, cell(row.getCell(i + 1).value).trim()])));
    }
    return { header, rows };
  }
  throw new HubError('BAD_REQUEST', `catalog import reads .csv or .xlsx files, not "${ext || path.basename(file)}"`);
}

const BOOL: Record<string, boolean> = { true: true, yes: true, 是: true, '1': true, false: false, no: false, 否: false, '0': false };
const list = (s: string | undefined): string[] => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []);

interface Building {
  firstRow: number;
  cells: Cells;
  materials: CatalogServiceEntry['materials'];
}

export interface CatalogImportOutcome {
  rows: KgImportRow[];
  /** The merged catalog when every row is fine. */
  catalog?: ServiceCatalogFile;
  services: number;
}

/** Checks and assembles the import; merges it into `current` (an item replaces the one with its id; new ids are appended). */
export async function importCatalogRows(file: string, current: ServiceCatalogFile | undefined, mode: 'merge' | 'replace'): Promise<CatalogImportOutcome> {
  const { header, rows } = await readRows(file);
  const missingCols = REQUIRED_HEADER.filter((c) => !header.includes(c));
  if (missingCols.length) throw new HubError('BAD_REQUEST', `${path.basename(file)}: the header (row 1) lacks the column(s) ${missingCols.join(', ')}`);
  const report: KgImportRow[] = [];
  const services = new Map<string, Building>();
  rows.forEach((cells, i) => {
    const row = i + 2;
    if (Object.values(cells).every((v) => !v)) return; // blank line
    const errors: KgImportRow['errors'] = [];
    const err = (column: string | null, message: string) => errors.push({ column, message });
    const sid = cells.service_id ?? '';
    if (!sid) err('service_id', 'missing: every row names its service');
    else if (!ID.test(sid)) err('service_id', `"${sid}" is not lower-case kebab-case (a-z, 0-9, -)`);
    const bool = (col: string, required: boolean): boolean | undefined => {
      const v = cells[col] ?? '';
      if (!v) {
        if (required) err(col, 'missing');
        return undefined;
      }
      const b = BOOL[v.toLowerCase()];
      if (b === undefined) err(col, `"${v}" is not a boolean (true/false, yes/no, 是/否, 1/0)`);
      return b;
    };
    const int = (col: string, min: number): number | undefined => {
      const v = cells[col] ?? '';
      if (!v) return undefined;
      if (!/^\d+$/.test(v) || Number(v) < min) {
        err(col, `"${v}" is not a whole number ≥ ${min}`);
        return undefined;
      }
      return Number(v);
    };
    let b: Building | undefined;
    if (sid && ID.test(sid)) {
      b = services.get(sid);
      if (!b) {
        b = { firstRow: row, cells, materials: [] };
        services.set(sid, b);
        for (const c of ['service_name', 'service_name_en', 'department']) if (!cells[c]) err(c, `missing on the first row of ${sid}`);
        for (const a of list(cells.audience)) if (a !== 'individual' && a !== 'enterprise') err('audience', `unknown audience "${a}" (individual, enterprise)`);
        for (const c of list(cells.channels)) if (!ChannelCode.safeParse(c).success) err('channels', `unknown channel code "${c}" (${ChannelCode.options.join(', ')})`);
        if (cells.conditions_en && list(cells.conditions_en).length !== list(cells.conditions).length)
          err('conditions_en', `${list(cells.conditions_en).length} entries, but conditions has ${list(cells.conditions).length}`);
        int('time_limit_days', 0);
        int('statutory_days', 0);
        if (cells.time_limit_days) bool('working_days', true);
      } else {
        for (const c of SERVICE_COLS) {
          const v = cells[c] ?? '';
          if (v && v !== (b.cells[c] ?? '')) err(c, `"${v}" contradicts the service's first row (row ${b.firstRow}): "${b.cells[c] ?? ''}"`);
        }
      }
    }
    const mid = cells.material_id ?? '';
    if (!mid) err('material_id', 'missing');
    else if (!ID.test(mid)) err('material_id', `"${mid}" is not lower-case kebab-case (a-z, 0-9, -)`);
    else if (b?.materials.some((m) => m.id === mid)) err('material_id', `duplicate material id "${mid}" in ${sid}`);
    for (const c of ['material_name', 'material_name_en']) if (!cells[c]) err(c, 'missing');
    const type = cells.material_type ?? '';
    if (!type) err('material_type', 'missing');
    else if (!DocumentType.safeParse(type).success) err('material_type', `unknown material type "${type}" (${DocumentType.options.join(', ')})`);
    const required = bool('required', true);
    const mustBeValid = bool('must_be_valid', false);
    const keywords = list(cells.keywords);
    if (type === 'generic' && !keywords.length) err('keywords', 'a generic material needs keywords that identify the document');
    const form = cells.form ?? '';
    if (form && !MaterialForm.safeParse(form).success) err('form', `unknown form "${form}" (${MaterialForm.options.join(', ')})`);
    const count = int('count', 1);
    const needsSeal = bool('needs_seal', false);
    const needsSignature = bool('needs_signature', false);
    if (!errors.length && b) {
      b.materials.push({
        id: mid,
        name: cells.material_name!,
        nameEn: cells.material_name_en!,
        type: type as CatalogServiceEntry['materials'][number]['type'],
        required: required!,
        mustBeValid: mustBeValid ?? false,
        keywords,
        form: (form || 'original') as CatalogServiceEntry['materials'][number]['form'],
        count: count ?? 1,
        needsSeal: needsSeal ?? false,
        needsSignature: needsSignature ?? false,
        ...(cells.material_note ? { note: cells.material_note } : {}),
      });
    }
    report.push({ row, service: sid || null, status: errors.length ? 'error' : 'ok', errors });
  });

  const imported: CatalogServiceEntry[] = [];
  for (const [id, b] of services) {
    const c = b.cells;
    const conditionsEn = list(c.conditions_en);
    const candidate = {
      id,
      name: c.service_name,
      nameEn: c.service_name_en,
      aliases: list(c.aliases),
      department: c.department,
      basis: list(c.basis),
      ...(c.audience ? { audience: list(c.audience) } : {}),
      conditions: list(c.conditions).map((zh, i) => ({ zh, ...(conditionsEn[i] ? { en: conditionsEn[i] } : {}) })),
      ...(c.time_limit_days
        ? {
            timeLimit: {
              days: Number(c.time_limit_days),
              workingDays: BOOL[(c.working_days ?? '').toLowerCase()] ?? true,
              ...(c.statutory_days ? { statutoryDays: Number(c.statutory_days), statutoryWorkingDays: BOOL[(c.working_days ?? '').toLowerCase()] ?? true } : {}),
              ...(c.time_limit_note ? { note: c.time_limit_note } : {}),
            },
          }
        : {}),
      ...(c.fee ? { fee: c.fee } : {}),
      ...(c.fee_en ? { feeEn: c.fee_en } : {}),
      channels: list(c.channels),
      materials: b.materials,
    };
    const parsed = CatalogServiceEntry.safeParse(candidate);
    if (parsed.success && b.materials.some((m) => m.required)) imported.push(parsed.data);
    else {
      const first = report.find((r) => r.row === b.firstRow)!;
      if (first.status === 'ok' || !first.errors.length) {
        const msgs = parsed.success ? ['no required material'] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
        first.status = 'error';
        for (const m of msgs) first.errors.push({ column: null, message: `service ${id}: ${m}` });
      }
    }
  }

  // Names and aliases must stay unique across the merged catalog.
  const kept = mode === 'replace' ? [] : (current?.services ?? []).filter((s) => !services.has(s.id));
  const owners = new Map<string, string>();
  for (const s of kept) for (const n of [s.name, s.nameEn, ...s.aliases]) owners.set(normalizeKey(n), s.id);
  for (const s of imported) {
    for (const n of [s.name, s.nameEn, ...s.aliases]) {
      const key = normalizeKey(n);
      const owner = owners.get(key);
      if (owner && owner !== s.id) {
        const first = report.find((r) => r.row === services.get(s.id)!.firstRow)!;
        first.status = 'error';
        first.errors.push({ column: n === s.name ? 'service_name' : n === s.nameEn ? 'service_name_en' : 'aliases', message: `name "${n}" is already used by ${owner}` });
      }
      owners.set(key, s.id);
    }
  }
  const failed = report.filter((r) => r.status === 'error').length;
  if (failed || !imported.length) return { rows: report, services: 0 };
  const merged = [...(mode === 'replace' ? [] : (current?.services ?? []).map((s) => imported.find((x) => x.id === s.id) ?? s)), ...imported.filter((s) => mode === 'replace' || !(current?.services ?? []).some((x) => x.id === s.id))];
  return { rows: report, services: imported.length, catalog: { schemaVersion: 1, ...(current?.notice ? { notice: current.notice } : {}), services: merged } };
}
