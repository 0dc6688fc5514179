import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import type { Job, JobDetail, JobEvent, JobItem, JobStatus, Progress } from '../../../main/common/contract/jobs.js';
import { toCallError } from '../api/client.js';
import { useClient, useHubEvent, useOnReconnect } from '../client-context.js';
import { StatusBadge } from '../components/Badges.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { JsonView } from '../components/JsonView.js';
import { OutputView } from '../components/OutputView.js';
import { durationOf, formatMs, formatShortTime, formatTime } from '../format.js';
import { jobStatusLabel, L, t } from '../i18n.js';
import './JobsScreen.css';
import type { ScreenProps } from './registry.js';

const LIMIT = 50;
const STATUSES = Object.keys(jobStatusLabel) as JobStatus[];

const canCancel = (j: Job) => j.status === 'queued' || j.status === 'running' || j.status === 'interrupted';
const canResume = (j: Job) =>
  j.status === 'interrupted' || j.status === 'cancelled' || (j.status === 'failed' && j.error?.code === 'TIMEOUT');
const isLive = (j: Job) => j.status === 'queued' || j.status === 'running';

function upsert(list: Job[], job: Job, filter: JobStatus | ''): Job[] {
  const rest = list.filter((j) => j.id !== job.id);
  if (filter && job.status !== filter) return rest;
  const i = list.findIndex((j) => j.id === job.id);
  if (i >= 0) return list.map((j) => (j.id === job.id ? job : j));
  return [job, ...rest].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, LIMIT);
}

