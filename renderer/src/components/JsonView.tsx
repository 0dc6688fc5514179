/** File bytes (a FileSource's `base64`) are shown by their size only: they can be megabytes of text. */
function replacer(key: string, value: unknown): unknown {
  if (key === 'base64' && typeof value === 'string' && value.length > 120) {
    const bytes = Math.floor((value.length * 3) / 4);
    return `<${bytes.toLocaleString('en')} bytes, base64 not shown>`;
  }
  return value;
}

/** Pretty-printed JSON in a scrollable block. */
export function JsonView({ value, testId, label }: { value: unknown; testId?: string; label?: string }) {
  let text: string;
  try {
    text = JSON.stringify(value, replacer, 2) ?? 'undefined';
  } catch {
    text = String(value);
  }
  return (
    <pre className="json-view" data-testid={testId} aria-label={label} tabIndex={0}>
      {text}
    </pre>
  );
}
