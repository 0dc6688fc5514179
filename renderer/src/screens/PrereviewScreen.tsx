import { useRef, useState } from 'react';
import { Alert, Button, Card, Progress, Radio, Space } from 'antd';
import { OCR_ENGINE_CHOICES, type OcrEngineChoice } from '../../../main/common/contract/constants.js';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import type { PrereviewOutput, ServiceSummary } from '../../../main/common/contract/prereview.js';
import { toCallError } from '../api/client.js';
import { EngineBadge } from '../components/Badges.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { CaseFilePicker, useCaseFiles } from '../components/CaseFilePicker.js';
import { PrereviewReport, VerdictBanner, isPrereviewOutput } from '../components/PrereviewReport.js';
import { readBase64, type PickedFile } from '../files.js';
import { formatMs } from '../format.js';
import { docTypeLabel, L, ocrEngineLabel } from '../i18n.js';
import { useFeatures } from '../use-features.js';
import { useLoad } from '../use-load.js';
import { progressText, useJobRun } from '../use-job-run.js';
import './PrereviewScreen.css';
import type { ScreenProps } from './registry.js';

type Engine = OcrEngineChoice;
/** As `ic prereview`: a case of many scanned pages takes a while on a counter PC. */
const PREREVIEW_TIMEOUT_MS = 30 * 60_000;

interface Outcome {
  output: PrereviewOutput;
  engine: string | undefined;
  ms: number;
  jobId: string;
  /** Object URLs of the images sent, by the name they were sent under. */
  urls: Record<string, string | null>;
}

/** Names as sent: unique within one case (a second "scan.jpg" goes as "scan (2).jpg"), so evidence names one file. */
function uniqueLabels(files: PickedFile[]): string[] {
  const seen = new Set<string>();
  return files.map((f) => {
    let name = f.name;
    for (let n = 2; seen.has(name); n++) name = f.name.replace(/(\.[^.]*)?$/, (ext) => ` (${n})${ext}`);
    seen.add(name);
    return name;
  });
}

