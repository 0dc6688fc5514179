import type { ReactNode } from 'react';
import { L, word } from '../i18n.js';
import { CopyButton } from './CopyButton.js';

interface Found {
  kind: string;
  start: number;
  end: number;
  masked: string;
}
interface PiiMaskResult {
  text: string;
  found: Found[];
}

export function isPiiMaskResult(v: unknown): v is PiiMaskResult {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as { text?: unknown; found?: unknown };
  return typeof o.text === 'string' && Array.isArray(o.found);
}

/** Marks the masked parts in the output text (found items come in order; their offsets refer to the input). */
function highlighted(text: string, found: Found[]): ReactNode[] {
  const parts: ReactNode[] = [];
  let pos = 0;
  found.forEach((f, i) => {
    const at = text.indexOf(f.masked, pos);
    if (at < 0) return;
    if (at > pos) parts.push(text.slice(pos, at));
    parts.push(
      <mark key={i} className={`masked masked-${f.kind}`} title={word(f.kind)}>
        {f.masked}
      </mark>,
    );
    pos = at + f.masked.length;
  });
  if (pos < text.length) parts.push(text.slice(pos));
  return parts;
}

/** pii.mask's output: the masked text, large, then the items found. */
export function PiiMaskOutput({ output }: { output: PiiMaskResult }) {
  return (
    <div className="pii-output">
      <div className="section-head">
        <h3 className="h3">{L.maskedText}</h3>
        <CopyButton text={output.text} testId="copy-masked" />
      </div>
      <div className="masked-text" data-testid="masked-text" tabIndex={0} aria-label={L.maskedText}>
        {highlighted(output.text, output.found)}
      </div>
      <h3 className="h3">
        {L.found} <span className="count">{output.found.length}</span>
      </h3>
      {output.found.length === 0 ? (
        <p className="muted">{L.noneFound}</p>
      ) : (
        <table className="table" data-testid="found-items">
          <thead>
            <tr>
              <th scope="col">{L.colKind}</th>
              <th scope="col">{L.colMasked}</th>
              <th scope="col">{L.colPosition}</th>
            </tr>
          </thead>
          <tbody>
            {output.found.map((f, i) => (
              <tr key={i} data-kind={f.kind}>
                <td>{word(f.kind)}</td>
                <td>
                  <code>{f.masked}</code>
                </td>
                <td className="num">
                  {f.start}–{f.end}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
