/**
 * The everyday-words thesaurus (knowledge-graph/thesaurus/): the words people ask with (老家, 吐槽, jobless) → the
 * official words the sources use for them (户籍地, 投诉, 失业). Chinese rows (zh.tsv) credit the official words for a
 * question word; English rows (en.tsv) join the en→zh bridge's lexicon. Read at build time into the graph.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EverydayEntry } from '../retrieval/everyday-words.js';
import { hasCjk, normalizeKey, normalizeText } from '../text/normalize.js';
import { readShippedTsv, shippedRowError } from './shipped-tsv.js';

export interface Thesaurus {
  zh: EverydayEntry[];
  en: EverydayEntry[];
  files: string[];
}

const HEADER = ['everyday', 'official', 'note'];
const LANGS = ['zh', 'en'] as const;

/** The thesaurus's files in a folder, by language (either may be missing). */
export function thesaurusFiles(dir: string): Record<(typeof LANGS)[number], string> {
  return { zh: path.join(dir, 'zh.tsv'), en: path.join(dir, 'en.tsv') };
}

/**
 * Reads zh.tsv and en.tsv of a folder (either may be missing). A malformed row fails the build with its file and
 * line: the thesaurus is shipped source data, and a silently dropped row would only show as a worse answer.
 */
export function readThesaurus(dir: string): Thesaurus {
  const out: Thesaurus = { zh: [], en: [], files: [] };
  const files = thesaurusFiles(dir);
  for (const lang of LANGS) {
    const file = files[lang];
    if (!fs.existsSync(file)) continue;
    out.files.push(file);
    const fail = (line: number, why: string) => shippedRowError(file, line, why);
    const seen = new Set<string>();
    for (const { cells, line } of readShippedTsv(file, HEADER)) {
      const everyday = normalizeText(cells[0]!);
      const official = [...new Set(cells[1]!.split('|').map((o) => normalizeKey(o)).filter(Boolean))];
      if (!everyday || !official.length) throw fail(line, 'the everyday word and at least one official word are required');
      if (lang === 'zh' ? !hasCjk(everyday) : hasCjk(everyday)) throw fail(line, lang === 'zh' ? 'a Chinese everyday word is expected' : 'an English everyday word is expected');
      if (official.some((o) => !hasCjk(o))) throw fail(line, 'official words are the Chinese words of the sources');
      if (seen.has(everyday)) throw fail(line, `"${cells[0]}" is listed twice (join its official words with |)`);
      seen.add(everyday);
      out[lang].push({ everyday: lang === 'zh' ? everyday.replace(/\s+/g, '') : everyday, official });
    }
  }
  return out;
}