export function PrereviewScreen({ openJob: onOpenJob }: ScreenProps) {
  const servicesLoad = useLoad<ServiceSummary[]>((c) => c.call('prereview.services'));
  const { data: services, error: loadError, reload: load } = servicesLoad;
  const features = useFeatures();
  const available = features.isAvailable('prereview');
  const [picked_, setServiceId] = useState('');
  // The picked service item while the catalog has it, else the first one.
  const serviceId = services?.some((s) => s.id === picked_) ? picked_ : (services?.[0]?.id ?? '');
  const [engine, setEngine] = useState<Engine>('auto');
  const picked = useCaseFiles();
  const runner = useJobRun('prereview');
  const [reading, setReading] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const reportRef = useRef<HTMLElement>(null);

  const service = services?.find((s) => s.id === serviceId) ?? null;
  const busy = reading || runner.running;
  const report = outcome;

  async function run(): Promise<void> {
    if (busy || !service || picked.files.length === 0) return;
    setError(null);
    setReading(true);
    const labels = uniqueLabels(picked.files);
    let files: { name: string; base64: string }[];
    try {
      files = await Promise.all(picked.files.map(async (f, i) => ({ name: labels[i]!, base64: await readBase64(f.file) })));
    } catch (err) {
      setError({ code: 'BAD_REQUEST', message: `${L.cannotRead}: ${(err as Error).message}` });
      return;
    } finally {
      setReading(false);
    }
    const urls = Object.fromEntries(picked.files.map((f, i) => [labels[i]!, f.url]));
    try {
      const { result, ms } = await runner.run({ service: service.id, files, engine }, PREREVIEW_TIMEOUT_MS);
      if (!isPrereviewOutput(result.output)) throw new Error('unexpected output from prereview');
      setOutcome({ output: result.output, engine: result.engine, ms, jobId: result.job.id, urls });
      requestAnimationFrame(() => reportRef.current?.focus());
    } catch (err) {
      setError(toCallError(err).toPayload());
    }
  }

  function materialStatus(materialId: string): 'pass' | 'warn' | 'fail' | null {
    if (!report || report.output.service.id !== serviceId) return null;
    const c = report.output.checks.find((x) => x.id.startsWith(`material.${materialId}.`));
    return c ? c.status : null;
  }

  return (
    <div className="screen" data-testid="screen-prereview">
      {loadError && <ErrorBox error={loadError} testId="prereview-load-error" onRetry={load} />}
      {available === false && (
        <Alert
          type="warning"
          showIcon
          title={L.prereviewUnavailable}
          description={features.unavailable.get('prereview')}
          data-testid="prereview-unavailable"
        />
      )}
      <div className="prereview-top">
        <Card
          title={
            <span id="service-title">
              <span className="step">1</span> {L.serviceItem}
            </span>
          }
        >
          {!services && !loadError && <p className="muted">{L.loading}</p>}
          {services && (
            <>
              <label className="sr-only" htmlFor="service-select">
                {L.serviceItem}
              </label>
              <select
                id="service-select"
                className="input service-select"
                value={serviceId}
                onChange={(e) => setServiceId(e.target.value)}
                disabled={busy}
                data-testid="service-select"
              >
                {services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} {s.nameEn}
                  </option>
                ))}
              </select>
            </>
          )}
          {service && (
            <>
              <p className="muted small department">{service.department}</p>
              <h3 className="h3">
                {L.requiredMaterials} <span className="count">{service.materials.length}</span>
              </h3>
              <ul className="stack-list" data-testid="material-list">
                {service.materials.map((m) => {
                  const st = materialStatus(m.id);
                  return (
                    <li key={m.id} className={`material ${st ? `material-${st}` : ''}`} data-testid={`material-${m.id}`} data-status={st ?? ''}>
                      <span className={`material-mark ${st ? `fill-${st}` : m.required ? 'mark-todo' : 'mark-optional'}`} aria-hidden="true">
                        {st === 'pass' ? '✓' : st === 'fail' ? '✕' : st === 'warn' ? '!' : m.required ? '○' : '–'}
                      </span>
                      <span className="material-text">
                        <span className="material-name">{m.name}</span>
                        <span className="material-en">{m.nameEn}</span>
                        <span className="material-tags">
                          <span className={`tag ${m.required ? 'tag-required' : ''}`}>{m.required ? L.materialRequired : L.materialOptional}</span>
                          {m.type !== 'generic' && <span className="tag">{docTypeLabel[m.type]}</span>}
                          {m.mustBeValid && <span className="tag">{L.mustBeValid}</span>}
                          {st && (
                            <span className="sr-only">
                              {st === 'pass' ? L.materialProvided : st === 'fail' ? L.materialMissing : L.materialReview}
                            </span>
                          )}
                        </span>
                      </span>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </Card>

        <Card
          title={
            <span id="files-title">
              <span className="step">2</span> {L.applicantFiles}
            </span>
          }
        >
          <p className="muted small">
            {L.oneFilePerDoc}
          </p>
          <CaseFilePicker id="prereview-files" picked={picked} disabled={busy} />
          <Space className="run-actions" wrap>
            <Button
              type="primary"
              onClick={() => void run()}
              disabled={busy || !service || picked.files.length === 0 || available === false}
              data-testid="prereview-run"
            >
              {busy ? L.prereviewRunning : L.prereviewRun}
            </Button>
            <span className="muted small">{L.ocrEngineLong}</span>
            <Radio.Group
              optionType="button"
              size="small"
              value={engine}
              onChange={(e) => setEngine(e.target.value as Engine)}
              disabled={busy}
              aria-label={L.ocrEngineLong}
              data-testid="prereview-engine"
              options={OCR_ENGINE_CHOICES.map((k) => ({ value: k, label: <span data-testid={`prereview-engine-${k}`}>{ocrEngineLabel[k]}</span> }))}
            />
            {runner.running && runner.jobId && (
              <Button
                size="small"
                onClick={() => void runner.cancel().then((m) => m && setError({ code: 'CONFLICT', message: m }))}
                data-testid="prereview-cancel"
              >
                {L.cancel}
              </Button>
            )}
          </Space>
          {busy && (
            <div className="run-status" aria-live="polite" data-testid="prereview-progress">
              <Progress
                status="active"
                size="small"
                percent={reading || !runner.progress?.total ? 0 : Math.round((Math.min(runner.progress.done, runner.progress.total) / runner.progress.total) * 100)}
              />
              <span className="muted small">
                {reading ? L.readingFiles : progressText(runner.progress) || L.starting} · {(runner.elapsed / 1000).toFixed(1)} s
              </span>
            </div>
          )}
          {error && <ErrorBox error={error} testId="prereview-error" />}
        </Card>
      </div>

      {report && (
        <section className="panel report-panel" aria-labelledby="report-title" data-testid="prereview-report" ref={reportRef} tabIndex={-1}>
          <h2 className="h2" id="report-title">
            <span className="step">3</span> {L.prereviewReport}
          </h2>
          <VerdictBanner output={report.output}>
            <span className="muted small">{L.ocrEngineLong}</span>
            <EngineBadge engine={report.engine ?? '—'} />
            <span className="badge badge-time" title={L.time}>
              {L.time} {formatMs(report.ms)}
            </span>
            <Button size="small" type="link" onClick={() => onOpenJob(report.jobId)} data-testid="prereview-job-link">
              {L.viewJob} <code>{report.jobId}</code>
            </Button>
          </VerdictBanner>
          <PrereviewReport key={report.jobId} output={report.output} imageOf={(file, page) => (page === 1 ? (report.urls[file] ?? null) : null)} />
        </section>
      )}
    </div>
  );
}
