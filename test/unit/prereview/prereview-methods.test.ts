import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PrereviewServices } from '../../../main/common/contract/index.js';
import { defaultCatalogPath, loadCatalog } from '../../../main/node/capabilities/prereview/index.js';
import { prereviewMethods } from '../../../main/node/capabilities/prereview/prereview-methods.js';
import { Api } from '../../../main/node/hub/api.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';

afterAll(() => cleanupTempDirs());

describe('prereview.services', () => {
  it('lists every catalog service with its materials, in catalog order, through the validating dispatcher', async () => {
    const api = new Api();
    api.provide(prereviewMethods());
    const list = await api.call('prereview.services');
    expect(PrereviewServices.safeParse(list).success).toBe(true);
    const catalog = loadCatalog();
    expect(list.map((s) => s.id)).toEqual(catalog.services.map((s) => s.id));
    const company = list.find((s) => s.id === 'company-establishment')!;
    expect(company).toMatchObject({ name: '企业设立登记', nameEn: 'Company establishment registration' });
    expect(company.materials.find((m) => m.id === 'application-form')).toEqual({
      id: 'application-form',
      name: '公司登记（备案）申请书',
      nameEn: 'Company registration (filing) application form',
      type: 'application_form',
      required: true,
      mustBeValid: false,
    });
    // Catalog-only details (keywords, legal basis) stay in the hub.
    expect(JSON.stringify(list)).not.toContain('keywords');
  });

  it('follows the catalog file when it changes, and reports a missing one as UNAVAILABLE', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'services.json');
    const raw = JSON.parse(fs.readFileSync(defaultCatalogPath(), 'utf8')) as { services: unknown[] };
    fs.writeFileSync(file, JSON.stringify({ ...raw, services: raw.services.slice(0, 1) }));
    const api = new Api();
    api.provide(prereviewMethods(file));
    expect((await api.call('prereview.services')).map((s) => s.id)).toEqual(['company-establishment']);
    fs.writeFileSync(file, JSON.stringify(raw));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect((await api.call('prereview.services')).length).toBe(raw.services.length);

    const missing = new Api();
    missing.provide(prereviewMethods(path.join(dir, 'nope.json')));
    await expect(missing.call('prereview.services')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
