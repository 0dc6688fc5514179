import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import type { OcrOutput } from '../../../main/common/contract/ocr.js';
import { toCallError } from '../api/client.js';
import { useClient, useOnReconnect } from '../client-context.js';
import { EngineBadge } from '../components/Badges.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { FilePicker } from '../components/FilePicker.js';
import { OcrResult, isOcrOutput } from '../components/OcrResult.js';
import { MAX_FILES, readBase64 } from '../files.js';
import { formatMs } from '../format.js';
import { L, ocrEngineLabel, scriptLabel } from '../i18n.js';
import { usePickedFiles } from '../use-picked-files.js';
import { progressText, useJobRun } from '../use-job-run.js';

type Engine = keyof typeof ocrEngineLabel;
type Script = keyof typeof scriptLabel;

interface FileResult {
  key: string;
  name: string;
  url: string | null;
  status: 'waiting' | 'running' | 'done' | 'failed';
  output?: OcrOutput;
  engine?: string;
  ms?: number;
  jobId?: string;
  error?: ErrorPayload;
}

export function OcrScreen({ onOpenJob }: { onOpenJob: (jobId: string) => void }) {
  const client = useClient();
  const [available, setAvailable] = useState<boolean | null>(null);
  const [engine, setEngine] = useState<Engine>('auto');
  const [script, setScript] = useState<Script>('auto');
  const picked = usePickedFiles({ maxFiles: MAX_FILES });
  const runner = useJobRun('ocr');
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<FileResult[]>([]);
  const stop = useRef(false);

  const load = useCallback(() => {
    client.call('capabilities.list').then(
      (caps) => setAvailable(caps.some((c) => c.id === 'ocr')),
      () => setAvailable(null),
    );
  }, [client]);
  useEffect(load, [load]);
  useOnReconnect(load);

  const update = (key: string, patch: Partial<FileResult>) => setResults((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function run(): Promise<void> {
    if (busy || picked.files.length === 0) return;
    const files = picked.files;
    stop.current = false;
    setBusy(true);
    setResults(files.map((f) => ({ key: f.key, name: f.name, url: f.url, status: 'waiting' })));
    try {
      for (const f of files) {
        if (stop.current) break;
        update(f.key, { status: 'running' });
        try {
          const base64 = await readBase64(f.file);
          const { result, ms } = await runner.run({ file: { name: f.name, base64 }, engine, lang: script });
          if (!isOcrOutput(result.output)) throw new Error('unexpected output from ocr');
          update(f.key, { status: 'done', output: result.output, engine: result.engine, ms, jobId: result.job.id });
        } catch (err) {
          const e = toCallError(err);
          update(f.key, { status: 'failed', error: e.toPayload() });
          if (e.code === 'CANCELLED') stop.current = true;
        }
      }
    } finally {
      setBusy(false);
    }
  }

  const done = results.filter((r) => r.status === 'done' || r.status === 'failed').length;

  return (
    <div className="screen" data-testid="screen-ocr">
      {available === false && (
        <div className="notice notice-warn" role="alert" data-testid="ocr-unavailable">
          未安装文字识别模型包。请运行 <code>npm run models:prepare</code> 或用 <code>ic models import</code> 导入。 The OCR model packs are not
          installed: run <code>npm run models:prepare</code> or import them with <code>ic models import</code>.
        </div>
      )}
      <section className="panel" aria-labelledby="ocr-title">
        <h2 className="h2" id="ocr-title">
          文字识别 OCR <span className="muted small">图片和 PDF 中的文字与位置 Text and its position in images and PDFs</span>
        </h2>
        <div className="ocr-setup">
          <FilePicker
            id="ocr-files"
            files={picked.files}
            onAdd={picked.add}
            onRemove={picked.remove}
            onClear={picked.clear}
            refused={picked.refused}
            disabled={busy}
          />
          <div className="ocr-options">
            <label className="field">
              <span className="field-label">识别引擎 Engine</span>
              <select className="input" value={engine} onChange={(e) => setEngine(e.target.value as Engine)} disabled={busy} data-testid="ocr-engine">
                {(Object.keys(ocrEngineLabel) as Engine[]).map((k) => (
                  <option key={k} value={k}>
                    {ocrEngineLabel[k]}
                  </option>
                ))}
              </select>
              <span className="field-hint">自动：PP-OCRv4，繁体页面用 Tesseract。 Auto: PP-OCRv4, Tesseract for traditional Chinese.</span>
            </label>
            <label className="field">
              <span className="field-label">文字 Script</span>
              <select className="input" value={script} onChange={(e) => setScript(e.target.value as Script)} disabled={busy} data-testid="ocr-script">
                {(Object.keys(scriptLabel) as Script[]).map((k) => (
                  <option key={k} value={k}>
                    {scriptLabel[k]}
                  </option>
                ))}
              </select>
            </label>
            <div className="actions">
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => void run()}
                disabled={busy || picked.files.length === 0 || available === false}
                data-testid="ocr-run"
              >
                {busy ? '识别中… Reading…' : '开始识别 Run OCR'}
              </button>
              {busy && runner.jobId && (
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => {
                    stop.current = true;
                    void runner.cancel();
                  }}
                  data-testid="ocr-cancel"
                >
                  {L.cancel}
                </button>
              )}
            </div>
            {busy && (
              <div className="run-status" aria-live="polite" data-testid="ocr-progress">
                <progress className="progress-wide" max={results.length || 1} value={done} />
                <span className="muted small">
                  文件 File {Math.min(done + 1, results.length)}/{results.length}
                  {runner.progress && ` · ${progressText(runner.progress)}`} · {(runner.elapsed / 1000).toFixed(1)} s
                </span>
              </div>
            )}
          </div>
        </div>
      </section>

      {results.map((r) => (
        <section key={r.key} className="panel output-panel" aria-label={r.name} data-testid="ocr-file" data-name={r.name} data-status={r.status}>
          <div className="section-head">
            <h3 className="h2 file-title" title={r.name}>
              {r.name}
            </h3>
            <div className="meta-row">
              {r.status === 'waiting' && <span className="badge item-pending">等待 Waiting</span>}
              {r.status === 'running' && <span className="badge status-running">识别中 Reading…</span>}
              {r.engine && <EngineBadge engine={r.engine} />}
              {r.ms !== undefined && (
                <span className="badge badge-time" title={L.time}>
                  {L.time} {formatMs(r.ms)}
                </span>
              )}
              {r.jobId && (
                <button type="button" className="btn btn-small btn-link" onClick={() => onOpenJob(r.jobId!)}>
                  {L.viewJob} <code>{r.jobId}</code>
                </button>
              )}
            </div>
          </div>
          {r.error && <ErrorBox error={r.error} testId="ocr-error" />}
          {r.output && <OcrResult output={r.output} imageUrl={r.url} />}
        </section>
      ))}
    </div>
  );
}
