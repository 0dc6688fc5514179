import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Card, Progress as ProgressBar, Select, Space } from 'antd';
import { JOB_STATUSES, type JobStatus } from '../../../main/common/contract/constants.js';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import type { Job, JobDetail, JobEvent, JobItem, Progress } from '../../../main/common/contract/jobs.js';
import { toCallError } from '../api/client.js';
import { useClient, useHubEvent } from '../client-context.js';
import { StatusBadge } from '../components/Badges.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { JsonView } from '../components/JsonView.js';
import { OutputView } from '../components/OutputView.js';
import { durationOf, formatMs, formatShortTime, formatTime } from '../format.js';
import { jobStatusLabel, L, t } from '../i18n.js';
import { useLoad } from '../use-load.js';
import type { ScreenProps } from './registry.js';
import './JobsScreen.css';

const LIMIT = 50;

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

/** Recent jobs, live through the hub's events (progress, status), with cancel/resume and one job's detail (#/jobs/<id>). */
export function JobsScreen({ param: selectedId, navigate }: ScreenProps) {
  const onSelect = (id: string | null) => navigate('jobs', id);
  const client = useClient();
  const [filter, setFilter] = useState<JobStatus | ''>('');
  const list = useLoad<Job[]>((c) => c.call('jobs.list', filter ? { limit: LIMIT, status: filter } : { limit: LIMIT }), [filter]);
  const { data: jobs, error, reload: load, setData: setJobs } = list;
  const detailLoad = useLoad<JobDetail | null>((c) => (selectedId ? c.call('jobs.get', { id: selectedId }) : Promise.resolve(null)), [selectedId]);
  const { data: detail, error: detailError, reload: loadDetail, setData: setDetail } = detailLoad;
  const [actionError, setActionError] = useState<ErrorPayload | null>(null);
  const [progress, setProgress] = useState<Record<string, Progress & { index: number }>>({});
  const [now, setNow] = useState(() => Date.now());

  useHubEvent((e: JobEvent) => {
    if (e.type === 'job.updated') {
      setJobs((l) => (l ? upsert(l, e.job, filter) : l));
      if (!isLive(e.job)) {
        setProgress((p) => {
          if (!(e.job.id in p)) return p;
          const { [e.job.id]: _gone, ...rest } = p;
          return rest;
        });
      }
      if (e.job.id === selectedId) {
        setDetail((d) => (d ? { ...d, job: e.job } : d));
        if (!isLive(e.job)) loadDetail();
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
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [anyLive]);

  async function act(kind: 'cancel' | 'resume', job: Job): Promise<void> {
    setActionError(null);
    try {
      const updated = await client.call(kind === 'cancel' ? 'jobs.cancel' : 'jobs.resume', { id: job.id });
      setJobs((l) => (l ? upsert(l, updated, filter) : l));
      if (job.id === selectedId) loadDetail();
    } catch (err) {
      setActionError(toCallError(err).toPayload());
    }
  }

  /** The table's columns: header and cell of each. */
  const columns: { key: string; title: string; className?: string; render: (_: unknown, j: Job, i: number) => ReactNode }[] = [
    {
      key: 'id',
      title: L.job,
      render: (_, j) => (
        <Button type="link" size="small" className="job-link" onClick={() => onSelect(j.id)} aria-label={`${L.detail} ${j.id}`} data-testid={`job-detail-${j.id}`}>
          <code className="job-id">{j.id}</code>
        </Button>
      ),
    },
    { key: 'capability', title: L.capability, render: (_, j) => <code>{j.capability}</code> },
    { key: 'status', title: L.status, render: (_, j) => <StatusBadge status={j.status} testId={`job-status-${j.id}`} /> },
    {
      key: 'items',
      title: L.items,
      render: (_, j) => {
        const p = progress[j.id];
        // Finished items, plus the share of the item in flight when its handler reports progress.
        const partial = p?.total ? Math.min(1, p.done / p.total) : 0;
        const pct = j.itemsTotal ? Math.round(((j.itemsDone + j.itemsFailed + partial) / j.itemsTotal) * 100) : 0;
        return (
          <div className="items-cell">
            <span data-testid={`job-items-${j.id}`}>
              <span className="ok">{j.itemsDone}</span>
              {' / '}
              {j.itemsTotal}
              {j.itemsFailed > 0 && <span className="bad"> · {t('failedN', { n: j.itemsFailed })}</span>}
            </span>
            {isLive(j) && <ProgressBar percent={pct} size="small" aria-label={`${pct}%`} />}
            {p && isLive(j) && (
              <span className="muted small">
                #{p.index + 1} {p.message ?? ''} {p.total ? `${Math.round((p.done / p.total) * 100)}%` : ''}
              </span>
            )}
          </div>
        );
      },
    },
    {
      key: 'created',
      title: L.created,
      className: 'small num',
      render: (_, j) => <span title={formatTime(j.createdAt)}>{formatShortTime(j.createdAt)}</span>,
    },
    { key: 'duration', title: L.duration, className: 'small num', render: (_, j) => durationOf(j.startedAt, j.finishedAt, Math.max(now, Date.now())) },
    {
      key: 'actions',
      title: L.actions,
      render: (_, j) => (
        <Space size={4}>
          <Button size="small" disabled={!canCancel(j)} onClick={() => void act('cancel', j)} data-testid={`job-cancel-${j.id}`}>
            {L.cancel}
          </Button>
          <Button size="small" disabled={!canResume(j)} onClick={() => void act('resume', j)} data-testid={`job-resume-${j.id}`}>
            {L.resume}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div className="screen" data-testid="screen-jobs">
      <Card
        title={
          <Space>
            {L.jobs} {jobs && <span className="count">{jobs.length}</span>}
          </Space>
        }
        extra={
          <Space>
            <Select<JobStatus | ''>
              size="small"
              value={filter}
              onChange={setFilter}
              aria-label={L.status}
              data-testid="job-filter"
              popupMatchSelectWidth={false}
              options={[{ value: '', label: L.allStatuses }, ...JOB_STATUSES.map((s) => ({ value: s, label: jobStatusLabel[s] }))]}
            />
            <Button size="small" onClick={load} data-testid="jobs-refresh">
              {L.refresh}
            </Button>
          </Space>
        }
      >
        {error && <ErrorBox error={error} testId="jobs-error" onRetry={load} />}
        {actionError && <ErrorBox error={actionError} testId="job-action-error" />}
        {!jobs && !error && <p className="muted">{L.loading}</p>}
        {jobs && jobs.length === 0 && <p className="muted">{L.noJobs}</p>}
        {jobs && jobs.length > 0 && (
          // A plain table, not antd's: rc-table measures the scrollbar with an inline <style> the CSP reports.
          <div className="table-wrap">
            <table className="table jobs-table" data-testid="jobs-table">
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col">
                      {c.title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {jobs.map((j, i) => (
                  <tr key={j.id} className={j.id === selectedId ? 'row-selected' : ''} data-testid={`job-row-${j.id}`} data-status={j.status}>
                    {columns.map((c) => (
                      <td key={c.key} className={c.className}>
                        {c.render(undefined, j, i)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {selectedId && (
        <JobDetailPanel
          id={selectedId}
          detail={detail?.job.id === selectedId ? detail : null}
          error={detailError}
          onClose={() => onSelect(null)}
          onRetry={loadDetail}
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
        <Button size="small" onClick={onClose} data-testid="job-detail-close">
          {L.close}
        </Button>
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
          <ol className="stack-list item-list" data-testid="job-items">
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
