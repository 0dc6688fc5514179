/**
 * Small, conservative clean-ups of a recognised line where the recogniser's classes are visually the same:
 * - a run of colon forms (":∶") is one colon.
 * - full-width ASCII forms (U+FF01–FF5E, the ideographic space) next to ASCII letters or digits are written
 *   half-width ("No.：933" → "No.:933"); between Chinese characters they are kept ("姓名：张三").
 * - digit 0 inside an otherwise alphabetic word is the letter O ("0ct" → "Oct"), and O, I or l inside an otherwise
 *   numeric run are 0 and 1 ("2O26" → "2026"). Mixed codes (two or more letters and digits, like "MA2AYF6L02") are
 *   left alone.
 */
export function fixLine(text: string): string {
  return fixConfusables(halfWidthNearAscii(collapseColons(text)));
}

/** A colon read twice in different forms (":∶", "：:"), a common recogniser stutter, is one colon. */
export function collapseColons(text: string): string {
  return text.replace(/([:：∶])[:：∶]+/g, '$1');
}

const isAsciiAlnum = (c: string | undefined): boolean => !!c && /[A-Za-z0-9]/.test(c);

export function halfWidthNearAscii(text: string): string {
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const code = c.codePointAt(0)!;
    const full = (code >= 0xff01 && code <= 0xff5e) || code === 0x3000;
    if (!full) continue;
    const half = code === 0x3000 ? ' ' : String.fromCodePoint(code - 0xfee0);
    // Full-width letters and digits are always ASCII ones; punctuation only next to ASCII.
    if (isAsciiAlnum(half) || isAsciiAlnum(chars[i - 1]) || isAsciiAlnum(chars[i + 1]) || chars[i + 1] === ' ') chars[i] = half;
  }
  return chars.join('');
}

export function fixConfusables(text: string): string {
  return text.replace(/[A-Za-z0-9]{3,}/g, (word) => {
    const letters = word.replace(/[^A-Za-z]/g, '');
    const digits = word.replace(/[^0-9]/g, '');
    if (/^0+$/.test(digits) && letters.length >= 2) {
      // A word of letters with zeros in it.
      return [...word]
        .map((c, i) => {
          if (c !== '0') return c;
          // Capital at the start of a word or among capitals, small next to small letters.
          const lower = (s: string | undefined): boolean => !!s && /[a-z]/.test(s);
          return i > 0 && (lower(word[i - 1]) || lower(word[i + 1])) ? 'o' : 'O';
        })
        .join('');
    }
    if (letters.length === 1 && /^[OIl]$/.test(letters) && digits.length >= 3) {
      // A number with one look-alike letter in it.
      return word.replace(/O/g, '0').replace(/[Il]/g, '1');
    }
    return word;
  });
}

/**
 * fixLine() that keeps each character's position (`at`, one per code point): trimming and collapsed colons drop
 * the positions of the characters they drop; the other fixes replace characters one for one. Positions are left
 * out when the text's length changed in a way that cannot be followed.
 */
export function fixLineAt(raw: string, at: readonly number[] | undefined): { text: string; at?: number[] } {
  const chars = [...raw];
  if (!at || at.length !== chars.length) return { text: fixLine(raw.trim()) };
  const keptChars: string[] = [];
  const keptAt: number[] = [];
  chars.forEach((ch, i) => {
    const prev = keptChars[keptChars.length - 1];
    if (/[:：∶]/.test(ch) && prev && /[:：∶]/.test(prev)) return; // collapseColons
    keptChars.push(ch);
    keptAt.push(at[i]!);
  });
  while (keptChars.length && /\s/.test(keptChars[0]!)) {
    keptChars.shift();
    keptAt.shift();
  }
  while (keptChars.length && /\s/.test(keptChars[keptChars.length - 1]!)) {
    keptChars.pop();
    keptAt.pop();
  }
  const joined = keptChars.join('');
  const text = fixConfusables(halfWidthNearAscii(joined));
  return [...text].length === keptAt.length ? { text, at: keptAt } : { text };
}
