import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { CloudDownloadOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import type { ModelInfo, ModelsFetchSource, VerifyResult } from '../../../main/common/contract/models.js';
import { useClient } from '../client-context.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { formatBytes, readBase64 } from '../files.js';
import { L, t } from '../i18n.js';
import { useAction } from '../use-action.js';
import { useJobRun } from '../use-job-run.js';
import { useLoad } from '../use-load.js';
import type { ScreenProps } from './registry.js';
import './ModelsScreen.css';

const fetchable = (m: ModelInfo) => m.source.startsWith('huggingface:');

/** Model packs: size, version, checksum, the capability using each; verify, import an archive, download with progress. */
export function ModelsScreen(_props: ScreenProps) {
  const client = useClient();
  const list = useLoad<ModelInfo[]>((c) => c.call('models.list'));
  const source = useLoad<ModelsFetchSource>((c) => c.call('models.fetchSource'));
  const [verifying, setVerifying] = useState<string | null>(null);
  const [verified, setVerified] = useState<Record<string, VerifyResult>>({});
  const [lastVerify, setLastVerify] = useState<VerifyResult[] | null>(null);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const fetchJob = useJobRun('models.fetch');
  const [fetchingId, setFetchingId] = useState<string | null>(null);

  // Each action replaces the last one's notice (or error).
  async function verify(id?: string): Promise<void> {
    setNotice(null);
    await action.run(
      (on) => setVerifying(on ? (id ?? '*') : null),
      async () => {
        const results = await client.call('models.verify', id ? { id } : {});
        setVerified((v) => ({ ...v, ...Object.fromEntries(results.map((r) => [r.id, r])) }));
        setLastVerify(results);
      },
    );
  }

  async function importFile(file: File): Promise<void> {
    setNotice(null);
    await action.run(setImporting, async () => {
      const info = await client.call('models.import', { name: file.name, base64: await readBase64(file) });
      setNotice(t('imported', { id: info.id, version: info.version }));
      list.reload();
    });
  }

  async function fetchPack(id: string): Promise<void> {
    setNotice(null);
    await action.run(
      (on) => setFetchingId(on ? id : null),
      async () => {
        const { result } = await fetchJob.run({ id });
        const out = result.output as { id: string; files: number; bytes: number };
        setNotice(t('fetchDone', { id: out.id, files: out.files, size: formatBytes(out.bytes) }));
        list.reload();
      },
    );
  }

  const p = fetchJob.progress;
  const pct = p?.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0;
  const bad = lastVerify?.filter((r) => !r.ok) ?? [];

  return (
    <div className="screen" data-testid="screen-models">
      <Card
        title={<h2 className="card-title">{L.modelPacks}</h2>}
        extra={
          <Space>
            <Button size="small" icon={<SafetyCertificateOutlined />} loading={verifying === '*'} disabled={verifying !== null} onClick={() => void verify()} data-testid="models-verify-all">
              {L.verifyAll}
            </Button>
            <Button size="small" onClick={list.reload}>
              {L.refresh}
            </Button>
          </Space>
        }
      >
        {list.error && <ErrorBox error={list.error} testId="models-error" onRetry={list.reload} />}
        {action.error && <ErrorBox error={action.error} testId="models-action-error" />}
        {notice && <Alert type="success" showIcon message={notice} data-testid="models-notice" className="models-alert" />}
        {lastVerify && (
          <Alert
            className="models-alert"
            type={bad.length ? 'error' : 'success'}
            showIcon
            data-testid="models-verify-result"
            message={bad.length ? t('verifySomeBad', { bad: bad.length, n: lastVerify.length }) : t('verifyAllOk', { n: lastVerify.length })}
            description={
              bad.length ? (
                <ul className="plain-list">
                  {bad.map((r) => (
                    <li key={r.id}>
                      <code>{r.id}</code>: {r.problems.join('; ')}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        <Table<ModelInfo>
          size="small"
          rowKey="id"
          loading={list.loading && !list.data}
          dataSource={list.data ?? []}
          pagination={false}
          data-testid="models-table"
          onRow={(m) => ({ 'data-testid': `model-row-${m.id}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'id',
              title: L.colPack,
              render: (_, m) => (
                <span>
                  <code>{m.id}</code>
                  <div className="muted small">{m.source}</div>
                </span>
              ),
            },
            { key: 'version', title: L.version, dataIndex: 'version' },
            { key: 'size', title: L.colSize, className: 'num', render: (_, m) => formatBytes(m.sizeBytes) },
            { key: 'capability', title: L.colUsedBy, render: (_, m) => <Tag>{m.capability}</Tag> },
            { key: 'where', title: L.colWhere, render: (_, m) => (m.location === 'app' ? L.whereApp : m.location === 'data' ? L.whereData : L.notInstalled) },
            {
              key: 'checksum',
              title: L.colChecksum,
              render: (_, m) => <ChecksumCell m={m} result={verified[m.id]} />,
            },
            {
              key: 'actions',
              title: L.actions,
              render: (_, m) =>
                m.installed ? (
                  <Button size="small" loading={verifying === m.id} disabled={verifying !== null} onClick={() => void verify(m.id)} data-testid={`model-verify-${m.id}`} aria-label={`${L.verify} ${m.id}`}>
                    {L.verify}
                  </Button>
                ) : fetchable(m) ? (
                  <Button
                    size="small"
                    icon={<CloudDownloadOutlined />}
                    loading={fetchingId === m.id}
                    disabled={fetchingId !== null || !source.data?.host}
                    onClick={() => void fetchPack(m.id)}
                    data-testid={`model-fetch-${m.id}`}
                    aria-label={`${L.fetch} ${m.id}`}
                  >
                    {L.fetch}
                  </Button>
                ) : (
                  <span className="muted small">{L.fetchOnlyHf}</span>
                ),
            },
          ]}
        />
        {fetchingId && (
          <div className="fetch-progress" data-testid="models-fetch-progress">
            <span>
              {L.fetching} <code>{fetchingId}</code> {p?.message ?? ''}
            </span>
            <Progress percent={pct} size="small" aria-label={`${L.fetching} ${pct}%`} />
            {p?.total ? (
              <span className="muted small">
                {formatBytes(p.done)} / {formatBytes(p.total)}
              </span>
            ) : null}
            <Button size="small" onClick={() => void fetchJob.cancel()} data-testid="models-fetch-cancel">
              {L.cancel}
            </Button>
          </div>
        )}
        <p className="small fetch-source" data-testid="models-fetch-source">
          {source.data?.host ? (
            <>
              {L.fetchFrom} <code>{source.data.base}</code> {source.data.from === 'HF_ENDPOINT' ? L.fetchFromEnv : ''} · {L.fetchAllowed}{' '}
              {source.data.allowedHosts.join(', ')}
            </>
          ) : source.data ? (
            <>
              {L.fetchNoHost} {source.data.problem}
            </>
          ) : null}
        </p>
      </Card>
      <Card title={<h2 className="card-title">{L.importPack}</h2>}>
        <Typography.Paragraph type="secondary" className="small">
          {L.importHint}
        </Typography.Paragraph>
        <Upload
          accept=".tar,.tgz,.gz,.zip,application/x-tar,application/gzip,application/zip"
          showUploadList={false}
          disabled={importing}
          beforeUpload={(file) => {
            void importFile(file);
            return false; // the bytes go through the hub's contract, not antd's XHR upload
          }}
        >
          <Button icon={<UploadOutlined />} loading={importing} data-testid="models-import">
            {importing ? L.importing : L.importPack}
          </Button>
        </Upload>
      </Card>
    </div>
  );
}

function ChecksumCell({ m, result }: { m: ModelInfo; result: VerifyResult | undefined }) {
  if (!m.installed) return <span className="muted">{L.notInstalled}</span>;
  // A fresh verify (re-hashed) wins over the list's size-only check.
  if (result)
    return (
      <span data-testid={`model-checksum-${m.id}`} data-ok={String(result.ok)}>
        <Tag color={result.ok ? 'success' : 'error'}>{result.ok ? L.checksumOk : L.checksumBad}</Tag>
        {!result.ok && <div className="small bad">{result.problems.join('; ')}</div>}
      </span>
    );
  return (
    <span data-testid={`model-checksum-${m.id}`} data-ok={m.problems.length ? 'false' : 'unknown'}>
      {m.problems.length ? (
        <>
          <Tag color="error">{L.checksumBad}</Tag>
          <div className="small bad">{m.problems.join('; ')}</div>
        </>
      ) : (
        <span className="muted small">{L.checksumSizesOk}</span>
      )}
    </span>
  );
}
