import { useState } from 'react';
import type { OcrOutput } from '../../../main/common/contract/ocr.js';
import { formatMs } from '../format.js';
import { L, t } from '../i18n.js';
import { CopyButton } from './CopyButton.js';
import { PageView } from './PageView.js';
import './OcrResult.css';

type OcrPage = OcrOutput['pages'][number];

export function isOcrOutput(v: unknown): v is OcrOutput {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Partial<OcrOutput>;
  return typeof o.file === 'string' && Array.isArray(o.pages);
}

/** Every page of one file's OCR: meta (engine, rotation, time), the page with its line boxes, and the text. */
export function OcrResult({ output, imageUrl = null, testId = 'ocr-result' }: { output: OcrOutput; imageUrl?: string | null; testId?: string }) {
  return (
    <div className="ocr-result" data-testid={testId}>
      {output.pages.length > 1 && (
        <div className="section-head">
          <span className="muted small">
            {t('ocrPagesTime', { n: output.pages.length })} · {formatMs(output.pages.reduce((n, p) => n + p.ms, 0))}
          </span>
          <CopyButton text={output.pages.map((p) => p.text).join('\n\n')} testId={`${testId}-copy-all`} />
        </div>
      )}
      {output.pages.map((p) => (
        // Only page 1 of a single-page image file has the picked bytes to show.
        <OcrPageView key={p.page} page={p} imageUrl={p.page === 1 && output.pages.length === 1 ? imageUrl : null} testId={`${testId}-page-${p.page}`} />
      ))}
    </div>
  );
}

function OcrPageView({ page, imageUrl, testId }: { page: OcrPage; imageUrl: string | null; testId: string }) {
  const [active, setActive] = useState<number | null>(null);
  const avg = page.lines.length ? page.lines.reduce((n, l) => n + l.confidence, 0) / page.lines.length : null;
  return (
    <section className="ocr-page" data-testid={testId} aria-label={t('pageN', { n: page.page })}>
      <div className="section-head">
        <h4 className="h4">
          {t('pageN', { n: page.page })}
        </h4>
        <div className="meta-row">
          <span className="badge badge-engine" data-testid={`${testId}-engine`} title={L.engine}>
            {page.engine}
          </span>
          <span className="badge badge-time" title={L.rotationApplied}>
            {L.rotation} {page.rotation}°
          </span>
          <span className="badge badge-time" data-testid={`${testId}-ms`} title={L.time}>
            {L.time} {formatMs(page.ms)}
          </span>
          <span className="badge badge-time">
            {t('linesN', { n: page.lines.length })}{avg !== null && ` · ${Math.round(avg * 100)}%`}
          </span>
          {page.source === 'pdf-text' && <span className="badge badge-time">{L.pdfTextLayer}</span>}
          <span className="badge badge-time">
            {page.width}×{page.height}
          </span>
        </div>
      </div>
      <div className="ocr-page-body">
        <PageView
          imageUrl={imageUrl}
          width={page.width}
          height={page.height}
          boxes={page.lines.map((l, i) => ({
            key: String(i),
            box: l.box,
            text: l.text,
            className: `${active === i ? 'box-active' : ''} ${l.confidence < 0.8 ? 'box-low' : ''}`,
          }))}
          label={`${page.file} · ${t('pageN', { n: page.page })}`}
          testId={`${testId}-view`}
        />
        <div className="ocr-text-panel">
          <div className="section-head">
            <h5 className="h5">{L.recognisedText}</h5>
            <CopyButton text={page.text} testId={`${testId}-copy`} />
          </div>
          {page.lines.length === 0 ? (
            <p className="muted">{L.noTextOnPage}</p>
          ) : (
            <ol className="ocr-lines" data-testid={`${testId}-text`} onMouseLeave={() => setActive(null)}>
              {page.lines.map((l, i) => (
                <li
                  key={i}
                  className={`ocr-line ${active === i ? 'ocr-line-on' : ''} ${l.confidence < 0.8 ? 'ocr-line-low' : ''}`}
                  onMouseEnter={() => setActive(i)}
                  onFocus={() => setActive(i)}
                  tabIndex={0}
                  title={t('confidenceN', { n: Math.round(l.confidence * 100) })}
                >
                  {l.text}
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}