export function JobsScreen({ param, navigate }: ScreenProps) {
  const selectedId = param;
  const onSelect = (id: string | null) => navigate('jobs', id);
  const client = useClient();
  const [jobs, setJobs] = useState<Job[] | null>(null);
  const [filter, setFilter] = useState<JobStatus | ''>('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [actionError, setActionError] = useState<ErrorPayload | null>(null);
  const [progress, setProgress] = useState<Record<string, Progress & { index: number }>>({});
  const [detail, setDetail] = useState<JobDetail | null>(null);
  const [detailError, setDetailError] = useState<ErrorPayload | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const load = useCallback(() => {
    client.call('jobs.list', filter ? { limit: LIMIT, status: filter } : { limit: LIMIT }).then(
      (list) => {
        setJobs(list);
        setError(null);
      },
      (err) => setError(toCallError(err).toPayload()),
    );
  }, [client, filter]);
  useEffect(load, [load]);

  const loadDetail = useCallback(
    (id: string) => {
      client.call('jobs.get', { id }).then(
        (d) => {
          setDetail(d);
          setDetailError(null);
        },
        (err) => {
          setDetail(null);
          setDetailError(toCallError(err).toPayload());
        },
      );
    },
    [client],
  );
  useEffect(() => {
    setDetail(null);
    setDetailError(null);
    if (selectedId) loadDetail(selectedId);
  }, [selectedId, loadDetail]);

  useOnReconnect(() => {
    load();
    if (selectedId) loadDetail(selectedId);
  });

  useHubEvent((e: JobEvent) => {
    if (e.type === 'job.updated') {
      setJobs((list) => (list ? upsert(list, e.job, filter) : list));
      if (!isLive(e.job)) {
        setProgress((p) => {
          if (!(e.job.id in p)) return p;
          const { [e.job.id]: _gone, ...rest } = p;
          return rest;
        });
      }
      if (e.job.id === selectedId) {
        setDetail((d) => (d ? { ...d, job: e.job } : d));
        if (!isLive(e.job)) loadDetail(e.job.id);
      }
    } else if (e.type === 'job.progress') {
      setProgress((p) => ({ ...p, [e.jobId]: { ...e.progress, index: e.index } }));
    } else if (e.type === 'job.item' && e.jobId === selectedId) {
      setDetail((d) => {
        if (!d) return d;
        const items: JobItem[] = d.items.map((it) => (it.index === e.item.index ? { ...it, ...e.item, input: it.input } : it));
        return { ...d, items };
      });
    }
  });

  const anyLive = jobs?.some(isLive) ?? false;
  useEffect(() => {
    if (!anyLive) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [anyLive]);

  async function act(kind: 'cancel' | 'resume', job: Job): Promise<void> {
    setActionError(null);
    try {
      const updated = await client.call(kind === 'cancel' ? 'jobs.cancel' : 'jobs.resume', { id: job.id });
      setJobs((list) => (list ? upsert(list, updated, filter) : list));
      if (job.id === selectedId) loadDetail(job.id);
    } catch (err) {
      setActionError(toCallError(err).toPayload());
    }
  }

  return (
    <div className="screen" data-testid="screen-jobs">
      <section className="panel" aria-labelledby="jobs-title">
        <div className="section-head">
          <h2 className="h2" id="jobs-title">
            {L.jobs} {jobs && <span className="count">{jobs.length}</span>}
          </h2>
          <div className="toolbar">
            <label className="sr-only" htmlFor="job-filter">
              {L.status}
            </label>
            <select
              id="job-filter"
              className="input select select-small"
              value={filter}
              onChange={(e) => setFilter(e.target.value as JobStatus | '')}
              data-testid="job-filter"
            >
              <option value="">{L.allStatuses}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {jobStatusLabel[s]}
                </option>
              ))}
            </select>
            <button type="button" className="btn btn-small" onClick={load} data-testid="jobs-refresh">
              {L.refresh}
            </button>
          </div>
        </div>
        {error && <ErrorBox error={error} testId="jobs-error" onRetry={load} />}
        {actionError && <ErrorBox error={actionError} testId="job-action-error" />}
        {!jobs && !error && <p className="muted">{L.loading}</p>}
        {jobs && jobs.length === 0 && <p className="muted">{L.noJobs}</p>}
        {jobs && jobs.length > 0 && (
          <div className="table-wrap">
            <table className="table jobs-table" data-testid="jobs-table">
              <thead>
                <tr>
                  <th scope="col">{L.job}</th>
                  <th scope="col">{L.capability}</th>
                  <th scope="col">{L.status}</th>
                  <th scope="col">{L.items}</th>
                  <th scope="col">{L.created}</th>
                  <th scope="col">{L.duration}</th>
                  <th scope="col">{L.actions}</th>
                </tr>
              </thead>
              <tbody>
                {jobs.map((j) => {
                  const p = progress[j.id];
                  // Finished items, plus the share of the item in flight when its handler reports progress.
                  const partial = p?.total ? Math.min(1, p.done / p.total) : 0;
                  const pct = j.itemsTotal ? Math.round(((j.itemsDone + j.itemsFailed + partial) / j.itemsTotal) * 100) : 0;
                  return (
                    <tr key={j.id} className={j.id === selectedId ? 'row-selected' : ''} data-testid={`job-row-${j.id}`} data-status={j.status}>
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => onSelect(j.id)}
                          aria-label={`${L.detail} ${j.id}`}
                          data-testid={`job-detail-${j.id}`}
                        >
                          <code className="job-id">{j.id}</code>
                        </button>
                      </td>
                      <td>
                        <code>{j.capability}</code>
                      </td>
                      <td>
                        <StatusBadge status={j.status} testId={`job-status-${j.id}`} />
                      </td>
                      <td>
                        <div className="items-cell">
                          <span data-testid={`job-items-${j.id}`}>
                            <span className="ok">{j.itemsDone}</span>
                            {' / '}
                            {j.itemsTotal}
                            {j.itemsFailed > 0 && <span className="bad"> · {t('failedN', { n: j.itemsFailed })}</span>}
                          </span>
                          {isLive(j) && (
                            <progress className="progress" max={100} value={pct} aria-label={`${pct}%`}>
                              {pct}%
                            </progress>
                          )}
                          {p && isLive(j) && (
                            <span className="muted small">
                              #{p.index + 1} {p.message ?? ''} {p.total ? `${Math.round((p.done / p.total) * 100)}%` : ''}
                            </span>
                          )}
                        </div>
                      </td>
                      <td className="small num" title={formatTime(j.createdAt)}>
                        {formatShortTime(j.createdAt)}
                      </td>
                      <td className="small num">{durationOf(j.startedAt, j.finishedAt, Math.max(now, Date.now()))}</td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={!canCancel(j)}
                          onClick={() => void act('cancel', j)}
                          data-testid={`job-cancel-${j.id}`}
                        >
                          {L.cancel}
                        </button>
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={!canResume(j)}
                          onClick={() => void act('resume', j)}
                          data-testid={`job-resume-${j.id}`}
                        >
                          {L.resume}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {selectedId && (
        <JobDetailPanel
          id={selectedId}
          detail={detail}
          error={detailError}
          onClose={() => onSelect(null)}
          onRetry={() => loadDetail(selectedId)}
          now={now}
        />
      )}
    </div>
  );
}

function JobDetailPanel({
  id,
  detail,
  error,
  onClose,
  onRetry,
  now,
}: {
  id: string;
  detail: JobDetail | null;
  error: ErrorPayload | null;
  onClose: () => void;
  onRetry: () => void;
  now: number;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [id]);
  const job = detail?.job;
  return (
    <section className="panel" aria-labelledby="job-detail-title" data-testid="job-detail" ref={ref}>
      <div className="section-head">
        <h2 className="h2" id="job-detail-title">
          {L.jobDetail} <code className="job-id">{id}</code>
        </h2>
        <button type="button" className="btn btn-small" onClick={onClose} data-testid="job-detail-close">
          {L.close}
        </button>
      </div>
      {error && <ErrorBox error={error} testId="job-detail-error" onRetry={onRetry} />}
      {!detail && !error && <p className="muted">{L.loading}</p>}
      {job && detail && (
        <>
          <dl className="facts facts-wide">
            <dt>{L.capability}</dt>
            <dd>
              <code>{job.capability}</code>
            </dd>
            <dt>{L.status}</dt>
            <dd>
              <StatusBadge status={job.status} />
            </dd>
            <dt>{L.items}</dt>
            <dd>
              {t('itemsSummary', { done: job.itemsDone, total: job.itemsTotal, failed: job.itemsFailed })}
            </dd>
            <dt>{L.created}</dt>
            <dd>{formatTime(job.createdAt)}</dd>
            <dt>{L.started}</dt>
            <dd>{formatTime(job.startedAt)}</dd>
            <dt>{L.finished}</dt>
            <dd>{formatTime(job.finishedAt)}</dd>
            <dt>{L.duration}</dt>
            <dd>{durationOf(job.startedAt, job.finishedAt, Math.max(now, Date.now()))}</dd>
            <dt>{L.timeout}</dt>
            <dd>{formatMs(job.timeoutMs)}</dd>
          </dl>
          {job.error && <ErrorBox error={job.error} testId="job-detail-job-error" />}
          <h3 className="h3">
            {L.items} <span className="count">{detail.items.length}</span>
          </h3>
          <ol className="item-list" data-testid="job-items">
            {detail.items.map((it) => (
              <li key={it.index} className="item-card" data-status={it.status}>
                <div className="item-head">
                  <span className="item-index">#{it.index + 1}</span>
                  <span className={`badge item-status item-${it.status}`}>
                    {it.status === 'succeeded' ? jobStatusLabel.succeeded : it.status === 'failed' ? jobStatusLabel.failed : L.itemPending}
                  </span>
                  {it.engine && <span className="badge badge-engine">{it.engine}</span>}
                  {it.ms !== undefined && <span className="badge badge-time">{formatMs(it.ms)}</span>}
                </div>
                {it.error && <ErrorBox error={it.error} testId={`item-error-${it.index}`} />}
                <details className="raw-details">
                  <summary>{L.input}</summary>
                  <JsonView value={it.input} />
                </details>
                {it.output !== undefined && (
                  <details className="raw-details" open={detail.items.length === 1}>
                    <summary>{L.output}</summary>
                    <OutputView capability={job.capability} output={it.output} />
                  </details>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
