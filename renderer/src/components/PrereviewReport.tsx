import { useMemo, useState, type ReactNode } from 'react';
import type { Box } from '../../../main/common/contract/ocr.js';
import type { PrereviewOutput } from '../../../main/common/contract/prereview.js';
import { checkStatusLabel, docTypeLabel, fieldLabel, L, t, verdictLabel, type CheckStatus } from '../i18n.js';
import { PageView } from './PageView.js';
import './PrereviewReport.css';

type Check = PrereviewOutput['checks'][number];
type Evidence = Check['evidence'][number];

/** What the page viewer shows: one place on one page of one file. */
interface Focus {
  key: string;
  file: string;
  page: number;
  box: Box | null;
  caption: string;
  text: string;
}

const STATUS_ORDER: CheckStatus[] = ['fail', 'warn', 'pass'];
const LOW_CONFIDENCE = 0.8;

export function isPrereviewOutput(v: unknown): v is PrereviewOutput {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Partial<PrereviewOutput>;
  return typeof o.verdict === 'string' && Array.isArray(o.checks) && Array.isArray(o.documents) && typeof o.service === 'object';
}

export function VerdictBanner({ output, children }: { output: PrereviewOutput; children?: ReactNode }) {
  const v = verdictLabel[output.verdict];
  const n = (s: CheckStatus) => output.checks.filter((c) => c.status === s).length;
  return (
    <div className={`verdict verdict-${output.verdict}`} data-testid="verdict-banner" data-verdict={output.verdict} role="status">
      <div className="verdict-main">
        <span className="verdict-icon" aria-hidden="true">
          {output.verdict === 'pass' ? '✓' : output.verdict === 'fail' ? '✕' : '!'}
        </span>
        <div>
          <div className="verdict-title">
            {v.zh} <span className="verdict-en">{v.en}</span>
          </div>
          <div className="verdict-service">
            {output.service.name} <code className="muted small">{output.service.id}</code>
          </div>
        </div>
        <div className="verdict-counts">
          <span className="vcount vcount-fail">{t('nFailed', { n: n('fail') })}</span>
          <span className="vcount vcount-warn">{t('nToReview', { n: n('warn') })}</span>
          <span className="vcount vcount-pass">{t('nPassed', { n: n('pass') })}</span>
        </div>
      </div>
      <p className="verdict-hint">{v.hint}</p>
      {children && <div className="meta-row">{children}</div>}
    </div>
  );
}

/**
 * The pre-review report: checks grouped by status with their evidence, the documents with type and fields, and a
 * viewer that shows the page with the selected evidence or field outlined (images the clerk picked are shown
 * as they are; other pages as a sketch).
 */
