import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { AuditRecord, AuditVerifyResult } from '../../../main/common/contract/audit.js';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import { toCallError } from '../api/client.js';
import { useClient } from '../client-context.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { saveBytes } from '../download.js';
import { formatBytes } from '../files.js';
import { formatTime } from '../format.js';
import { L, t } from '../i18n.js';
import { useLoad } from '../use-load.js';
import type { ScreenProps } from './registry.js';
import './AuditScreen.css';

const PAGE = 200;
/** Words a verdict is made of (job status, pre-review verdict); the filter matches a part of the verdict. */
const VERDICTS = ['succeeded', 'failed', 'cancelled', 'pass', 'needs_review'] as const;

interface Filters {
  range: [Dayjs | null, Dayjs | null] | null;
  operator: string;
  capability: string;
  verdict: string;
}
const NO_FILTERS: Filters = { range: null, operator: '', capability: '', verdict: '' };

function paramsOf(f: Filters, beforeSeq?: number) {
  const [from, to] = f.range ?? [null, null];
  return {
    limit: PAGE,
    ...(beforeSeq ? { beforeSeq } : {}),
    ...(from ? { from: from.startOf('day').toISOString() } : {}),
    ...(to ? { to: to.add(1, 'day').startOf('day').toISOString() } : {}),
    ...(f.operator.trim() ? { operator: f.operator.trim() } : {}),
    ...(f.capability ? { capability: f.capability } : {}),
    ...(f.verdict ? { verdict: f.verdict } : {}),
  };
}

