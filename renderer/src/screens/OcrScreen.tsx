import { useState } from 'react';
import { Alert, Button, Card, Form, Progress, Radio, Space, Tag } from 'antd';
import { DEFAULT_JOB_TIMEOUT_MS, MAX_JOB_TIMEOUT_MS, OCR_ENGINE_CHOICES, OCR_LANG_CHOICES } from '../../../main/common/contract/constants.js';
import type { OcrEngineChoice, OcrLang } from '../../../main/common/contract/constants.js';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import type { JobDetail } from '../../../main/common/contract/jobs.js';
import { toCallError } from '../api/client.js';
import { EngineBadge } from '../components/Badges.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { FilePicker } from '../components/FilePicker.js';
import { OcrDownloads } from '../components/OcrDownloads.js';
import { OcrResult, isOcrOutput } from '../components/OcrResult.js';
import { MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, formatBytes, readBase64 } from '../files.js';
import { formatMs } from '../format.js';
import { L, ocrEngineLabel, scriptLabel, t } from '../i18n.js';
import { useFeatures } from '../use-features.js';
import { usePickedFiles } from '../use-picked-files.js';
import { progressText, useJobRun, type ItemResult } from '../use-job-run.js';
import type { ScreenProps } from './registry.js';
import './OcrScreen.css';

/** A batch of many scanned files on a counter PC: five minutes a file, within the contract's bounds. */
const timeoutFor = (files: number) => Math.min(MAX_JOB_TIMEOUT_MS, Math.max(DEFAULT_JOB_TIMEOUT_MS, files * 5 * 60_000));

type FileStatus = 'waiting' | 'running' | 'done' | 'failed';

interface Batch {
  /** The picked files, held for the downloads: the hub drops an upload once read (unless "keep scans"). */
  files: { key: string; name: string; url: string | null; file: File }[];
  /** Set once the job ended: every item, pending ones included. */
  detail: JobDetail | null;
  /** The error of the whole run (files not readable, the job refused). */
  error: ErrorPayload | null;
}

