/**
 * The plan was received with stray English glosses after single characters: 人(people)民, 的(of), 關于(At).
 * A parenthesis right after one Chinese character holding one Latin word is removed only when CC-CEDICT gives that
 * word (or a near spelling: "indivual") as a sense of the character, so real parentheses — (一), (二), (APP),
 * 浙里办(Zheliban), (see annex) — stay as they are.
 */
import { distance } from 'fastest-levenshtein';
import { sensesOfChar } from './cedict.js';
import { toSimplified } from './normalize.js';

const GLOSS = /([\u3400-\u9fff\uf900-\ufaff])[(（]([A-Za-z]{1,20})[)）]/g;

function senseWords(ch: string): Set<string> {
  const words = new Set<string>();
  // Variant characters (爲) have only "variant of 為" as a sense: their simplified form (为) carries the senses.
  for (const sense of [...sensesOfChar(ch), ...sensesOfChar(toSimplified(ch))]) for (const w of sense.split(/[^a-z']+/)) if (w) words.add(w);
  return words;
}

/** True when `word` glosses `ch` according to CC-CEDICT (exact word of a sense, or within 2 edits for longer words). */
export function isGloss(ch: string, word: string): boolean {
  // Acronyms (APP, PDF, AI) are real content, never glosses.
  if (word.length >= 2 && word === word.toUpperCase()) return false;
  const w = word.toLowerCase();
  const words = senseWords(ch);
  if (words.has(w)) return true;
  if (w.length < 5) return false;
  for (const s of words) if (Math.abs(s.length - w.length) <= 2 && distance(s, w) <= 2) return true;
  return false;
}

/** The text without inline glosses; everything else untouched. */
export function stripGlosses(text: string): string {
  return text.replace(GLOSS, (m, ch: string, word: string) => (isGloss(ch, word) ? ch : m));
}
