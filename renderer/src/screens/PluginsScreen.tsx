import { useState } from 'react';
import { Alert, Badge, Button, Card, Descriptions, Empty, List, Popconfirm, Space, Switch, Tag, Typography } from 'antd';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import type { PluginInfo, RejectedPlugin } from '../../../main/common/contract/plugins.js';
import { toCallError } from '../api/client.js';
import { useClient } from '../client-context.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { L, word } from '../i18n.js';
import { useLoad } from '../use-load.js';
import type { ScreenProps } from './registry.js';
import './PluginsScreen.css';

/** Installed plugins (switch, version, what they provide, permissions) and the folders refused with the reason. */
export function PluginsScreen(_props: ScreenProps) {
  const client = useClient();
  const { data, error, reload: load, setData } = useLoad<{ plugins: PluginInfo[]; rejected: RejectedPlugin[] }>((c) => c.call('plugins.list'));
  const [busy, setBusy] = useState<string | null>(null);
  const [toggleError, setToggleError] = useState<{ id: string; error: ErrorPayload } | null>(null);

  async function toggle(p: PluginInfo, enable: boolean): Promise<void> {
    setBusy(p.id);
    setToggleError(null);
    try {
      // A plugin from the user folder is enabled only with the permissions the operator was shown (the confirm).
      const info = enable
        ? await client.call('plugins.enable', { id: p.id, ...(p.source === 'user' ? { acceptPermissions: p.permissions } : {}) })
        : await client.call('plugins.disable', { id: p.id });
      setData((d) => (d ? { ...d, plugins: d.plugins.map((x) => (x.id === info.id ? info : x)) } : d));
    } catch (err) {
      setToggleError({ id: p.id, error: toCallError(err).toPayload() });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="screen" data-testid="screen-plugins">
      <Card
        title={
          <Space>
            {L.plugins}
            {data && <Badge count={data.plugins.length} showZero color="#8c8c8c" />}
          </Space>
        }
        extra={
          <Button size="small" onClick={load}>
            {L.refresh}
          </Button>
        }
      >
        {error && <ErrorBox error={error} testId="plugins-error" onRetry={load} />}
        {!data && !error && <p className="muted">{L.loading}</p>}
        {data && data.plugins.length === 0 && <Empty description={L.noPlugins} />}
        <ul className="plugin-grid" data-testid="plugin-list">
          {data?.plugins.map((p) => (
            <li key={p.id}>
              <Card
                size="small"
                className={`plugin-card ${p.enabled ? '' : 'plugin-card-off'}`}
                data-testid={`plugin-card-${p.id}`}
                title={
                  <span>
                    <span className="plugin-name">{p.name}</span> <code className="cap-id">{p.id}</code>
                  </span>
                }
                extra={
                  <Space size={8}>
                    <span className="switch-state" data-testid={`plugin-state-${p.id}`}>
                      {p.enabled ? L.enabled : L.disabled}
                    </span>
                    {p.source === 'user' && !p.enabled ? (
                      <Popconfirm
                        title={L.enableUserPlugin}
                        description={
                          <div data-testid={`plugin-confirm-${p.id}`}>
                            {L.permissions}: {p.permissions.length ? p.permissions.map((x) => word(x)).join(', ') : L.noPermissions}
                            <br />
                            {L.network}: {p.network}
                          </div>
                        }
                        okText={L.enable}
                        onConfirm={() => void toggle(p, true)}
                        disabled={!p.available || busy === p.id}
                      >
                        <Switch
                          checked={false}
                          loading={busy === p.id}
                          disabled={!p.available || busy === p.id}
                          aria-label={`${L.enable} ${p.name}`}
                          data-testid={`plugin-toggle-${p.id}`}
                        />
                      </Popconfirm>
                    ) : (
                      <Switch
                        checked={p.enabled}
                        loading={busy === p.id}
                        disabled={(!p.available && !p.enabled) || busy === p.id}
                        aria-label={`${p.enabled ? L.disable : L.enable} ${p.name}`}
                        onChange={(next) => void toggle(p, next)}
                        data-testid={`plugin-toggle-${p.id}`}
                      />
                    )}
                  </Space>
                }
              >
                {p.description && <p className="description">{p.description}</p>}
                {!p.available && <Alert type="warning" showIcon message={`${L.pluginUnavailable}: ${p.unavailableReason ?? ''}`} data-testid={`plugin-unavailable-${p.id}`} />}
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'version', label: L.version, children: <span data-testid={`plugin-version-${p.id}`}>{p.version}</span> },
                    { key: 'source', label: L.source, children: word(p.source) },
                    {
                      key: 'provides',
                      label: L.provides,
                      children: (
                        <span>
                          {p.capabilities.map((c) => (
                            <Tag key={c}>
                              <code>{c}</code>
                            </Tag>
                          ))}
                        </span>
                      ),
                    },
                    {
                      key: 'permissions',
                      label: L.permissions,
                      children: (
                        <span data-testid={`plugin-permissions-${p.id}`}>
                          {p.permissions.length === 0 ? (
                            <span className="muted">{L.noPermissions}</span>
                          ) : (
                            p.permissions.map((perm) => (
                              <Tag key={perm} color="warning" title={perm}>
                                {word(perm)}
                              </Tag>
                            ))
                          )}
                        </span>
                      ),
                    },
                    ...(p.available
                      ? [
                          { key: 'sandbox', label: L.sandbox, children: <span className="small">{p.sandbox}</span> },
                          { key: 'network', label: L.network, children: <span className="small" data-testid={`plugin-network-${p.id}`}>{p.network}</span> },
                        ]
                      : []),
                  ]}
                />
                {toggleError?.id === p.id && <ErrorBox error={toggleError.error} testId={`plugin-error-${p.id}`} />}
              </Card>
            </li>
          ))}
        </ul>
        <Typography.Paragraph type="secondary" className="small">
          {L.pluginIsolation}
        </Typography.Paragraph>
      </Card>
      <Card
        title={
          <Space>
            {L.rejected}
            {data && <Badge count={data.rejected.length} showZero color={data.rejected.length ? '#d48806' : '#8c8c8c'} />}
          </Space>
        }
      >
        {data && data.rejected.length === 0 && <p className="muted">{L.noRejected}</p>}
        {data && data.rejected.length > 0 && (
          <List
            data-testid="rejected-list"
            dataSource={data.rejected}
            rowKey={(r) => r.folder}
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta title={<code className="folder">{r.folder}</code>} description={<span className="rejected-reason">{r.error}</span>} />
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
