import type { ReactNode } from 'react';
import { JsonView } from './JsonView.js';
import { OcrResult, isOcrOutput } from './OcrResult.js';
import { PiiMaskOutput, isPiiMaskResult } from './PiiMaskOutput.js';
import { PrereviewReport, VerdictBanner, isPrereviewOutput } from './PrereviewReport.js';
import './OutputView.css';
import { L } from '../i18n.js';

/** Capability-specific views of an output; anything without one (or that does not fit) is shown as JSON. */
const views: Record<string, (output: unknown) => ReactNode | null> = {
  'pii.mask': (o) => (isPiiMaskResult(o) ? <PiiMaskOutput output={o} /> : null),
  ocr: (o) => (isOcrOutput(o) ? <OcrResult output={o} /> : null),
  prereview: (o) =>
    isPrereviewOutput(o) ? (
      <>
        <VerdictBanner output={o} />
        <PrereviewReport output={o} />
      </>
    ) : null,
};

export function OutputView({ capability, output }: { capability: string; output: unknown }) {
  const special = views[capability]?.(output) ?? null;
  if (special) {
    return (
      <>
        {special}
        <details className="raw-details">
          <summary>{L.rawOutput}</summary>
          <JsonView value={output} testId="output-json" />
        </details>
      </>
    );
  }
  return <JsonView value={output} testId="output-json" label={L.output} />;
}
