import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HubError, ServiceCatalog } from '../../../main/common/contract/index.js';
import {
  defaultCatalogPath,
  findService,
  loadCatalog,
  lookupService,
  normalizeServiceName,
  parseCatalog,
  suggestServices,
} from '../../../main/node/capabilities/prereview/index.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';

afterAll(() => cleanupTempDirs());

const catalog = loadCatalog();

function notFound(query: string): HubError {
  try {
    findService(catalog, query);
  } catch (err) {
    expect(err).toBeInstanceOf(HubError);
    return err as HubError;
  }
  throw new Error(`expected NOT_FOUND for ${query}`);
}

describe('service catalog', () => {
  it('is knowledge-graph/catalog/services.json and passes the contract schema', () => {
    expect(defaultCatalogPath().endsWith(path.join('knowledge-graph', 'catalog', 'services.json'))).toBe(true);
    const raw = JSON.parse(fs.readFileSync(defaultCatalogPath(), 'utf8'));
    expect(ServiceCatalog.safeParse(raw).success).toBe(true);
    const ids = catalog.services.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining(['company-establishment', 'individual-business-registration', 'food-business-licence', 'resident-id-renewal']),
    );
  });

  it('gives every service typed materials, required flags and validity rules', () => {
    for (const s of catalog.services) {
      expect(s.name).toMatch(/[\u4e00-\u9fff]/);
      expect(s.nameEn).toMatch(/^[A-Z]/);
      expect(s.department).not.toBe('');
      expect(s.materials.some((m) => m.required)).toBe(true);
      for (const m of s.materials) {
        if (m.type === 'generic') expect(m.keywords.length, `${s.id}/${m.id} keywords`).toBeGreaterThan(0);
      }
    }
    const company = findService(catalog, 'company-establishment');
    const types = company.materials.filter((m) => m.required).map((m) => m.type);
    expect(types).toEqual(expect.arrayContaining(['application_form', 'id_card_front', 'id_card_back', 'generic']));
    expect(company.materials.find((m) => m.type === 'id_card_back')!.mustBeValid).toBe(true);
    // a renewal takes the old card even when it has expired
    expect(findService(catalog, 'resident-id-renewal').materials.every((m) => !m.mustBeValid)).toBe(true);
    expect(findService(catalog, 'food-business-licence').materials.find((m) => m.type === 'business_license')).toMatchObject({
      required: true,
      mustBeValid: true,
    });
  });

  it('finds a service by id, Chinese or English name and alias', () => {
    expect(findService(catalog, 'company-establishment').id).toBe('company-establishment');
    expect(findService(catalog, '企业设立登记').id).toBe('company-establishment');
    expect(findService(catalog, 'Company establishment registration').id).toBe('company-establishment');
    expect(findService(catalog, '企业开办').id).toBe('company-establishment');
    expect(findService(catalog, '个体工商户设立登记').id).toBe('individual-business-registration');
    expect(findService(catalog, '食品经营许可证').id).toBe('food-business-licence');
    expect(findService(catalog, '身份证换领').id).toBe('resident-id-renewal');
  });

  it('matches names normalised: case, spaces, full-width forms, traditional characters, punctuation', () => {
    expect(findService(catalog, 'company ESTABLISHMENT registration').id).toBe('company-establishment');
    expect(findService(catalog, '  企业 设立 登记 ').id).toBe('company-establishment');
    expect(findService(catalog, 'ｃｏｍｐａｎｙ－ｅｓｔａｂｌｉｓｈｍｅｎｔ').id).toBe('company-establishment');
    expect(findService(catalog, '企業設立登記').id).toBe('company-establishment');
    expect(findService(catalog, 'Food business licence.').id).toBe('food-business-licence');
    expect(normalizeServiceName('Ｆｏｏｄ Business-Licence')).toBe('foodbusinesslicence');
  });

  it('answers NOT_FOUND listing close names', () => {
    const err = notFound('食品许可');
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain('食品许可');
    expect(err.message).toContain('食品经营许可');
    const details = err.details as { query: string; suggestions: Array<{ id: string }> };
    expect(details.query).toBe('食品许可');
    expect(details.suggestions[0]!.id).toBe('food-business-licence');

    expect((notFound('身份证更换').details as { suggestions: Array<{ id: string }> }).suggestions[0]!.id).toBe('resident-id-renewal');
    expect((notFound('身份证补发').details as { suggestions: Array<{ id: string }> }).suggestions[0]!.id).toBe('resident-id-loss-replacement');
    expect(suggestServices(catalog, 'company registraton')[0]!.id).toBe('company-establishment');
  });

  it('lists the available services when nothing is close', () => {
    const err = notFound('xyzzy');
    expect(err.message).toContain('Available');
    expect((err.details as { suggestions: unknown[] }).suggestions.length).toBe(Math.min(10, catalog.services.length));
    expect(lookupService(catalog, '')).toBeUndefined();
  });

  it('refuses invalid catalogs with a reason', () => {
    const good = JSON.parse(fs.readFileSync(defaultCatalogPath(), 'utf8'));
    expect(() => parseCatalog({ schemaVersion: 2, services: good.services })).toThrow(/schemaVersion/);
    const badType = structuredClone(good);
    badType.services[0].materials[0].type = 'passport';
    expect(() => parseCatalog(badType)).toThrow(/materials/);
    const dupe = structuredClone(good);
    dupe.services[1].aliases.push('企业设立登记');
    expect(() => parseCatalog(dupe)).toThrow(/also used by company-establishment/);
    const dupeMaterial = structuredClone(good);
    dupeMaterial.services[0].materials.push(dupeMaterial.services[0].materials[0]);
    expect(() => parseCatalog(dupeMaterial)).toThrow(/duplicate material id/);

    const dir = tempDir();
    const file = path.join(dir, 'services.json');
    fs.writeFileSync(file, '{ not json');
    expect(() => loadCatalog(file)).toThrow(/not valid JSON/);
    expect(() => loadCatalog(path.join(dir, 'missing.json'))).toThrow(/not found/);
    fs.writeFileSync(file, JSON.stringify(good));
    expect(loadCatalog(file).services.length).toBe(good.services.length);
  });
});
