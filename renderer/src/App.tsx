import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ErrorPayload } from '../../main/common/contract/errors.js';
import type { Health } from '../../main/common/contract/health.js';
import { toCallError } from './api/client.js';
import { useClient, useConnection } from './client-context.js';
import { ErrorBox } from './components/ErrorBox.js';
import { L } from './i18n.js';
import { CapabilitiesScreen } from './screens/CapabilitiesScreen.js';
import { JobsScreen } from './screens/JobsScreen.js';
import { OcrScreen } from './screens/OcrScreen.js';
import { PluginsScreen } from './screens/PluginsScreen.js';
import { PrereviewScreen } from './screens/PrereviewScreen.js';

type Screen = 'prereview' | 'ocr' | 'run' | 'plugins' | 'jobs';
interface Route {
  screen: Screen;
  jobId: string | null;
}

const SCREENS: { id: Screen; label: string }[] = [
  { id: 'prereview', label: L.navPrereview },
  { id: 'ocr', label: L.navOcr },
  { id: 'run', label: L.navRun },
  { id: 'plugins', label: L.navPlugins },
  { id: 'jobs', label: L.navJobs },
];

/**
 * Routes live in the hash (#/prereview, #/ocr, #/run, #/plugins, #/jobs/<id>) so they work under app:// and the
 * loopback server alike. Pre-review, the clerk's main job, is the first screen.
 */
function parseHash(hash: string): Route {
  const [screen, id] = hash.replace(/^#\/?/, '').split('/');
  if (screen === 'jobs') return { screen: 'jobs', jobId: id ? decodeURIComponent(id) : null };
  if (screen === 'ocr' || screen === 'run' || screen === 'plugins') return { screen, jobId: null };
  return { screen: 'prereview', jobId: null };
}

function hashOf(r: Route): string {
  return r.screen === 'jobs' && r.jobId ? `#/jobs/${encodeURIComponent(r.jobId)}` : `#/${r.screen}`;
}

export function App() {
  const client = useClient();
  const connection = useConnection();
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  const [health, setHealth] = useState<Health | null>(null);
  const [healthError, setHealthError] = useState<ErrorPayload | null>(null);
  // Pre-review and OCR keep their files and results while the clerk looks at another screen: once opened, they
  // stay mounted (hidden).
  const [kept, setKept] = useState<ReadonlySet<Screen>>(() => new Set([route.screen]));
  if (!kept.has(route.screen) && (route.screen === 'prereview' || route.screen === 'ocr')) setKept(new Set([...kept, route.screen]));
  const tabRefs = useRef<Partial<Record<Screen, HTMLButtonElement | null>>>({});

  useEffect(() => {
    const onHash = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const navigate = useCallback((r: Route) => {
    const h = hashOf(r);
    if (window.location.hash !== h) window.location.hash = h;
    setRoute(r);
  }, []);

  const openJob = useCallback((id: string) => navigate({ screen: 'jobs', jobId: id }), [navigate]);

  const loadHealth = useCallback(() => {
    client.call('health').then(
      (h) => {
        setHealth(h);
        setHealthError(null);
      },
      (err) => {
        const e = toCallError(err);
        setHealthError(e.toPayload());
        // Without the token nothing will work until the tokened URL is opened again: stop retrying the event stream.
        if (e.code === 'UNAUTHORIZED') client.close();
      },
    );
  }, [client]);
  useEffect(loadHealth, [loadHealth]);

  function onTabKey(e: KeyboardEvent<HTMLButtonElement>, i: number): void {
    const keys: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
    let next: number | undefined;
    if (e.key in keys) next = (i + (keys[e.key] ?? 0) + SCREENS.length) % SCREENS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = SCREENS.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    const s = SCREENS[next]!;
    navigate({ screen: s.id, jobId: null });
    tabRefs.current[s.id]?.focus();
  }

  const electron = client.transport === 'electron';
  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        跳到内容 Skip to content
      </button>
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            智
          </span>
          <h1 className="app-title" data-testid="app-title">
            {L.appName} <span className="app-title-en">{L.appNameEn}</span>
          </h1>
        </div>
        <div className="header-meta">
          {health && (
            <span className="muted small" data-testid="app-version" title={`数据目录 Data folder: ${health.dataDir}`}>
              v{health.version}
            </span>
          )}
          {!electron && (
            <span className={`conn conn-${connection}`} data-testid="conn-status" title="任务事件 Job events">
              <span className="dot" aria-hidden="true" />
              {L.events[connection]}
            </span>
          )}
          <span className={`badge mode ${electron ? 'mode-electron' : 'mode-browser'}`} data-testid="runtime-mode" data-mode={client.transport}>
            {electron ? L.electron : L.browser}
          </span>
        </div>
      </header>
      <nav className="sidebar" aria-label="主导航 Main navigation">
        <div role="tablist" aria-orientation="vertical" className="tabs">
          {SCREENS.map((s, i) => (
            <button
              key={s.id}
              ref={(el) => {
                tabRefs.current[s.id] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${s.id}`}
              aria-selected={route.screen === s.id}
              aria-controls="main"
              tabIndex={route.screen === s.id ? 0 : -1}
              className={`tab ${route.screen === s.id ? 'tab-on' : ''}`}
              onClick={() => navigate({ screen: s.id, jobId: null })}
              onKeyDown={(e) => onTabKey(e, i)}
              data-testid={`nav-${s.id}`}
            >
              {s.label}
            </button>
          ))}
        </div>
        <p className="sidebar-foot muted small">离线运行 · 数据不出本机 Offline · nothing leaves this computer</p>
      </nav>
      <main id="main" className="main" role="tabpanel" aria-labelledby={`tab-${route.screen}`} tabIndex={-1}>
        {healthError?.code === 'UNAUTHORIZED' ? (
          <div className="panel" data-testid="auth-error">
            <ErrorBox error={{ code: 'UNAUTHORIZED', message: L.unauthorized }} testId="auth-error-box" />
          </div>
        ) : (
          <>
            {healthError && <ErrorBox error={healthError} testId="health-error" onRetry={loadHealth} />}
            {kept.has('prereview') && (
              <div hidden={route.screen !== 'prereview'} className="screen-host">
                <PrereviewScreen onOpenJob={openJob} />
              </div>
            )}
            {kept.has('ocr') && (
              <div hidden={route.screen !== 'ocr'} className="screen-host">
                <OcrScreen onOpenJob={openJob} />
              </div>
            )}
            {route.screen === 'run' && <CapabilitiesScreen onOpenJob={openJob} />}
            {route.screen === 'plugins' && <PluginsScreen />}
            {route.screen === 'jobs' && (
              <JobsScreen selectedId={route.jobId} onSelect={(id) => navigate({ screen: 'jobs', jobId: id })} />
            )}
          </>
        )}
      </main>
    </div>
  );
}
