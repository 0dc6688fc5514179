import { useCallback, useEffect, useState } from 'react';
import { StyleProvider } from '@ant-design/cssinjs';
import { ConfigProvider, Layout, Menu, Tooltip, type MenuProps } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import type { Health } from '../../main/common/contract/health.js';
import { useClient, useConnection } from './client-context.js';
import { ErrorBox } from './components/ErrorBox.js';
import { currentLang, L, setLang, type Lang } from './i18n.js';
import { SCREENS } from './screens/registry.js';
import { HeaderBar } from './shell/HeaderBar.js';
import { hashOf, parseHash, type Route } from './shell/routes.js';
import { useFeatures } from './use-features.js';
import { useLoad } from './use-load.js';
import './App.css';

/**
 * antd 6 in zero-runtime mode: its styles come from antd/dist/antd.css (bundled as a file, see main.tsx), so no
 * <style> is injected at run time — the console's CSP allows styles from 'self' only. The static CSS is built for
 * unhashed class names and this CSS-variable scope.
 */
/** The locale modules are ESM in the bundle but typed as CommonJS under NodeNext: take the default either way. */
const localeOf = (m: unknown): Locale => ((m as { default?: Locale }).default ?? m) as Locale;
const LOCALES: Record<Lang, Locale> = { 'zh-CN': localeOf(zhCNModule), en: localeOf(enUSModule) };

const THEME = { zeroRuntime: true, hashed: false, cssVar: { key: 'css-var-_R_0_' } } as const;
/**
 * Even in zero-runtime mode antd writes its CSS variables (the same ones antd.css carries) into <style> elements,
 * which the CSP blocks and reports. They go to this node, never attached to the document, so nothing inline is
 * ever applied or reported (antd.css styles the page).
 */
const DETACHED_STYLES = document.createElement('div');

/** The shell: header, the menu built from the screen registry, and the current screen. It names no screen. */
export function App() {
  const client = useClient();
  const connection = useConnection();
  const [lang, setLangState] = useState<Lang>(currentLang);
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  // Screens marked keepMounted stay mounted (hidden) once opened.
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set([route.screen]));
  if (!kept.has(route.screen) && SCREENS.some((s) => s.id === route.screen && s.keepMounted)) setKept(new Set([...kept, route.screen]));

  const health = useLoad<Health>((c) => c.call('health'), [], {
    // Without the token nothing will work until the tokened URL is opened again: stop retrying the event stream.
    onError: (e) => {
      if (e.code === 'UNAUTHORIZED') client.close();
    },
  });
  const features = useFeatures();

  useEffect(() => {
    const onHash = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const navigate = useCallback((screen: string, param: string | null = null) => {
    const r = { screen, param };
    const h = hashOf(r);
    if (window.location.hash !== h) window.location.hash = h;
    setRoute(r);
  }, []);
  const openJob = useCallback((id: string) => navigate('jobs', id), [navigate]);

  function changeLang(next: Lang): void {
    setLang(next);
    setLangState(next);
  }

  const items: MenuProps['items'] = SCREENS.map((s) => {
    const reason = s.requires?.map((c) => features.unavailable.get(c)).find((r) => r !== undefined);
    const label = L[s.label];
    return {
      key: s.id,
      icon: s.icon,
      className: reason ? 'nav-unavailable' : undefined,
      label: reason ? (
        <Tooltip title={`${L.unavailableBecause}: ${reason}`} placement="right">
          <span data-unavailable="true">{label}</span>
        </Tooltip>
      ) : (
        label
      ),
      'data-testid': `nav-${s.id}`,
      'aria-current': route.screen === s.id ? 'page' : undefined,
    } as NonNullable<MenuProps['items']>[number];
  });

  const unauthorized = health.error?.code === 'UNAUTHORIZED';
  return (
    <StyleProvider container={DETACHED_STYLES}>
      <ConfigProvider theme={THEME} locale={LOCALES[lang]}>
        <Layout className="app">
          <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
            {L.skipToContent}
          </button>
          <Layout.Header className="app-header">
            <HeaderBar health={health.data} transport={client.transport} connection={connection} lang={lang} onLang={changeLang} />
          </Layout.Header>
          <Layout className="app-body">
            <Layout.Sider className="sidebar" width={208} theme="light" breakpoint="lg" collapsedWidth={64}>
              <nav aria-label={L.mainNav}>
                <Menu mode="inline" selectedKeys={[route.screen]} items={items} onClick={(e) => navigate(e.key)} data-testid="main-nav" />
              </nav>
              <p className="sidebar-foot">{L.offlineFoot}</p>
            </Layout.Sider>
            <Layout.Content id="main" className="main" tabIndex={-1}>
              {unauthorized ? (
                <div className="panel" data-testid="auth-error">
                  <ErrorBox error={{ code: 'UNAUTHORIZED', message: L.unauthorized }} testId="auth-error-box" />
                </div>
              ) : (
                <>
                  {health.error && <ErrorBox error={health.error} testId="health-error" onRetry={health.reload} />}
                  {SCREENS.map((s) => {
                    const on = route.screen === s.id;
                    if (!on && !(s.keepMounted && kept.has(s.id))) return null;
                    const Screen = s.component;
                    const screen = <Screen param={on ? route.param : null} navigate={navigate} openJob={openJob} />;
                    return s.keepMounted ? (
                      <div key={s.id} hidden={!on} className="screen-host">
                        {screen}
                      </div>
                    ) : (
                      <div key={s.id} className="screen-host">
                        {screen}
                      </div>
                    );
                  })}
                </>
              )}
            </Layout.Content>
          </Layout>
        </Layout>
      </ConfigProvider>
    </StyleProvider>
  );
}
