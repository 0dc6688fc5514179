import { useRef, useState } from 'react';
import { Alert, Button, Card, Radio, Select, Space, Tag } from 'antd';
import { TRANSLATE_ACCEPT, TRANSLATE_EXPORT_FORMATS } from '../../../main/common/contract/constants.js';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import type { TranslatedSegment, TranslateOutput } from '../../../main/common/contract/translate.js';
import { toCallError } from '../api/client.js';
import { useClient } from '../client-context.js';
import { EngineBadge } from '../components/Badges.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { base64Bytes, saveBytes } from '../download.js';
import { readBase64 } from '../files.js';
import { L } from '../i18n.js';
import { useJobRun } from '../use-job-run.js';
import type { ScreenProps } from './registry.js';
import './TranslateScreen.css';

type Pair = 'zh-en' | 'en-zh';
type Format = (typeof TRANSLATE_EXPORT_FORMATS)[number];
const formatLabel: Record<Format, string> = { txt: '.txt', md: '.md', docx: '.docx', xliff12: 'XLIFF 1.2', xliff20: 'XLIFF 2.0', tmx: 'TMX' };
const originColor = { model: 'blue', tm: 'green', glossary: 'purple', dictionary: 'orange', none: 'default' } as const;

function OriginTag({ s }: { s: TranslatedSegment }) {
  const label =
    s.origin === 'model'
      ? L.trOriginModel
      : s.origin === 'tm'
        ? `${L.trOriginTm} ${Math.round((s.score ?? 1) * 100)}%`
        : s.origin === 'glossary'
          ? L.trOriginGlossary
          : s.origin === 'dictionary'
            ? L.trOriginDictionary
            : L.trOriginNone;
  return (
    <Tag color={originColor[s.origin]} className={`tr-origin-${s.origin}`} data-testid="tr-origin" data-origin={s.origin}>
      {label}
    </Tag>
  );
}

/** Translate text or a document; review each segment (origin, terms, QA), edit, store in memory, export. */
export function TranslateScreen(_props: ScreenProps) {
  const client = useClient();
  const runner = useJobRun('translate');
  const [pair, setPair] = useState<Pair>('zh-en');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<TranslateOutput | null>(null);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Record<string, boolean>>({});
  const [format, setFormat] = useState<Format>('docx');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [from, to] = pair.split('-') as ['zh' | 'en', 'zh' | 'en'];

  async function translate(): Promise<void> {
    setError(null);
    try {
      const source = file ? { data: { name: file.name, base64: await readBase64(file) } } : { text };
      const { result: r } = await runner.run({ from, to, ...source });
      setResult(r.output as TranslateOutput);
      setEdits({});
      setSaved({});
    } catch (err) {
      setError(toCallError(err).toPayload());
    }
  }

  const segments = (result?.segments ?? []).map((s) => (edits[s.id] !== undefined ? { ...s, tgt: edits[s.id]! } : s));

  async function save(s: TranslatedSegment): Promise<void> {
    try {
      await client.call('tm.add', { units: [{ srcLang: result!.from, tgtLang: result!.to, src: s.src, tgt: s.tgt }] });
      setSaved((m) => ({ ...m, [s.id]: true }));
    } catch (err) {
      setError(toCallError(err).toPayload());
    }
  }

  async function exportDoc(): Promise<void> {
    if (!result) return;
    try {
      const out = await client.call('translate.export', { from: result.from, to: result.to, format, blocks: result.blocks, segments });
      saveBytes(out.name, base64Bytes(out.base64), 'application/octet-stream');
    } catch (err) {
      setError(toCallError(err).toPayload());
    }
  }

  const hasDraft = segments.some((s) => s.origin === 'dictionary');
  return (
    <div className="screen" data-testid="screen-translate">
      <Card
        title={
          <span>
            {L.trTitle} <span className="muted small">{L.trSubtitle}</span>
          </span>
        }
      >
        <div className="tr-setup">
          <Space wrap>
            <span>{L.trDirection}</span>
            <Radio.Group
              optionType="button"
              value={pair}
              onChange={(e) => setPair(e.target.value as Pair)}
              options={[
                { value: 'zh-en', label: <span data-testid="tr-pair-zh-en">{L.trZhEn}</span> },
                { value: 'en-zh', label: <span data-testid="tr-pair-en-zh">{L.trEnZh}</span> },
              ]}
            />
          </Space>
          <textarea
            className="tr-input"
            aria-label={L.trPaste}
            placeholder={L.trPaste}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFile(null);
            }}
            data-testid="tr-text"
          />
          <div className="tr-actions">
            <input
              ref={fileInput}
              className="tr-file-input"
              type="file"
              accept={TRANSLATE_ACCEPT}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              data-testid="tr-file"
            />
            <Button onClick={() => fileInput.current?.click()}>{L.trOpen}</Button>
            <span className="muted small">{file ? file.name : L.trOpenHint}</span>
            <Button type="primary" onClick={() => void translate()} disabled={runner.running || (!file && !text.trim())} loading={runner.running} data-testid="tr-run">
              {runner.running ? L.trRunning : L.trRun}
            </Button>
          </div>
        </div>
      </Card>
      {error && <ErrorBox error={error} testId="tr-error" />}
      {result && (
        <Card
          data-testid="tr-result"
          title={
            <Space>
              <span>{L.trEngine}</span>
              <EngineBadge engine={result.engine} />
            </Space>
          }
          extra={
            <Space>
              <Select<Format> value={format} onChange={setFormat} options={TRANSLATE_EXPORT_FORMATS.map((f) => ({ value: f, label: formatLabel[f] }))} style={{ width: 130 }} data-testid="tr-format" />
              <Button onClick={() => void exportDoc()} data-testid="tr-export">
                {L.trExport}
              </Button>
            </Space>
          }
        >
          {hasDraft && <Alert type="info" showIcon title={L.trDraftNote} data-testid="tr-draft-note" />}
          <table className="table tr-table">
            <thead>
              <tr>
                <th>#</th>
                <th>{L.trSource}</th>
                <th>{L.trTarget}</th>
                <th>{L.trOrigin}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {segments.map((s) => (
                <tr key={s.id} data-testid="tr-segment" data-id={s.id}>
                  <td className="muted small">{s.id}</td>
                  <td className="tr-src" lang={result.from}>
                    {s.src}
                  </td>
                  <td className="tr-tgt" lang={result.to}>
                    <textarea
                      aria-label={`${L.trTarget} ${s.id}`}
                      value={s.tgt}
                      onChange={(e) => {
                        const v = e.target.value;
                        setEdits((m) => ({ ...m, [s.id]: v }));
                        setSaved((m) => ({ ...m, [s.id]: false }));
                      }}
                      data-testid="tr-target"
                    />
                    {s.qa.length > 0 && (
                      <ul className="tr-qa" data-testid="tr-qa">
                        {s.qa.map((q, i) => (
                          <li key={i} data-code={q.code}>
                            {q.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <div className="tr-tags">
                      <OriginTag s={s} />
                      {edits[s.id] !== undefined && <Tag>{L.trEdited}</Tag>}
                      {s.terms.map((t) => (
                        <Tag key={t.zh} title={L.trTerms}>
                          {t.zh} → {t.en}
                        </Tag>
                      ))}
                    </div>
                  </td>
                  <td>
                    <Button size="small" onClick={() => void save(s)} disabled={saved[s.id] === true || !s.tgt.trim()} data-testid="tr-save">
                      {saved[s.id] ? L.trSaved : L.trSave}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
