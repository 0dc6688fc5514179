import { useState } from 'react';
import { Alert, Button, Card, Popconfirm, Progress, Space, Tag, Tooltip, Upload } from 'antd';
import { DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import type { KgAddOutput, KgSource } from '../../../main/common/contract/kg.js';
import { toCallError } from '../api/client.js';
import { useClient } from '../client-context.js';
import { formatBytes, MAX_FILE_BYTES, readBase64, screenFiles } from '../files.js';
import { formatShortTime } from '../format.js';
import { L, t, word } from '../i18n.js';
import { progressText, useJobRun } from '../use-job-run.js';
import { useLoad } from '../use-load.js';
import { ErrorBox } from './ErrorBox.js';
import { StaticTable } from './StaticTable.js';

/** What `kg.add` reads (the hub judges the bytes; this only filters the picker). */
const ACCEPT = '.txt,.md,.markdown,.docx,.pdf,.png,.jpg,.jpeg,.tif,.tiff,.webp';
const MAX_DOCS = 20;
/** Scanned PDFs go through OCR: give a batch a few minutes a file. */
const timeoutFor = (n: number) => Math.min(60 * 60_000, Math.max(5 * 60_000, n * 5 * 60_000));

/**
 * The graph's sources (kg.sources.list): shipped ones and the user's documents. Documents are added as one kg.add
 * job (one item per file, uploaded as {name, base64} like the OCR screen's files) and removed after a confirmation.
 * `onChanged` tells the screen the graph changed (counts, search results).
 */
export function KgSources({ onChanged }: { onChanged: () => void }) {
  const client = useClient();
  const sources = useLoad<KgSource[]>((c) => c.call('kg.sources.list'));
  const runner = useJobRun('kg.add');
  const [picked, setPicked] = useState<File[]>([]);
  const [refused, setRefused] = useState<{ name: string; reason: string }[]>([]);
  const [added, setAdded] = useState<KgAddOutput[]>([]);
  const [failures, setFailures] = useState<{ name: string; error: ErrorPayload }[]>([]);
  const [removed, setRemoved] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busySource, setBusySource] = useState<string | null>(null);

  function pick(files: File[]): void {
    const { accepted, refused: no } = screenFiles(picked, files, { maxFiles: MAX_DOCS });
    setRefused(no);
    if (accepted.length) setPicked((p) => [...p, ...accepted]);
  }

  async function add(): Promise<void> {
    if (!picked.length || runner.running) return;
    setError(null);
    setAdded([]);
    setFailures([]);
    setRemoved(null);
    const files = picked;
    try {
      const inputs = await Promise.all(files.map(async (f) => ({ file: { name: f.name, base64: await readBase64(f) } })));
      const detail = await runner.start(inputs, timeoutFor(files.length));
      const ok: KgAddOutput[] = [];
      const bad: { name: string; error: ErrorPayload }[] = [];
      detail.items.forEach((it, i) => {
        if (it.status === 'succeeded') ok.push(it.output as KgAddOutput);
        else bad.push({ name: files[i]?.name ?? `#${i + 1}`, error: it.error ?? detail.job.error ?? { code: 'INTERNAL', message: it.status } });
      });
      setAdded(ok);
      setFailures(bad);
      setPicked([]);
    } catch (err) {
      setError(toCallError(err).toPayload());
    } finally {
      sources.reload();
      onChanged();
    }
  }

  async function remove(s: KgSource): Promise<void> {
    setBusySource(s.id);
    setError(null);
    setRemoved(null);
    try {
      const r = await client.call('kg.sources.remove', { source: s.id });
      setRemoved(t('kgRemoved', { name: s.name, passages: r.removed.passages, entities: r.removed.entities }));
      setAdded((a) => a.filter((x) => x.source.id !== s.id));
    } catch (err) {
      setError(toCallError(err).toPayload());
    } finally {
      setBusySource(null);
      sources.reload();
      onChanged();
    }
  }

  const total = runner.running ? picked.length : 0;
  const finished = Object.keys(runner.items).length;
  return (
    <Card title={L.kgSources} data-testid="kg-sources">
      {sources.error && <ErrorBox error={sources.error} testId="kg-sources-error" onRetry={sources.reload} />}
      <StaticTable<KgSource>
        size="small"
        rowKey="id"
        pagination={false}
        loading={sources.loading && !sources.data}
        dataSource={sources.data ?? []}
        onRow={(s) => ({ 'data-testid': 'kg-source', 'data-source': s.id, 'data-shipped': String(s.shipped) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: L.source,
            render: (_, s) => (
              <span className="kg-source-name" title={s.file ?? s.name}>
                {s.name}
              </span>
            ),
          },
          { key: 'kind', title: L.kgKind, render: (_, s) => <Tag>{word(`kg.kind.${s.kind}`)}</Tag> },
          {
            key: 'shipped',
            title: L.kgOrigin,
            render: (_, s) => <Tag color={s.shipped ? 'default' : 'green'}>{s.shipped ? L.kgShipped : L.kgUserDoc}</Tag>,
          },
          { key: 'passages', title: L.kgPassagesCount, align: 'right', render: (_, s) => <span className="num">{s.passages}</span> },
          { key: 'entities', title: L.kgEntitiesCount, align: 'right', render: (_, s) => <span className="num">{s.entities}</span> },
          { key: 'added', title: L.kgAdded, render: (_, s) => <span className="muted small">{formatShortTime(s.addedAt)}</span> },
          {
            key: 'actions',
            title: L.actions,
            render: (_, s) =>
              s.shipped ? (
                <Tooltip title={L.kgShippedFixed}>
                  <Button size="small" icon={<DeleteOutlined />} disabled aria-label={`${L.remove} ${s.name}`} />
                </Tooltip>
              ) : (
                <Popconfirm
                  title={t('kgRemoveConfirm', { name: s.name })}
                  okText={L.remove}
                  cancelText={L.cancel}
                  okButtonProps={{ danger: true, ...{ 'data-testid': 'kg-remove-confirm' } }}
                  onConfirm={() => remove(s)}
                >
                  <Button size="small" danger icon={<DeleteOutlined />} loading={busySource === s.id} data-testid="kg-remove" aria-label={`${L.remove} ${s.name}`}>
                    {L.remove}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />

      <div className="kg-add">
        <h4 className="h3">{L.kgAddDocs}</h4>
        <div data-testid="kg-add-upload">
          <Upload.Dragger
            multiple
            accept={ACCEPT}
            showUploadList={false}
            disabled={runner.running}
            // Files stay in the browser until "add": they go to the hub as {name, base64} in the kg.add job.
            beforeUpload={(_f, list) => {
              if (_f === list[0]) pick(list);
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {L.dropHere} {L.chooseFiles}
            </p>
            <p className="ant-upload-hint">
              {L.kgAddHint} · {t('limitPerFile', { max: formatBytes(MAX_FILE_BYTES) })}
            </p>
          </Upload.Dragger>
        </div>
        {refused.length > 0 && (
          <ul className="refused-list" role="alert" data-testid="kg-add-refused">
            {refused.map((r, i) => (
              <li key={`${r.name}-${i}`}>
                <strong>{r.name}</strong>: {r.reason}
              </li>
            ))}
          </ul>
        )}
        {picked.length > 0 && (
          <ul className="kg-picked" data-testid="kg-add-picked">
            {picked.map((f) => (
              <li key={`${f.name}-${f.size}`}>
                <span>{f.name}</span> <span className="muted small">{formatBytes(f.size)}</span>
                {!runner.running && (
                  <Button size="small" type="link" onClick={() => setPicked((p) => p.filter((x) => x !== f))}>
                    {L.remove}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        <Space className="kg-add-actions">
          <Button type="primary" onClick={() => void add()} disabled={!picked.length || runner.running} loading={runner.running} data-testid="kg-add-run">
            {runner.running ? L.kgAdding : L.kgAddRun}
          </Button>
          {runner.running && runner.jobId && (
            <Button onClick={() => void runner.cancel()} data-testid="kg-add-cancel">
              {L.cancel}
            </Button>
          )}
        </Space>
        {runner.running && (
          <div className="kg-add-progress" aria-live="polite" data-testid="kg-add-progress">
            <Progress percent={total ? Math.round((finished / total) * 100) : 0} size="small" />
            <span className="muted small">
              {progressText(runner.progress)} · {(runner.elapsed / 1000).toFixed(1)} s
            </span>
          </div>
        )}
        {added.map((a) => (
          <Alert
            key={a.source.id}
            type="success"
            showIcon
            className="kg-note"
            data-testid="kg-added"
            data-source={a.source.id}
            title={t('kgAddedSource', { name: a.source.name, passages: a.source.passages, reader: a.reader })}
          />
        ))}
        {failures.map((f) => (
          <div key={f.name} data-testid="kg-add-failed">
            <strong>{f.name}</strong>
            <ErrorBox error={f.error} testId="kg-add-error" />
          </div>
        ))}
        {removed && <Alert type="info" showIcon className="kg-note" title={removed} data-testid="kg-removed" />}
        {error && <ErrorBox error={error} testId="kg-sources-action-error" />}
      </div>
    </Card>
  );
}
