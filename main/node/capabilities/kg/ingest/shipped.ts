/**
 * The shipped sources in knowledge-graph/: the plan(s) in sources/*.txt, the service catalog, the glossary, the
 * everyday-words thesaurus, the example questions. Their hash (contents + builder version) tells a data folder's
 * graph that the shipped part is out of date.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HubError, ServiceCatalogFile } from '../../../../common/contract/index.js';
import { readGlossary } from './glossary.js';
import { exampleQuestionsFile } from './example-questions.js';
import { thesaurusFiles } from './thesaurus.js';

/** Bump when the way shipped sources are indexed changes: data folders then re-sync. */
export const BUILDER_VERSION = 'kg-builder-6'; // 2: lex_idf (general word weights); 3: English contractions and more function words out of the tokens; 4: the everyday-words thesaurus; 5: a facts passage shows its first eight aliases; 6: example questions

export interface ShippedFiles {
  root: string;
  plans: string[];
  catalog: string;
  glossaryDir: string;
  thesaurusDir: string;
  questionsDir: string;
}

export function shippedFiles(root: string): ShippedFiles {
  const sources = path.join(root, 'sources');
  const plans = fs.existsSync(sources)
    ? fs
        .readdirSync(sources)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => path.join(sources, f))
    : [];
  return { root, plans, catalog: path.join(root, 'catalog', 'services.json'), glossaryDir: path.join(root, 'glossary'), thesaurusDir: path.join(root, 'thesaurus'), questionsDir: path.join(root, 'questions') };
}

export function shippedHash(files: ShippedFiles): string {
  const h = createHash('sha256').update(BUILDER_VERSION);
  const all = [...files.plans, files.catalog, ...readGlossary(files.glossaryDir).files, ...Object.values(thesaurusFiles(files.thesaurusDir)), exampleQuestionsFile(files.questionsDir)];
  for (const f of all) if (fs.existsSync(f)) h.update(path.relative(files.root, f)).update(fs.readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

export function readCatalogFile(file: string): ServiceCatalogFile {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new HubError('INTERNAL', `service catalog ${file} cannot be read: ${(err as Error).message}`);
  }
  const r = ServiceCatalogFile.safeParse(data);
  if (!r.success) throw new HubError('INTERNAL', `invalid service catalog ${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

export const PLAN_SOURCE_PREFIX = 'plan-';
export const CATALOG_SOURCE = 'catalog';
export const GLOSSARY_SOURCE = 'glossary';
export const CATALOG_NAME = '服务事项目录 Service catalog (illustrative)';
export const GLOSSARY_NAME = '术语表 Glossary';