/** OCR of the picked files as ONE batch job (jobs.start with an input per file), each file's result as it lands. */
export function OcrScreen({ openJob }: ScreenProps) {
  const features = useFeatures();
  const available = features.isAvailable('ocr');
  const [engine, setEngine] = useState<OcrEngineChoice>('auto');
  const [script, setScript] = useState<OcrLang>('auto');
  const picked = usePickedFiles({ maxFiles: MAX_FILES, maxTotal: MAX_TOTAL_BYTES });
  const runner = useJobRun('ocr');
  const [reading, setReading] = useState(false);
  const [batch, setBatch] = useState<Batch | null>(null);
  const busy = reading || runner.running;

  async function run(): Promise<void> {
    if (busy || picked.files.length === 0) return;
    const files = picked.files;
    setBatch({ files: files.map((f) => ({ key: f.key, name: f.name, url: f.url, file: f.file })), detail: null, error: null });
    setReading(true);
    let inputs: unknown[];
    try {
      inputs = await Promise.all(files.map(async (f) => ({ file: { name: f.name, base64: await readBase64(f.file) }, engine, lang: script })));
    } catch (err) {
      setBatch((b) => b && { ...b, error: { code: 'BAD_REQUEST', message: `${L.cannotRead}: ${(err as Error).message}` } });
      return;
    } finally {
      setReading(false);
    }
    try {
      const detail = await runner.start(inputs, timeoutFor(files.length));
      setBatch((b) => b && { ...b, detail });
    } catch (err) {
      setBatch((b) => b && { ...b, error: toCallError(err).toPayload() });
    }
  }

  // Live items while the job runs, the job's own record once it ended.
  const itemOf = (i: number): ItemResult | undefined => batch?.detail?.items[i] ?? runner.items[i];
  const statusOf = (i: number): FileStatus => {
    const it = itemOf(i);
    if (it?.status === 'succeeded') return 'done';
    if (it?.status === 'failed' || batch?.detail || batch?.error) return 'failed';
    if (runner.running && (runner.progress?.index ?? firstPending()) === i) return 'running';
    return 'waiting';
  };
  function firstPending(): number {
    const n = batch?.files.length ?? 0;
    for (let i = 0; i < n; i++) if (!runner.items[i]) return i;
    return -1;
  }
  const total = batch?.files.length ?? 0;
  const finished = batch ? batch.files.filter((_, i) => itemOf(i)).length : 0;
  const jobId = batch?.detail?.job.id ?? runner.jobId;
  const jobError = batch?.detail?.job.error ?? null;

  return (
    <div className="screen" data-testid="screen-ocr">
      {available === false && (
        <Alert type="warning" showIcon title={L.ocrUnavailable} description={features.unavailable.get('ocr')} data-testid="ocr-unavailable" />
      )}
      <Card
        title={
          <span className="ocr-card-title">
            {L.ocrTitle} <span className="muted small">{L.ocrSubtitle}</span>
          </span>
        }
      >
        <div className="ocr-setup">
          <FilePicker
            id="ocr-files"
            files={picked.files}
            onAdd={picked.add}
            onRemove={picked.remove}
            onClear={picked.clear}
            refused={picked.refused}
            disabled={busy}
            limits={t('limitCase', { max: formatBytes(MAX_FILE_BYTES), total: formatBytes(MAX_TOTAL_BYTES), n: MAX_FILES })}
          />
          <Form layout="vertical" className="ocr-options" component="div">
            <Form.Item label={L.ocrEngine} extra={L.ocrEngineHint}>
              <Radio.Group
                optionType="button"
                value={engine}
                onChange={(e) => setEngine(e.target.value as OcrEngineChoice)}
                disabled={busy}
                data-testid="ocr-engine"
                options={OCR_ENGINE_CHOICES.map((k) => ({ value: k, label: <span data-testid={`ocr-engine-${k}`}>{ocrEngineLabel[k]}</span> }))}
              />
            </Form.Item>
            <Form.Item label={L.ocrScript}>
              <Radio.Group
                optionType="button"
                value={script}
                onChange={(e) => setScript(e.target.value as OcrLang)}
                disabled={busy}
                data-testid="ocr-script"
                options={OCR_LANG_CHOICES.map((k) => ({ value: k, label: <span data-testid={`ocr-script-${k}`}>{scriptLabel[k]}</span> }))}
              />
            </Form.Item>
            <Space>
              <Button
                type="primary"
                onClick={() => void run()}
                disabled={busy || picked.files.length === 0 || available === false}
                loading={busy}
                data-testid="ocr-run"
              >
                {busy ? L.ocrRunning : L.ocrRun}
              </Button>
              {runner.running && runner.jobId && (
                <Button onClick={() => void runner.cancel()} data-testid="ocr-cancel">
                  {L.cancel}
                </Button>
              )}
            </Space>
            {busy && (
              <div className="ocr-progress" aria-live="polite" data-testid="ocr-progress">
                <Progress percent={total ? Math.round((finished / total) * 100) : 0} size="small" />
                <span className="muted small">
                  {reading ? L.readingFiles : t('ocrFilesProgress', { done: finished, total })}
                  {runner.progress && ` · ${progressText(runner.progress)}`} · {(runner.elapsed / 1000).toFixed(1)} s
                </span>
              </div>
            )}
          </Form>
        </div>
      </Card>

      {batch && (
        <div className="ocr-batch" data-testid="ocr-batch" data-job={jobId ?? ''}>
          <Space className="ocr-batch-head" wrap>
            <strong>{L.ocrResults}</strong>
            <span className="muted small">{t('ocrFileCount', { n: total })}</span>
            {jobId && (
              <Button size="small" type="link" onClick={() => openJob(jobId)} data-testid="ocr-job-link">
                {L.viewJob} <code>{jobId}</code>
              </Button>
            )}
          </Space>
          {batch.error && <ErrorBox error={batch.error} testId="ocr-error" />}
          {jobError && !batch.error && <ErrorBox error={jobError} testId="ocr-job-error" />}
          {batch.files.map((f, i) => {
            const it = itemOf(i);
            const status = statusOf(i);
            const output = it?.status === 'succeeded' && isOcrOutput(it.output) ? it.output : null;
            return (
              <Card
                key={f.key}
                size="small"
                className="ocr-file"
                aria-label={f.name}
                data-testid="ocr-file"
                data-name={f.name}
                data-status={status}
                title={
                  <span className="file-title" title={f.name}>
                    {f.name}
                  </span>
                }
                extra={
                  <Space size={6} wrap>
                    <FileStatusTag status={status} pendingEnded={!it && !!batch.detail} />
                    {it?.engine && <EngineBadge engine={it.engine} />}
                    {it?.ms !== undefined && (
                      <Tag title={L.time}>
                        {L.time} {formatMs(it.ms)}
                      </Tag>
                    )}
                  </Space>
                }
              >
                {it?.error && <ErrorBox error={it.error} testId="ocr-item-error" />}
                {output && <OcrDownloads file={f.file} output={output} />}
                {output && <OcrResult output={output} imageUrl={f.url} />}
              </Card>
            );
          })}
        </div>
      )}
    </div>
  );
}

function FileStatusTag({ status, pendingEnded }: { status: FileStatus; pendingEnded: boolean }) {
  if (status === 'done') return <Tag color="success">{L.itemDone}</Tag>;
  if (status === 'running') return <Tag color="processing">{L.itemReading}</Tag>;
  if (status === 'failed') return <Tag color={pendingEnded ? 'default' : 'error'}>{pendingEnded ? L.itemCancelled : L.itemFailed}</Tag>;
  return <Tag>{L.itemWaiting}</Tag>;
}
