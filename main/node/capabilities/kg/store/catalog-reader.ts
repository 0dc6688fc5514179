/**
 * The service catalog read straight from a graph file (read-only, no engine): pre-review's picker and checks need
 * the catalog, not jieba, OpenCC or the vector index, so they do not wait for the engine to open.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { CatalogServiceEntry, ServiceCatalogFile } from '../../../../common/contract/index.js';
import { electronNativeBinding } from '../../../store/sqlite.js';

export function readCatalogFromGraph(file: string): ServiceCatalogFile | undefined {
  if (!fs.existsSync(file)) return undefined;
  const nativeBinding = electronNativeBinding();
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = db.prepare("SELECT props FROM entities WHERE type = 'service'").all() as { props: string }[];
    if (!rows.length) return undefined;
    const items = rows.map((r) => JSON.parse(r.props) as { item: CatalogServiceEntry; order: number; notice: ServiceCatalogFile['notice'] | null });
    items.sort((a, b) => a.order - b.order);
    const notice = items.find((i) => i.notice)?.notice;
    return { schemaVersion: 1, ...(notice ? { notice } : {}), services: items.map((i) => i.item) };
  } catch {
    return undefined; // not a graph yet (being created) or from another version: the caller falls back to the file
  } finally {
    db?.close();
  }
}
