import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Switch, Tag, Typography } from 'antd';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import type { Settings, SettingsView } from '../../../main/common/contract/settings.js';
import { toCallError } from '../api/client.js';
import { useClient } from '../client-context.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { L, t } from '../i18n.js';
import { useLoad } from '../use-load.js';
import type { ScreenProps } from './registry.js';
import './SettingsScreen.css';

interface Draft {
  operatorName: string;
  retentionDays: number | null;
  keepScans: boolean;
}
const draftOf = (s: Settings): Draft => ({ operatorName: s.operatorName ?? '', retentionDays: s.retentionDays, keepScans: s.keepScans });

/** Operator name, retention, keep scans (saved through settings.set, each change audited) and the key provider in use. */
export function SettingsScreen(_props: ScreenProps) {
  const client = useClient();
  const view = useLoad<SettingsView>((c) => c.call('settings.get'));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<ErrorPayload | null>(null);
  const loaded = view.data?.settings;

  useEffect(() => {
    if (loaded) setDraft(draftOf(loaded));
  }, [loaded]);

  async function save(): Promise<void> {
    if (!draft || !loaded) return;
    setSaving(true);
    setSaved(false);
    setSaveError(null);
    try {
      // Only what changed is sent: each change is one audit entry naming the settings changed.
      const name = draft.operatorName.trim() || null;
      const patch: Partial<Settings> = {
        ...(name !== loaded.operatorName ? { operatorName: name } : {}),
        ...(draft.retentionDays !== null && draft.retentionDays !== loaded.retentionDays ? { retentionDays: draft.retentionDays } : {}),
        ...(draft.keepScans !== loaded.keepScans ? { keepScans: draft.keepScans } : {}),
      };
      const next = Object.keys(patch).length ? await client.call('settings.set', patch) : view.data!;
      view.setData(next);
      setSaved(true);
    } catch (err) {
      setSaveError(toCallError(err).toPayload());
    } finally {
      setSaving(false);
    }
  }

  const storage = view.data?.storage;
  const shorter = !!loaded && draft?.retentionDays != null && draft.retentionDays < loaded.retentionDays;
  return (
    <div className="screen" data-testid="screen-settings">
      <Card title={<h2 className="card-title">{L.settingsTitle}</h2>}>
        {view.error && <ErrorBox error={view.error} testId="settings-error" onRetry={view.reload} />}
        {!draft && !view.error && <p className="muted">{L.loading}</p>}
        {draft && storage && (
          <Form layout="vertical" className="settings-form" onFinish={() => void save()} data-testid="settings-form">
            <Form.Item label={L.operatorName} htmlFor="settings-operator" extra={t('operatorHint', { account: storage.operator })}>
              <Input
                id="settings-operator"
                value={draft.operatorName}
                maxLength={80}
                onChange={(e) => setDraft({ ...draft, operatorName: e.target.value })}
                data-testid="settings-operator"
              />
            </Form.Item>
            <Form.Item label={L.retentionDays} htmlFor="settings-retention" extra={L.retentionHint}>
              <InputNumber
                id="settings-retention"
                min={1}
                max={3650}
                precision={0}
                value={draft.retentionDays}
                onChange={(v) => setDraft({ ...draft, retentionDays: v })}
                data-testid="settings-retention"
              />
            </Form.Item>
            <Form.Item label={L.keepScans} htmlFor="settings-keep-scans" extra={L.keepScansHint}>
              <Switch id="settings-keep-scans" checked={draft.keepScans} onChange={(v) => setDraft({ ...draft, keepScans: v })} data-testid="settings-keep-scans" />
            </Form.Item>
            {/* A shorter retention deletes old jobs at once: the clerk confirms it, seeing how many days are kept. */}
            <Popconfirm
              title={t('retentionShorter', { n: draft.retentionDays ?? 0 })}
              okText={L.save}
              onConfirm={() => void save()}
              disabled={!shorter}
            >
              <Button
                type="primary"
                htmlType={shorter ? 'button' : 'submit'}
                loading={saving}
                disabled={draft.retentionDays === null}
                data-testid="settings-save"
              >
                {L.save}
              </Button>
            </Popconfirm>
            {saved && <Alert className="settings-alert" type="success" showIcon message={L.saved} data-testid="settings-saved" />}
            {saveError && <ErrorBox error={saveError} testId="settings-save-error" />}
          </Form>
        )}
      </Card>
      {storage && (
        <Card title={<h2 className="card-title">{L.storageProtection}</h2>}>
          <Descriptions
            size="small"
            column={1}
            data-testid="settings-storage"
            items={[
              { key: 'enc', label: L.encryption, children: <code>{storage.encryption.toUpperCase()}</code> },
              { key: 'provider', label: L.keyProvider, children: <Tag data-testid="settings-key-provider">{storage.keyProvider}</Tag> },
              { key: 'where', label: L.keyWhere, children: <code className="small settings-where">{storage.keyWhere}</code> },
              ...(storage.keySkipped.length
                ? [
                    {
                      key: 'skipped',
                      label: L.keySkipped,
                      children: (
                        <ul className="plain-list small">
                          {storage.keySkipped.map((k) => (
                            <li key={k.kind}>
                              <code>{k.kind}</code>: {k.reason}
                            </li>
                          ))}
                        </ul>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {storage.keyProvider === 'key-file' && (
            <Typography.Paragraph className="small settings-warning" data-testid="settings-key-file-warning">
              {L.keyFileWarning}
            </Typography.Paragraph>
          )}
        </Card>
      )}
    </div>
  );
}
