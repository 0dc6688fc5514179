/**
 * Plugin JSON Schemas run their `pattern`s on every input, in the hub process: a pattern with catastrophic
 * backtracking (`(a+)+$`, `(a|a)*`, `(\d*)*`) could freeze the hub with one crafted string. Before a schema is
 * compiled, every regular expression in it (pattern, patternProperties keys) is checked: no quantified group may
 * contain a quantifier or an alternation (star height 1), no back-references, at most 500 characters. This refuses
 * some harmless patterns; a plugin author can always write the same check another way. Written here because no
 * installed library does it (safe-regex / RE2 are not available offline).
 */
export function unsafePatternReason(source: string): string | undefined {
  if (source.length > 500) return 'longer than 500 characters';
  try {
    new RegExp(source, 'u');
  } catch (err) {
    return `not a valid regular expression (${(err as Error).message})`;
  }
  if (/\\[1-9]|\\k</.test(source)) return 'uses a back-reference';
  // Per open group: does it hold a quantifier or an alternation?
  const stack: { quantified: boolean; alternation: boolean }[] = [];
  let last: { quantified: boolean; alternation: boolean } | null = null; // the group that just closed
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      last = null;
      continue;
    }
    if (c === '[') {
      // skip the class (escapes inside included)
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      last = null;
      continue;
    }
    if (c === '(') {
      stack.push({ quantified: false, alternation: false });
      last = null;
      continue;
    }
    if (c === ')') {
      last = stack.pop() ?? null;
      // What a group holds, its parent holds too: ((a+)x)+ is as dangerous as (a+)+.
      const parent = stack[stack.length - 1];
      if (last && parent) {
        parent.quantified ||= last.quantified;
        parent.alternation ||= last.alternation;
      }
      continue;
    }
    if (c === '|') {
      if (stack.length) stack[stack.length - 1]!.alternation = true;
      last = null;
      continue;
    }
    const unbounded = c === '*' || c === '+' || (c === '{' && /^\{\d+,\d*\}/.test(source.slice(i)) && !/^\{(\d+),\1\}/.test(source.slice(i)));
    if (unbounded || c === '?' || c === '{') {
      if (last && unbounded && (last.quantified || last.alternation)) {
        return 'a repeated group contains a repetition or an alternative (catastrophic backtracking)';
      }
      if (unbounded && stack.length) stack[stack.length - 1]!.quantified = true;
      last = null;
      continue;
    }
    last = null;
  }
  return undefined;
}

/** Every regular expression of a JSON Schema, with where it sits. */
export function schemaPatterns(schema: unknown, at = '#'): { at: string; source: string }[] {
  const out: { at: string; source: string }[] = [];
  const walk = (v: unknown, where: string, depth: number) => {
    if (depth > 64 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${where}/${i}`, depth + 1));
    const o = v as Record<string, unknown>;
    if (typeof o.pattern === 'string') out.push({ at: `${where}/pattern`, source: o.pattern });
    if (o.patternProperties && typeof o.patternProperties === 'object') {
      for (const k of Object.keys(o.patternProperties)) out.push({ at: `${where}/patternProperties`, source: k });
    }
    if (o.format === 'regex') out.push({ at: `${where}/format`, source: '' });
    for (const [k, x] of Object.entries(o)) walk(x, `${where}/${k}`, depth + 1);
  };
  walk(schema, at, 0);
  return out.filter((p) => p.source !== '');
}

/** Throws (with the place and the reason) when a schema holds a pattern unsafe to run on inputs. */
export function vetSchemaPatterns(schema: unknown, where: string): void {
  for (const p of schemaPatterns(schema)) {
    const why = unsafePatternReason(p.source);
    if (why) throw new Error(`${where}: pattern ${JSON.stringify(p.source.slice(0, 80))} at ${p.at} is refused: ${why}`);
  }
}
