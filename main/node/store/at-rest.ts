import { HubError } from '../../common/contract/index.js';
import { isEncrypted, type FieldCipher } from './crypto/field-cipher.js';
import { itemAad, jobAad } from './job-store.js';
import { reclaimSpace } from './retention.js';
import type { SettingsStore } from './settings-store.js';
import type { Db } from './sqlite.js';

const KEY_CHECK = 'key_check';
const KEY_CHECK_TEXT = 'intelligent-center data key';
const AT_REST = 'at_rest';

/**
 * Run at every start after the migrations:
 * - the key check: a value sealed with the data key at the first start must open, so a wrong key (another
 *   keychain, a restored key file) is refused with a clear message before anything is written with it;
 * - once per database: job rows written in clear by an earlier version are encrypted in place, then the file is
 *   rewritten (VACUUM, with secure_delete) and the WAL truncated, so no clear copy stays in free pages.
 * Returns how many values were encrypted.
 */
export function upgradeAtRest(db: Db, settings: SettingsStore, cipher: FieldCipher): number {
  const check = settings.getInternal(KEY_CHECK);
  if (check) {
    let ok: boolean;
    try {
      ok = cipher.decrypt(check, KEY_CHECK) === KEY_CHECK_TEXT;
    } catch {
      ok = false;
    }
    if (!ok) throw new HubError('UNAVAILABLE', 'the data key does not open this database (another keychain entry or key file?); nothing was changed');
  } else {
    settings.setInternal(KEY_CHECK, cipher.encrypt(KEY_CHECK_TEXT, KEY_CHECK));
  }
  if (settings.getInternal(AT_REST) === 'enc1') return 0;
  // A database from before auto_vacuum=INCREMENTAL gets it now; the VACUUM below applies it.
  const convert = (db.pragma('auto_vacuum', { simple: true }) as number) !== 2;
  if (convert) db.pragma('auto_vacuum = INCREMENTAL');

  let n = 0;
  db.transaction(() => {
    const items = db.prepare(`SELECT job_id, idx, input, output, error FROM job_items`).all() as {
      job_id: string;
      idx: number;
      input: string;
      output: string | null;
      error: string | null;
    }[];
    const upd = {
      input: db.prepare(`UPDATE job_items SET input = ? WHERE job_id = ? AND idx = ?`),
      output: db.prepare(`UPDATE job_items SET output = ? WHERE job_id = ? AND idx = ?`),
      error: db.prepare(`UPDATE job_items SET error = ? WHERE job_id = ? AND idx = ?`),
    };
    for (const r of items) {
      for (const col of ['input', 'output', 'error'] as const) {
        const v = r[col];
        if (v !== null && !isEncrypted(v)) {
          upd[col].run(cipher.encrypt(v, itemAad(col, r.job_id, r.idx)), r.job_id, r.idx);
          n++;
        }
      }
    }
    const jobs = db.prepare(`SELECT id, error FROM jobs WHERE error IS NOT NULL`).all() as { id: string; error: string }[];
    const updJob = db.prepare(`UPDATE jobs SET error = ? WHERE id = ?`);
    for (const j of jobs) {
      if (!isEncrypted(j.error)) {
        updJob.run(cipher.encrypt(j.error, jobAad(j.id)), j.id);
        n++;
      }
    }
    settings.setInternal(AT_REST, 'enc1');
  })();
  if (n > 0 || convert) reclaimSpace(db, { full: true });
  return n;
}
