// Example plugin: masks personal data in text. Plain JavaScript (ES module), no dependencies; see docs/plugins.md.

/** Patterns per kind. Digits next to the match are excluded so parts of longer numbers are not taken. */
const PATTERNS = {
  // GB 11643 resident ID: 17 digits and a digit or X; 15-digit first-generation numbers too.
  id_number: /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g,
  // Mainland mobile numbers (optionally +86) and landlines with an area code (0571-87654321).
  phone: /(?<![\d])((?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}-\d{7,8})(?!\d)/g,
  // Starts only where a run of address characters starts: without the lookbehind every position inside a long
  // run was tried again, quadratic in its length (a 1 MB word took hours).
  email: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
};

function maskMiddle(s, keepStart, keepEnd) {
  if (s.length <= keepStart + keepEnd) return '*'.repeat(s.length);
  return s.slice(0, keepStart) + '*'.repeat(s.length - keepStart - keepEnd) + s.slice(s.length - keepEnd);
}

const MASKERS = {
  id_number: (s) => maskMiddle(s, 6, 4), // 330106********301X: region kept, birth date and sequence hidden
  phone: (s) => {
    const digits = s.replace(/^\+?86[- ]?/, '');
    const prefix = s.slice(0, s.length - digits.length);
    if (digits.startsWith('0')) {
      const [area, num] = digits.split('-');
      return `${prefix}${area}-${maskMiddle(num, 0, 4)}`;
    }
    return prefix + maskMiddle(digits, 3, 4); // 138****5678
  },
  email: (s) => {
    const at = s.indexOf('@');
    return s[0] + '***' + s.slice(at);
  },
};

export function maskText(text, kinds = Object.keys(PATTERNS)) {
  const hits = [];
  for (const kind of kinds) {
    for (const m of text.matchAll(PATTERNS[kind])) {
      hits.push({ kind, start: m.index, end: m.index + m[0].length, original: m[0] });
    }
  }
  // Earlier and longer matches win where kinds overlap (an 18-digit ID contains digits that look like a phone).
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  for (const h of hits) if (!kept.length || h.start >= kept[kept.length - 1].end) kept.push(h);

  let out = '';
  let pos = 0;
  const found = [];
  for (const h of kept) {
    const masked = MASKERS[h.kind](h.original);
    out += text.slice(pos, h.start) + masked;
    pos = h.end;
    found.push({ kind: h.kind, start: h.start, end: h.end, masked });
  }
  return { text: out + text.slice(pos), found };
}

export function activate(api) {
  api.handle('pii.mask', async ({ text, kinds }) => maskText(text, kinds));
}
