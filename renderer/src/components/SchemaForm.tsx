import { useId, type KeyboardEvent } from 'react';
import { L, word } from '../i18n.js';
import type { FieldSpec, FieldValue, FormValues } from './schema-form.js';
import './SchemaForm.css';

/** Form fields generated from a capability's input schema (see schema-form.ts for the shapes it handles). */
export function SchemaForm({
  fields,
  values,
  onChange,
  onSubmitShortcut,
}: {
  fields: FieldSpec[];
  values: FormValues;
  onChange: (values: FormValues) => void;
  /** Ctrl/Cmd+Enter in a text field. */
  onSubmitShortcut?: () => void;
}) {
  const set = (name: string, v: FieldValue) => onChange({ ...values, [name]: v });
  return (
    <div className="schema-form">
      {fields.map((f) => (
        <Field key={f.name} field={f} value={values[f.name]} onChange={(v) => set(f.name, v)} onSubmitShortcut={onSubmitShortcut} />
      ))}
    </div>
  );
}

function Field({
  field: f,
  value,
  onChange,
  onSubmitShortcut,
}: {
  field: FieldSpec;
  value: FieldValue | undefined;
  onChange: (v: FieldValue) => void;
  onSubmitShortcut?: () => void;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const label = f.title ?? word(f.name);
  const hint = f.description;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && onSubmitShortcut) {
      e.preventDefault();
      onSubmitShortcut();
    }
  };
  const labelEl = (
    <label className="field-label" htmlFor={id}>
      {label}
      {label !== f.name && <code className="field-name">{f.name}</code>}
      {f.required && (
        <span className="required" title={L.required}>
          *
        </span>
      )}
    </label>
  );
  const hintEl = hint ? (
    <p className="field-hint" id={hintId}>
      {hint}
    </p>
  ) : null;
  const describedBy = hint ? hintId : undefined;

  switch (f.kind) {
    case 'text':
    case 'lines':
      return (
        <div className="field">
          {labelEl}
          {hintEl}
          <textarea
            id={id}
            className="input textarea"
            rows={f.kind === 'lines' ? 4 : f.maxLength !== undefined && f.maxLength <= 200 ? 2 : 7}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={onKeyDown}
            aria-required={f.required}
            aria-describedby={describedBy}
            placeholder={f.kind === 'lines' ? L.onePerLine : undefined}
            data-testid={`field-${f.name}`}
          />
        </div>
      );
    case 'select':
      return (
        <div className="field">
          {labelEl}
          {hintEl}
          <select
            id={id}
            className="input select"
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
            aria-describedby={describedBy}
            data-testid={`field-${f.name}`}
          >
            {!f.required && <option value="">—</option>}
            {f.options?.map((o) => (
              <option key={o} value={o}>
                {word(o)}
              </option>
            ))}
          </select>
        </div>
      );
    case 'number':
    case 'integer':
      return (
        <div className="field">
          {labelEl}
          {hintEl}
          <input
            id={id}
            className="input"
            type="text"
            inputMode={f.kind === 'integer' ? 'numeric' : 'decimal'}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
            aria-describedby={describedBy}
            data-testid={`field-${f.name}`}
          />
        </div>
      );
    case 'boolean':
      return (
        <div className="field field-inline">
          <input
            id={id}
            type="checkbox"
            className="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
            aria-describedby={describedBy}
            data-testid={`field-${f.name}`}
          />
          {labelEl}
          {hintEl}
        </div>
      );
    case 'checkboxes': {
      const selected = Array.isArray(value) ? value : [];
      return (
        <fieldset className="field fieldset" aria-describedby={describedBy} data-testid={`field-${f.name}`}>
          <legend className="field-label">
            {label}
            {label !== f.name && <code className="field-name">{f.name}</code>}
          </legend>
          {hintEl}
          <div className="checkbox-row">
            {f.options?.map((o) => (
              <label key={o} className="checkbox-label">
                <input
                  type="checkbox"
                  className="checkbox"
                  checked={selected.includes(o)}
                  onChange={(e) => onChange(e.target.checked ? [...selected, o] : selected.filter((x) => x !== o))}
                  data-testid={`field-${f.name}-${o}`}
                />
                {word(o)}
              </label>
            ))}
          </div>
          {!f.required && selected.length === 0 && <p className="field-hint">{L.noneSelectedAll}</p>}
        </fieldset>
      );
    }
  }
}
