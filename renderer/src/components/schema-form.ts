/**
 * Turns a capability's JSON input schema into form fields, for simple shapes only: an object whose properties are
 * strings (textarea, or a select for a string enum), numbers/integers, booleans, arrays of enum values (checkboxes)
 * or arrays of strings (one per line). Anything else returns null and the console offers raw JSON instead.
 */
export type JsonSchema = Record<string, unknown>;

export type FieldKind = 'text' | 'select' | 'number' | 'integer' | 'boolean' | 'checkboxes' | 'lines';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  title?: string;
  description?: string;
  options?: string[];
  maxLength?: number;
  default?: unknown;
}

export type FieldValue = string | boolean | string[];
export type FormValues = Record<string, FieldValue>;

const isObj = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOf(s: JsonSchema): string | undefined {
  const t = s.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) {
    const nonNull = t.filter((x) => x !== 'null');
    return nonNull.length === 1 && typeof nonNull[0] === 'string' ? nonNull[0] : undefined;
  }
  if (Array.isArray(s.enum)) return 'string';
  return undefined;
}

function stringEnum(s: JsonSchema): string[] | undefined {
  if (!Array.isArray(s.enum) || s.enum.length === 0) return undefined;
  return s.enum.every((v) => typeof v === 'string') ? (s.enum as string[]) : undefined;
}

function fieldOf(name: string, s: JsonSchema, required: boolean): FieldSpec | null {
  const base = {
    name,
    required,
    ...(typeof s.title === 'string' ? { title: s.title } : {}),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    ...(s.default !== undefined ? { default: s.default } : {}),
  };
  const t = typeOf(s);
  if (t === 'string') {
    const options = stringEnum(s);
    if (Array.isArray(s.enum) && !options) return null;
    if (options) return { ...base, kind: 'select', options };
    return { ...base, kind: 'text', ...(typeof s.maxLength === 'number' ? { maxLength: s.maxLength } : {}) };
  }
  if (t === 'number' || t === 'integer') return { ...base, kind: t };
  if (t === 'boolean') return { ...base, kind: 'boolean' };
  if (t === 'array' || (t === undefined && isObj(s.items))) {
    if (!isObj(s.items)) return null;
    const options = stringEnum(s.items);
    if (options) return { ...base, kind: 'checkboxes', options };
    if (typeOf(s.items) === 'string' && !Array.isArray(s.items.enum)) return { ...base, kind: 'lines' };
    return null;
  }
  return null;
}

export function analyseSchema(schema: JsonSchema): FieldSpec[] | null {
  if (typeOf(schema) !== 'object' && !isObj(schema.properties)) return null;
  const props = schema.properties;
  if (!isObj(props)) return null;
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((x) => typeof x === 'string') : []);
  const fields: FieldSpec[] = [];
  for (const [name, s] of Object.entries(props)) {
    if (!isObj(s)) return null;
    const f = fieldOf(name, s, required.has(name));
    if (!f) return null;
    fields.push(f);
  }
  // A required property the form cannot show would make every submission fail.
  for (const r of required) if (!(r in props)) return null;
  return fields.length ? fields : null;
}

export function initialValues(fields: FieldSpec[]): FormValues {
  const v: FormValues = {};
  for (const f of fields) {
    const d = f.default;
    switch (f.kind) {
      case 'boolean':
        v[f.name] = d === true;
        break;
      case 'checkboxes':
        v[f.name] = Array.isArray(d) ? d.filter((x): x is string => typeof x === 'string') : [];
        break;
      case 'lines':
        v[f.name] = Array.isArray(d) ? d.join('\n') : '';
        break;
      case 'select':
        v[f.name] = typeof d === 'string' ? d : f.required ? (f.options?.[0] ?? '') : '';
        break;
      default:
        v[f.name] = d === undefined || d === null ? '' : String(d);
    }
  }
  return v;
}

/**
 * The capability input for the form's values. Empty optional fields are left out. A number field that does not
 * parse is sent as typed, so the hub's validation names the problem (the console adds no rules of its own).
 */
export function valuesToInput(fields: FieldSpec[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    switch (f.kind) {
      case 'text':
        if (typeof v === 'string' && (v !== '' || f.required)) out[f.name] = v;
        break;
      case 'select':
        if (typeof v === 'string' && v !== '') out[f.name] = v;
        break;
      case 'number':
      case 'integer': {
        if (typeof v !== 'string' || v.trim() === '') break;
        const n = Number(v);
        out[f.name] = Number.isFinite(n) ? n : v;
        break;
      }
      case 'boolean':
        if (typeof v === 'boolean' && (v || f.required || f.default !== undefined)) out[f.name] = v;
        break;
      case 'checkboxes':
        if (Array.isArray(v) && (v.length > 0 || f.required)) out[f.name] = f.options ? f.options.filter((o) => v.includes(o)) : v;
        break;
      case 'lines': {
        const lines = typeof v === 'string' ? v.split('\n').map((s) => s.trim()).filter(Boolean) : [];
        if (lines.length > 0 || f.required) out[f.name] = lines;
        break;
      }
    }
  }
  return out;
}

/** Form values for a JSON input, or null when the input does not fit the form (then raw JSON stays on). */
export function inputToValues(fields: FieldSpec[], input: unknown): FormValues | null {
  if (!isObj(input)) return null;
  const names = new Set(fields.map((f) => f.name));
  if (Object.keys(input).some((k) => !names.has(k))) return null;
  const v = initialValues(fields);
  for (const f of fields) {
    if (!(f.name in input)) {
      if (f.kind === 'text' || f.kind === 'number' || f.kind === 'integer') v[f.name] = '';
      continue;
    }
    const x = input[f.name];
    switch (f.kind) {
      case 'text':
      case 'select':
        if (typeof x !== 'string') return null;
        v[f.name] = x;
        break;
      case 'number':
      case 'integer':
        if (typeof x !== 'number') return null;
        v[f.name] = String(x);
        break;
      case 'boolean':
        if (typeof x !== 'boolean') return null;
        v[f.name] = x;
        break;
      case 'checkboxes':
        if (!Array.isArray(x) || !x.every((s) => typeof s === 'string' && f.options?.includes(s))) return null;
        v[f.name] = x as string[];
        break;
      case 'lines':
        if (!Array.isArray(x) || !x.every((s) => typeof s === 'string')) return null;
        v[f.name] = (x as string[]).join('\n');
        break;
    }
  }
  return v;
}
