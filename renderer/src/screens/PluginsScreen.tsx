import { useCallback, useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import type { PluginInfo, RejectedPlugin } from '../../../main/common/contract/plugins.js';
import { toCallError } from '../api/client.js';
import { useClient, useOnReconnect } from '../client-context.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { Switch } from '../components/Switch.js';
import { L, word } from '../i18n.js';
import './PluginsScreen.css';
import type { ScreenProps } from './registry.js';

export function PluginsScreen(_props: ScreenProps) {
  const client = useClient();
  const [data, setData] = useState<{ plugins: PluginInfo[]; rejected: RejectedPlugin[] } | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [toggleError, setToggleError] = useState<{ id: string; error: ErrorPayload } | null>(null);

  const load = useCallback(() => {
    client.call('plugins.list').then(
      (d) => {
        setData(d);
        setError(null);
      },
      (err) => setError(toCallError(err).toPayload()),
    );
  }, [client]);
  useEffect(load, [load]);
  useOnReconnect(load);

  async function toggle(p: PluginInfo, enable: boolean): Promise<void> {
    setBusy(p.id);
    setToggleError(null);
    try {
      const info = await client.call(enable ? 'plugins.enable' : 'plugins.disable', { id: p.id });
      setData((d) => (d ? { ...d, plugins: d.plugins.map((x) => (x.id === info.id ? info : x)) } : d));
    } catch (err) {
      setToggleError({ id: p.id, error: toCallError(err).toPayload() });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="screen" data-testid="screen-plugins">
      <section className="panel" aria-labelledby="plugins-title">
        <div className="section-head">
          <h2 className="h2" id="plugins-title">
            {L.plugins} {data && <span className="count">{data.plugins.length}</span>}
          </h2>
          <button type="button" className="btn btn-small" onClick={load}>
            {L.refresh}
          </button>
        </div>
        {error && <ErrorBox error={error} testId="plugins-error" onRetry={load} />}
        {!data && !error && <p className="muted">{L.loading}</p>}
        {data && data.plugins.length === 0 && <p className="muted">{L.noPlugins}</p>}
        <ul className="plugin-grid" data-testid="plugin-list">
          {data?.plugins.map((p) => (
            <li key={p.id} className={`plugin-card ${p.enabled ? '' : 'plugin-card-off'}`} data-testid={`plugin-card-${p.id}`}>
              <div className="plugin-head">
                <div>
                  <h3 className="h3 plugin-name">{p.name}</h3>
                  <code className="cap-id">{p.id}</code>
                </div>
                <div className="switch-box">
                  <span className="switch-state" data-testid={`plugin-state-${p.id}`}>
                    {p.enabled ? L.enabled : L.disabled}
                  </span>
                  <Switch
                    checked={p.enabled}
                    disabled={busy === p.id}
                    label={`${p.enabled ? L.disable : L.enable} ${p.name}`}
                    onChange={(next) => void toggle(p, next)}
                    testId={`plugin-toggle-${p.id}`}
                  />
                </div>
              </div>
              {p.description && <p className="description">{p.description}</p>}
              <dl className="facts">
                <dt>{L.version}</dt>
                <dd data-testid={`plugin-version-${p.id}`}>{p.version}</dd>
                <dt>{L.source}</dt>
                <dd>{word(p.source)}</dd>
                <dt>{L.provides}</dt>
                <dd>
                  {p.capabilities.map((c) => (
                    <code key={c} className="chip">
                      {c}
                    </code>
                  ))}
                </dd>
                <dt>{L.permissions}</dt>
                <dd data-testid={`plugin-permissions-${p.id}`}>
                  {p.permissions.length === 0 ? (
                    <span className="muted">{L.noPermissions}</span>
                  ) : (
                    p.permissions.map((perm) => (
                      <span key={perm} className="chip chip-warn" title={perm}>
                        {word(perm)}
                      </span>
                    ))
                  )}
                </dd>
              </dl>
              {toggleError?.id === p.id && <ErrorBox error={toggleError.error} testId={`plugin-error-${p.id}`} />}
            </li>
          ))}
        </ul>
        <p className="muted small">
          {L.pluginIsolation}
        </p>
      </section>
      <section className="panel" aria-labelledby="rejected-title">
        <h2 className="h2" id="rejected-title">
          {L.rejected} {data && <span className={`count ${data.rejected.length ? 'count-warn' : ''}`}>{data.rejected.length}</span>}
        </h2>
        {data && data.rejected.length === 0 && <p className="muted">{L.noRejected}</p>}
        {data && data.rejected.length > 0 && (
          <ul className="rejected-list" data-testid="rejected-list">
            {data.rejected.map((r) => (
              <li key={r.folder} className="rejected-item">
                <code className="folder">{r.folder}</code>
                <p className="rejected-reason">{r.error}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
