import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Radio, Space, Switch, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import type { KgCatalogImportResult, KgImportRow } from '../../../main/common/contract/kg.js';
import { toCallError } from '../api/client.js';
import { useClient } from '../client-context.js';
import { formatBytes, MAX_FILE_BYTES, readBase64 } from '../files.js';
import { L, t } from '../i18n.js';
import { ErrorBox } from './ErrorBox.js';
import { StaticTable } from './StaticTable.js';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Importing the service catalog from CSV or XLSX (kg.catalog.import, the file uploaded as {name, base64}) and its
 * per-row report. The import is all or nothing: any row in error and the catalog stays as it was.
 */
export function CatalogImport({ onImported }: { onImported: () => void }) {
  const client = useClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<KgCatalogImportResult | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(true);

  async function run(): Promise<void> {
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error(t('refusedTooLarge', { size: formatBytes(file.size), max: formatBytes(MAX_FILE_BYTES) }));
      const base64 = await readBase64(file);
      const r = await client.call('kg.catalog.import', { file: { name: file.name, base64 }, mode, dryRun });
      setReport(r);
      if (r.imported > 0) onImported();
    } catch (err) {
      setError(toCallError(err).toPayload());
    } finally {
      setBusy(false);
    }
  }

  const rows = report ? (onlyErrors && report.failed > 0 ? report.rows.filter((r) => r.status === 'error') : report.rows) : [];
  return (
    <Card title={L.kgImport} data-testid="kg-import">
      <p className="muted small">{L.kgImportHint}</p>
      <Space wrap className="kg-import-form">
        <div data-testid="kg-import-upload">
          <Upload
            accept={ACCEPT}
            maxCount={1}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(f) => {
              setFile(f);
              setReport(null);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} disabled={busy}>
              {L.kgPickFile}
            </Button>
          </Upload>
        </div>
        {file && (
          <span data-testid="kg-import-file">
            {file.name} <span className="muted small">{formatBytes(file.size)}</span>
          </span>
        )}
        <Radio.Group
          optionType="button"
          size="small"
          value={mode}
          onChange={(e) => setMode(e.target.value as 'merge' | 'replace')}
          options={[
            { value: 'merge', label: L.kgImportMerge },
            { value: 'replace', label: L.kgImportReplace },
          ]}
        />
        <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} data-testid="kg-import-dry-run">
          {L.kgImportDryRun}
        </Checkbox>
        <Button type="primary" onClick={() => void run()} disabled={!file} loading={busy} data-testid="kg-import-run">
          {L.kgImportRun}
        </Button>
      </Space>
      {error && <ErrorBox error={error} testId="kg-import-error" />}
      {report && (
        <div className="kg-import-report" data-testid="kg-import-report" data-failed={report.failed} data-imported={report.imported}>
          <Alert
            type={report.failed > 0 ? 'error' : 'success'}
            showIcon
            title={t('kgImportSummary', { file: report.file.split(/[\\/]/).pop() ?? report.file, rows: report.rows.length, failed: report.failed, imported: report.imported })}
            description={report.failed > 0 ? L.kgImportNothing : report.dryRun ? L.kgImportChecked : L.kgImportDone}
            data-testid="kg-import-summary"
          />
          {report.failed > 0 && (
            <Space className="kg-import-filter">
              <Switch size="small" checked={onlyErrors} onChange={setOnlyErrors} data-testid="kg-import-only-errors" />
              <span className="small">{L.kgOnlyErrors}</span>
            </Space>
          )}
          <StaticTable<KgImportRow>
            size="small"
            rowKey="row"
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            onRow={(r) => ({ 'data-testid': 'kg-import-row', 'data-row': r.row, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'row', title: L.kgRow, width: 64, render: (_, r) => <span className="num">{r.row}</span> },
              { key: 'service', title: L.kgService, width: 200, render: (_, r) => (r.service ? <code>{r.service}</code> : <span className="muted">—</span>) },
              {
                key: 'status',
                title: L.status,
                width: 90,
                render: (_, r) => <Tag color={r.status === 'ok' ? 'success' : 'error'}>{r.status === 'ok' ? L.kgRowOk : L.kgRowError}</Tag>,
              },
              {
                key: 'errors',
                title: L.kgRowErrors,
                render: (_, r) =>
                  r.errors.length ? (
                    <ul className="kg-row-errors">
                      {r.errors.map((e, i) => (
                        <li key={i}>
                          {e.column && <code className="kg-row-column">{e.column}</code>} {e.message}
                        </li>
                      ))}
                    </ul>
                  ) : null,
              },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
