import { useState, type ReactNode } from 'react';
import { Button, Space } from 'antd';
import { FileExcelOutlined, FileOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { MAX_REQUEST_BYTES, OCR_EXPORT_FORMATS, type OcrExportFormat } from '../../../main/common/contract/constants.js';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import type { OcrOutput } from '../../../main/common/contract/ocr.js';
import { toCallError } from '../api/client.js';
import { useClient } from '../client-context.js';
import { base64Bytes, saveBytes } from '../download.js';
import { readBase64 } from '../files.js';
import { L, t, type MessageKey } from '../i18n.js';
import { ErrorBox } from './ErrorBox.js';

const LABEL: Record<OcrExportFormat, MessageKey> = { txt: 'ocrDlTxt', json: 'ocrDlJson', pdf: 'ocrDlPdf', xlsx: 'ocrDlXlsx' };
const ICON: Record<OcrExportFormat, ReactNode> = {
  txt: <FileTextOutlined />,
  json: <FileOutlined />,
  pdf: <FilePdfOutlined />,
  xlsx: <FileExcelOutlined />,
};

/**
 * The files `ic ocr --format` writes, as downloads of one OCR'd file: the console sends the file it still holds with
 * its OCR result to `ocr.export` (the hub keeps neither) and saves the answer through a Blob link.
 */
export function OcrDownloads({ file, output, testId = 'ocr-downloads' }: { file: Blob; output: OcrOutput; testId?: string }) {
  const client = useClient();
  const [busy, setBusy] = useState<OcrExportFormat | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);

  async function download(format: OcrExportFormat): Promise<void> {
    if (busy) return;
    setBusy(format);
    setError(null);
    try {
      const base64 = await readBase64(file);
      const ocr = JSON.stringify(output);
      // One loopback request carries one file's upload and a little more; a result too big to ride along is refused
      // here with the way out, not by the server's body limit.
      if (base64.length + ocr.length + 4096 > MAX_REQUEST_BYTES) {
        setError({ code: 'BAD_REQUEST', message: t('ocrDlTooLarge', { format }) });
        return;
      }
      const out = await client.call('ocr.export', { file: { name: output.file, base64 }, ocr: output, format });
      saveBytes(out.name, base64Bytes(out.base64), out.mime);
    } catch (err) {
      setError(toCallError(err).toPayload());
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="ocr-downloads" data-testid={testId}>
      <Space wrap size={6} role="group" aria-label={L.ocrDownloads}>
        <span className="muted small">{L.ocrDownloads}</span>
        {OCR_EXPORT_FORMATS.map((f) => (
          <Button
            key={f}
            size="small"
            icon={ICON[f]}
            loading={busy === f}
            disabled={busy !== null && busy !== f}
            onClick={() => void download(f)}
            data-testid={`${testId}-${f}`}
          >
            {L[LABEL[f]]}
          </Button>
        ))}
        <span className="muted small" aria-live="polite" data-testid={`${testId}-status`}>
          {busy ? L.ocrDlProducing : ''}
        </span>
      </Space>
      {error && <ErrorBox error={error} testId={`${testId}-error`} />}
    </div>
  );
}
