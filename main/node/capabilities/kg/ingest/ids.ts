import { createHash } from 'node:crypto';
import { normalizeKey } from '../text/normalize.js';

/** Short stable ids: a readable prefix and a hash of the normalised name (names may be long and in any script). */
export const hashId = (s: string, n = 10): string => createHash('sha256').update(s).digest('hex').slice(0, n);
export const departmentId = (zh: string): string => `department:${hashId(normalizeKey(zh))}`;
export const documentId = (title: string): string => `document:${hashId(normalizeKey(title))}`;
export const termId = (zh: string): string => `term:${hashId(normalizeKey(zh))}`;
export const serviceId = (id: string): string => `service:${id}`;
export const materialId = (service: string, material: string): string => `material:${service}/${material}`;
export const sectionId = (sourceId: string, n: number): string => `section:${sourceId}/${n}`;
export const passageId = (sourceId: string, n: number): string => `${sourceId}:p${n}`;
