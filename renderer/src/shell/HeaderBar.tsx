import { Select, Tag, Tooltip } from 'antd';
import type { Health } from '../../../main/common/contract/health.js';
import type { ConnectionState, Transport } from '../api/client.js';
import { L, LANGS, part, type Lang } from '../i18n.js';
import './HeaderBar.css';

const connectionLabel = (c: ConnectionState) => (c === 'open' ? L.eventsOpen : c === 'connecting' ? L.eventsConnecting : L.eventsClosed);

/** Brand, version, the event stream's state (browser only), the door in use, and the language switch. */
export function HeaderBar({
  health,
  transport,
  connection,
  lang,
  onLang,
}: {
  health: Health | null;
  transport: Transport;
  connection: ConnectionState;
  lang: Lang;
  onLang: (lang: Lang) => void;
}) {
  const electron = transport === 'electron';
  return (
    <div className="header-bar">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          智
        </span>
        <h1 className="app-title" data-testid="app-title">
          {part('appName', 'zh')} <span className="app-title-en">{part('appName', 'en')}</span>
        </h1>
      </div>
      <div className="header-meta">
        {health && (
          <Tooltip title={`${L.dataFolder}: ${health.dataDir}`}>
            <span className="header-version" data-testid="app-version">
              v{health.version}
            </span>
          </Tooltip>
        )}
        {!electron && (
          <span className={`conn conn-${connection}`} data-testid="conn-status" title={L.jobEvents}>
            <span className="dot" aria-hidden="true" />
            {connectionLabel(connection)}
          </span>
        )}
        <Tag color={electron ? 'purple' : 'blue'} data-testid="runtime-mode" data-mode={transport} variant="outlined">
          {electron ? L.electron : L.browser}
        </Tag>
        <Select<Lang>
          size="small"
          value={lang}
          onChange={onLang}
          aria-label={L.language}
          data-testid="lang-select"
          popupMatchSelectWidth={false}
          // Each language named in itself, whatever the current one.
          options={LANGS.map((l) => ({ value: l, label: l === 'en' ? part('langEn', 'en') : part('langZh', 'zh') }))}
        />
      </div>
    </div>
  );
}
