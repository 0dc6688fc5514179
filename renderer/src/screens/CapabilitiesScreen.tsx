import { useMemo, useRef, useState } from 'react';
import { Button, Card, Input, Radio } from 'antd';
import type { CapabilityInfo } from '../../../main/common/contract/capabilities.js';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import type { RunResult } from '../../../main/common/contract/jobs.js';
import { toCallError } from '../api/client.js';
import { EngineBadge } from '../components/Badges.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { OutputView } from '../components/OutputView.js';
import { SchemaForm } from '../components/SchemaForm.js';
import { analyseSchema, initialValues, inputToValues, valuesToInput, type FormValues } from '../components/schema-form.js';
import { formatMs } from '../format.js';
import { L } from '../i18n.js';
import { unavailableReason } from '../use-features.js';
import { useJobRun } from '../use-job-run.js';
import { useLoad } from '../use-load.js';
import './CapabilitiesScreen.css';
import type { ScreenProps } from './registry.js';

interface RunOutcome {
  capability: string;
  result: RunResult;
  ms: number;
}

export function CapabilitiesScreen({ openJob: onOpenJob }: ScreenProps) {
  const list = useLoad<CapabilityInfo[]>((c) => c.call('capabilities.list'));
  const { data: caps, error: listError, reload: load } = list;
  const [picked, setSelectedId] = useState<string | null>(null);
  // The picked capability while it is listed, else the first one.
  const selectedId = picked && caps?.some((c) => c.id === picked) ? picked : (caps?.[0]?.id ?? null);
  const selected = caps?.find((c) => c.id === selectedId) ?? null;

  return (
    <div className="screen screen-split" data-testid="screen-run">
      <Card
        className="list-panel"
        title={<span id="caps-title">{L.capabilities}</span>}
        extra={
          <Button size="small" onClick={load}>
            {L.refresh}
          </Button>
        }
      >
        {listError && <ErrorBox error={listError} testId="capabilities-error" onRetry={load} />}
        {!caps && !listError && <p className="muted">{L.loading}</p>}
        {caps && caps.length === 0 && <p className="muted">{L.noCapabilities}</p>}
        {caps && caps.length > 0 && (
          <ul className="stack-list" data-testid="capability-list" aria-label={L.capabilities}>
            {caps.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className={`cap-item ${c.id === selectedId ? 'cap-item-selected' : ''} ${unavailableReason(c) ? 'cap-item-unavailable' : ''}`}
                  aria-pressed={c.id === selectedId}
                  data-testid={`capability-item-${c.id}`}
                  onClick={() => setSelectedId(c.id)}
                >
                  <span className="cap-title">{c.title}</span>
                  <code className="cap-id">{c.id}</code>
                  <span className="cap-provider">
                    {c.provider.kind === 'plugin' ? L.providerPlugin : L.providerBuiltin}: {c.provider.id}
                  </span>
                  {unavailableReason(c) && (
                    <span className="cap-unavailable" data-testid={`capability-unavailable-${c.id}`}>
                      {L.unavailableBecause}: {unavailableReason(c)}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {selected ? (
        <RunPanel key={selected.id} capability={selected} onOpenJob={onOpenJob} />
      ) : (
        <Card className="run-panel">
          <p className="muted">{caps?.length ? L.pickCapability : ''}</p>
        </Card>
      )}
    </div>
  );
}

function RunPanel({ capability, onOpenJob }: { capability: CapabilityInfo; onOpenJob: (jobId: string) => void }) {
  const fields = useMemo(() => analyseSchema(capability.inputSchema), [capability.inputSchema]);
  const [raw, setRaw] = useState(fields === null);
  const [values, setValues] = useState<FormValues>(() => (fields ? initialValues(fields) : {}));
  const [rawText, setRawText] = useState(() => JSON.stringify(fields ? valuesToInput(fields, initialValues(fields)) : {}, null, 2));
  const [switchError, setSwitchError] = useState<string | null>(null);
  const runner = useJobRun(capability.id);
  const { running, progress, elapsed } = runner;
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const outputRef = useRef<HTMLElement>(null);
  const reason = unavailableReason(capability);

  function toRaw(): void {
    if (fields) setRawText(JSON.stringify(valuesToInput(fields, values), null, 2));
    setSwitchError(null);
    setRaw(true);
  }

  function toForm(): void {
    if (!fields) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawText);
    } catch (err) {
      setSwitchError(`${L.notJson}: ${(err as Error).message}`);
      return;
    }
    const v = inputToValues(fields, parsed);
    if (!v) {
      setSwitchError(L.doesNotFitForm);
      return;
    }
    setValues(v);
    setSwitchError(null);
    setRaw(false);
  }

  async function run(): Promise<void> {
    if (running) return;
    setError(null);
    let input: unknown;
    if (raw || !fields) {
      try {
        input = JSON.parse(rawText);
      } catch (err) {
        setError({ code: 'BAD_REQUEST', message: `${L.inputNotJson}: ${(err as Error).message}` });
        return;
      }
    } else {
      input = valuesToInput(fields, values);
    }
    setOutcome(null);
    try {
      const { result, ms } = await runner.run(input);
      setOutcome({ capability: capability.id, result, ms });
      requestAnimationFrame(() => outputRef.current?.focus());
    } catch (err) {
      setError(toCallError(err).toPayload());
    }
  }

  return (
    <div className="run-column">
      <Card
        title={
          <div className="run-head">
            <h2 className="h2" id="run-title" data-testid="run-title">
              {capability.title}
            </h2>
            <code className="cap-id">{capability.id}</code>
          </div>
        }
        extra={
          fields && (
            <Radio.Group
              optionType="button"
              size="small"
              aria-label={L.inputMode}
              value={raw ? 'raw' : 'form'}
              onChange={(e) => (e.target.value === 'raw' ? toRaw() : toForm())}
              options={[
                { value: 'form', label: <span data-testid="form-toggle">{L.formView}</span> },
                { value: 'raw', label: <span data-testid="raw-json-toggle">{L.rawJson}</span> },
              ]}
            />
          )
        }
      >
        {capability.description && <p className="description">{capability.description}</p>}
        {reason && (
          <p className="inline-error" role="alert" data-testid="run-unavailable">
            {L.unavailableBecause}: {reason}
          </p>
        )}
        <form
          className="run-form"
          data-testid="run-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          {!raw && fields ? (
            <SchemaForm fields={fields} values={values} onChange={setValues} onSubmitShortcut={() => void run()} />
          ) : (
            <div className="field">
              <label className="field-label" htmlFor="raw-json">
                {L.input} (JSON)
              </label>
              {!fields && <p className="field-hint">{L.complexInput}</p>}
              <Input.TextArea
                id="raw-json"
                className="mono"
                rows={10}
                spellCheck={false}
                value={rawText}
                onChange={(e) => setRawText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    void run();
                  }
                }}
                data-testid="raw-json"
              />
              <details className="raw-details">
                <summary>{L.inputSchema}</summary>
                <pre className="json-view">{JSON.stringify(capability.inputSchema, null, 2)}</pre>
              </details>
            </div>
          )}
          {switchError && (
            <p className="inline-error" role="alert">
              {switchError}
            </p>
          )}
          <div className="actions">
            <Button type="primary" htmlType="submit" disabled={running || !!reason} data-testid="run-button">
              {running ? L.running : L.run}
            </Button>
            <span className="muted small">Ctrl+Enter</span>
            {running && (
              <span className="muted small" data-testid="run-progress" aria-live="polite">
                {(elapsed / 1000).toFixed(1)} s
                {progress && ` · ${progress.message ?? ''} ${progress.total ? `${Math.round((progress.done / progress.total) * 100)}%` : progress.done}`}
              </span>
            )}
            {running && runner.jobId && (
              <Button size="small" onClick={() => void runner.cancel()} data-testid="run-cancel">
                {L.cancel}
              </Button>
            )}
          </div>
        </form>
        {error && <ErrorBox error={error} testId="run-error" />}
      </Card>
      {outcome && (
        <section className="panel output-panel" aria-labelledby="output-title" data-testid="run-output" ref={outputRef} tabIndex={-1}>
          <div className="section-head">
            <h2 className="h2" id="output-title">
              {L.output}
            </h2>
            <div className="meta-row">
              {outcome.result.engine && <EngineBadge engine={outcome.result.engine} />}
              <span className="badge badge-time" data-testid="run-time" title={L.time}>
                {L.time} {formatMs(outcome.ms)}
              </span>
              <Button size="small" type="link" onClick={() => onOpenJob(outcome.result.job.id)} data-testid="run-job-link">
                {L.viewJob} <code>{outcome.result.job.id}</code>
              </Button>
            </div>
          </div>
          <OutputView capability={outcome.capability} output={outcome.result.output} />
        </section>
      )}
    </div>
  );
}