/** The audit trail: filter (time, operator, capability, verdict), export as JSON lines, verify the hash chain. */
export function AuditScreen(_props: ScreenProps) {
  const client = useClient();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const list = useLoad<AuditRecord[]>((c) => c.call('audit.list', paramsOf(filters)), [filters]);
  const caps = useLoad<string[]>(async (c) => (await c.call('capabilities.list')).map((x) => x.id).sort());
  const [more, setMore] = useState(false);
  const [busy, setBusy] = useState<'export' | 'verify' | null>(null);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ErrorPayload | null>(null);
  const rows = list.data ?? [];

  async function loadMore(): Promise<void> {
    const last = rows[rows.length - 1];
    if (!last) return;
    setMore(true);
    try {
      const next = await client.call('audit.list', paramsOf(filters, last.seq));
      list.setData((d) => [...(d ?? []), ...next]);
    } catch (err) {
      setActionError(toCallError(err).toPayload());
    } finally {
      setMore(false);
    }
  }

  async function act(kind: 'export' | 'verify'): Promise<void> {
    setBusy(kind);
    setActionError(null);
    try {
      if (kind === 'verify') {
        setVerify(await client.call('audit.verify'));
      } else {
        const r = await client.call('audit.export');
        saveBytes(`audit-${new Date().toISOString().slice(0, 10)}.jsonl`, r.content, 'application/x-ndjson');
        setExported(t('exported', { n: r.entries, head: r.head ?? '—' }));
      }
    } catch (err) {
      setActionError(toCallError(err).toPayload());
    } finally {
      setBusy(null);
    }
  }

  const first = verify?.problems[0];
  return (
    <div className="screen" data-testid="screen-audit">
      <Card
        title={<h2 className="card-title">{L.auditTrail}</h2>}
        extra={
          <Space>
            <Button size="small" icon={<SafetyCertificateOutlined />} loading={busy === 'verify'} onClick={() => void act('verify')} data-testid="audit-verify">
              {L.verifyAudit}
            </Button>
            <Button size="small" icon={<DownloadOutlined />} loading={busy === 'export'} onClick={() => void act('export')} data-testid="audit-export">
              {L.exportAudit}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" className="small">
          {L.auditHint}
        </Typography.Paragraph>
        {verify && (
          <Alert
            className="audit-alert"
            type={verify.ok ? 'success' : 'error'}
            showIcon
            data-testid="audit-verify-result"
            data-ok={String(verify.ok)}
            message={
              verify.ok || !first
                ? t('auditOk', { n: verify.entries, head: verify.head ?? '—' })
                : t('auditBroken', { line: first.line, seq: first.seq ?? '—', problem: first.problem })
            }
            description={verify.ok ? L.auditHeadHint : undefined}
          />
        )}
        {exported && <Alert className="audit-alert" type="info" showIcon message={exported} data-testid="audit-exported" />}
        {actionError && <ErrorBox error={actionError} testId="audit-action-error" />}
        <Form
          layout="inline"
          className="audit-filters"
          onFinish={() => setFilters(draft)}
          data-testid="audit-filters"
        >
          <Form.Item label={L.timeRange} htmlFor="audit-range">
            <DatePicker.RangePicker id="audit-range" value={draft.range} onChange={(v) => setDraft({ ...draft, range: v })} allowEmpty={[true, true]} data-testid="audit-range" />
          </Form.Item>
          <Form.Item label={L.operator} htmlFor="audit-operator">
            <Input id="audit-operator" value={draft.operator} onChange={(e) => setDraft({ ...draft, operator: e.target.value })} allowClear data-testid="audit-operator" />
          </Form.Item>
          <Form.Item label={L.capability} htmlFor="audit-capability">
            <Select
              id="audit-capability"
              className="audit-select"
              value={draft.capability}
              onChange={(v) => setDraft({ ...draft, capability: v })}
              popupMatchSelectWidth={false}
              data-testid="audit-capability"
              options={[{ value: '', label: L.anyValue }, ...(caps.data ?? []).map((c) => ({ value: c, label: c }))]}
            />
          </Form.Item>
          <Form.Item label={L.verdict} htmlFor="audit-verdict">
            <Select
              id="audit-verdict"
              className="audit-select"
              value={draft.verdict}
              onChange={(v) => setDraft({ ...draft, verdict: v })}
              popupMatchSelectWidth={false}
              data-testid="audit-verdict"
              options={[{ value: '', label: L.anyValue }, ...VERDICTS.map((v) => ({ value: v, label: v }))]}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="audit-apply">
                {L.filter}
              </Button>
              <Button
                onClick={() => {
                  setDraft(NO_FILTERS);
                  setFilters(NO_FILTERS);
                }}
              >
                {L.clearFilters}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        {list.error && <ErrorBox error={list.error} testId="audit-error" onRetry={list.reload} />}
        <Table<AuditRecord>
          size="small"
          rowKey="seq"
          loading={list.loading}
          dataSource={rows}
          pagination={false}
          // antd greys its placeholder to #bfbfbf (1.8:1 on white): the console's own muted colour reads (AA).
          locale={{ emptyText: <span className="muted">{L.noAudit}</span> }}
          data-testid="audit-table"
          onRow={(r) => ({ 'data-testid': `audit-row-${r.seq}` }) as HTMLAttributesWithTestId}
          columns={[
            { key: 'seq', title: L.colSeq, dataIndex: 'seq', className: 'num' },
            { key: 'at', title: L.colAt, render: (_, r) => <span className="small">{formatTime(r.at)}</span> },
            { key: 'operator', title: L.operator, dataIndex: 'operator' },
            {
              key: 'action',
              title: L.action,
              render: (_, r) => (
                <span>
                  <code>{r.action}</code> {r.capability && <Tag>{r.capability}</Tag>}
                  {r.details && <div className="muted small audit-details">{JSON.stringify(r.details)}</div>}
                </span>
              ),
            },
            { key: 'verdict', title: L.verdict, render: (_, r) => <span data-testid={`audit-verdict-${r.seq}`}>{r.verdict ?? '—'}</span> },
            {
              key: 'inputs',
              title: L.colInputs,
              render: (_, r) =>
                r.inputs?.length ? (
                  <ul className="plain-list small">
                    {r.inputs.map((i, k) => (
                      <li key={k} title={i.sha256}>
                        <code>{i.sha256.slice(0, 12)}…</code> {formatBytes(i.bytes)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  '—'
                ),
            },
            {
              key: 'packs',
              title: L.colPacks,
              render: (_, r) => (r.packs?.length ? r.packs.map((p) => `${p.id}@${p.version}`).join(', ') : r.engine ?? '—'),
            },
            { key: 'hash', title: L.colHash, render: (_, r) => <code className="small" title={r.hash}>{r.hash.slice(0, 10)}…</code> },
          ]}
        />
        {rows.length > 0 && rows.length % PAGE === 0 && (
          <Button className="audit-more" onClick={() => void loadMore()} loading={more} data-testid="audit-more">
            {L.loadMore}
          </Button>
        )}
      </Card>
    </div>
  );
}

type HTMLAttributesWithTestId = HTMLAttributes<HTMLElement> & { 'data-testid': string };
