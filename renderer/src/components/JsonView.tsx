/** Pretty-printed JSON in a scrollable block. */
export function JsonView({ value, testId, label }: { value: unknown; testId?: string; label?: string }) {
  let text: string;
  try {
    text = JSON.stringify(value, null, 2) ?? 'undefined';
  } catch {
    text = String(value);
  }
  return (
    <pre className="json-view" data-testid={testId} aria-label={label} tabIndex={0}>
      {text}
    </pre>
  );
}