export function PrereviewReport({
  output,
  imageOf = () => null,
}: {
  output: PrereviewOutput;
  /** Object URL of an image the browser can show for a file label and page, if any. */
  imageOf?: (file: string, page: number) => string | null;
}) {
  const first = useMemo(() => firstFocus(output), [output]);
  const [focus, setFocus] = useState<Focus | null>(first);
  const shown = focus ?? first;

  const groups = STATUS_ORDER.map((s) => ({ status: s, checks: output.checks.filter((c) => c.status === s) })).filter((g) => g.checks.length > 0);
  const quiet = output.checks.some((c) => c.status !== 'pass');

  function evidenceButton(e: Evidence, key: string): ReactNode {
    const active = shown?.key === key;
    return (
      <button
        type="button"
        className={`evidence ${active ? 'evidence-on' : ''}`}
        aria-pressed={active}
        onClick={() => setFocus({ key, file: e.file, page: e.page, box: e.box, caption: e.file, text: e.text })}
        data-testid="evidence"
      >
        <span className="evidence-file">{e.file}</span>
        <span className="evidence-page">{t('pageShort', { n: e.page })}</span>
        {e.text && <span className="evidence-text">「{e.text}」</span>}
      </button>
    );
  }

  return (
    <div className="report">
      <div className="report-main">
        <section aria-labelledby="checks-title">
          <h3 className="h3" id="checks-title">
            {L.checks} <span className="count">{output.checks.length}</span>
          </h3>
          {groups.map((g) => {
            const list = (
              <ul className="stack-list" data-testid={`checks-${g.status}`}>
                {g.checks.map((c) => (
                  <li key={c.id} className={`check check-${c.status}`} data-testid={`check-${c.id}`} data-status={c.status}>
                    <div className="check-head">
                      <span className={`check-dot dot-${c.status}`} aria-hidden="true" />
                      <span className="check-message">{c.message}</span>
                    </div>
                    {c.evidence.length > 0 && (
                      <div className="evidence-list">
                        <span className="muted small">
                          {/^material\..*\.missing$/.test(c.id) ? L.submitted : L.evidence}
                        </span>
                        {c.evidence.map((e, i) => (
                          <span key={i}>{evidenceButton(e, `${c.id}#${i}`)}</span>
                        ))}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            );
            const head = (
              <>
                <span className={`badge check-badge fill-${g.status}`}>{checkStatusLabel[g.status]}</span>
                <span className="count">{g.checks.length}</span>
                {g.status === 'pass' && quiet && (
                  <span className="muted small fold-hint">
                    <span className="caret" aria-hidden="true">
                      ▸
                    </span>{' '}
                    {L.show}
                  </span>
                )}
              </>
            );
            return g.status === 'pass' && quiet ? (
              <details key={g.status} className="check-group" data-testid="check-group-pass">
                <summary className="check-group-head">{head}</summary>
                {list}
              </details>
            ) : (
              <div key={g.status} className="check-group" data-testid={`check-group-${g.status}`}>
                <div className="check-group-head">{head}</div>
                {list}
              </div>
            );
          })}
        </section>

        <section aria-labelledby="docs-title">
          <h3 className="h3" id="docs-title">
            {L.documentsRead} <span className="count">{output.documents.length}</span>
          </h3>
          {output.documents.length === 0 && <p className="muted">{L.noDocument}</p>}
          <ul className="doc-list" data-testid="documents">
            {output.documents.map((d, i) => {
              const fields = Object.entries(d.fields);
              return (
                <li key={`${d.file}-${i}`} className="doc-card" data-testid={`document-${i}`} data-type={d.type}>
                  <div className="doc-head">
                    <span className="doc-type" data-testid={`document-type-${i}`}>
                      {docTypeLabel[d.type] ?? d.type}
                    </span>
                    <span className="doc-file" title={d.file}>
                      {d.file}
                    </span>
                  </div>
                  {fields.length === 0 ? (
                    <p className="muted small">{L.noFields}</p>
                  ) : (
                    <table className="table field-table">
                      <thead>
                        <tr>
                          <th scope="col">{L.colField}</th>
                          <th scope="col">{L.colValue}</th>
                          <th scope="col">{L.colConfidence}</th>
                          <th scope="col">
                            <span className="sr-only">{L.colLocation}</span>
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {fields.map(([name, f]) => {
                          const key = `field:${i}:${name}`;
                          const low = f.confidence < LOW_CONFIDENCE;
                          return (
                            <tr key={name} data-field={name} className={shown?.key === key ? 'row-selected' : ''}>
                              <td className="field-label-cell">{fieldLabel(name)}</td>
                              <td className="field-value">{f.value}</td>
                              <td className={`num ${low ? 'conf-low' : 'conf-ok'}`} title={low ? L.lowConfidence : undefined}>
                                {Math.round(f.confidence * 100)}%
                              </td>
                              <td>
                                {f.box && (
                                  <button
                                    type="button"
                                    className="btn btn-small btn-link locate"
                                    onClick={() =>
                                      setFocus({ key, file: d.file, page: f.page, box: f.box, caption: `${d.file} · ${fieldLabel(name)}`, text: f.value })
                                    }
                                  >
                                    {L.locate}
                                  </button>
                                )}
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      </div>

      <aside className="report-side" aria-label={L.page}>
        <div className="viewer" data-testid="evidence-viewer">
          {shown ? (
            <>
              <div className="viewer-head">
                <strong className="viewer-file" title={shown.caption}>
                  {shown.caption}
                </strong>
                <span className="muted small">{t('pageN', { n: shown.page })}</span>
              </div>
              <ViewerPage output={output} focus={shown} imageOf={imageOf} />
              {shown.text && (
                <p className="viewer-text">
                  <span className="muted small">{L.textRead} </span>
                  {shown.text}
                </p>
              )}
            </>
          ) : (
            <p className="muted small">{L.clickEvidence}</p>
          )}
        </div>
      </aside>
    </div>
  );
}

function ViewerPage({ output, focus, imageOf }: { output: PrereviewOutput; focus: Focus; imageOf: (file: string, page: number) => string | null }) {
  const geo = output.pages?.find((p) => p.file === focus.file && p.page === focus.page);
  const url = imageOf(focus.file, focus.page);
  return (
    <PageView
      key={`${focus.file}#${focus.page}`}
      imageUrl={url}
      width={geo?.width}
      height={geo?.height}
      boxes={focus.box ? [{ key: focus.key, box: focus.box, className: 'box-evidence', text: focus.text }] : []}
      label={`${focus.file} · ${t('pageN', { n: focus.page })}`}
      testId="evidence-page"
    />
  );
}

/** The viewer starts on the first evidence with a box of the most serious check that has one. */
function firstFocus(output: PrereviewOutput): Focus | null {
  for (const s of STATUS_ORDER) {
    for (const c of output.checks) {
      if (c.status !== s || c.id.startsWith('material.')) continue;
      const i = c.evidence.findIndex((e) => e.box);
      const e = c.evidence[i];
      if (e) return { key: `${c.id}#${i}`, file: e.file, page: e.page, box: e.box, caption: e.file, text: e.text };
    }
  }
  for (const c of output.checks) {
    const i = c.evidence.findIndex((e) => e.box);
    const e = c.evidence[i];
    if (e) return { key: `${c.id}#${i}`, file: e.file, page: e.page, box: e.box, caption: e.file, text: e.text };
  }
  return null;
}
