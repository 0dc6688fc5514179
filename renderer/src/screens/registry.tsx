/**
 * The console's screens, in menu order. The App reads this list and names no screen itself.
 *
 * Adding a screen (e.g. "Translate"):
 *   1. renderer/src/screens/TranslateScreen.tsx — `export function TranslateScreen(props: ScreenProps)`, antd
 *      components; its styles in renderer/src/screens/TranslateScreen.css (imported by the component), its data
 *      through `useLoad` (renderer/src/use-load.ts) and its jobs through `useJobRun` (renderer/src/use-job-run.ts).
 *   2. One line below: `{ id: 'translate', label: 'navTranslate', icon: <TranslationOutlined />, component: TranslateScreen }`
 *      (`requires: ['translate']` greys it out, with the hub's reason, while that capability is unavailable).
 *   3. Its text in renderer/src/i18n.ts: `navTranslate: { zh: '翻译', en: 'Translate' }` and the screen's own keys.
 *   4. An e2e test in test/e2e/<screen>.e2e.test.ts using test/helpers/e2e.ts (`startConsole()`); the menu item's
 *      test id is `nav-<id>` and the route `#/<id>` (`#/<id>/<param>` reaches the screen as `props.param`).
 *      The screen's root element carries `data-testid="screen-<id>"`: test/e2e/a11y.e2e.test.ts opens every menu
 *      item, waits for it, and runs axe-core there (no serious or critical violations, in both languages).
 * antd Table, Modal and Drawer may be used: the console's CSP allows inline <style> (not script) for them
 * (main/common/csp.ts).
 */
import type { ComponentType, ReactNode } from 'react';
import { ApiOutlined, AppstoreOutlined, AuditOutlined, DatabaseOutlined, DeploymentUnitOutlined, FileProtectOutlined, MessageOutlined, ScanOutlined, SettingOutlined, TranslationOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { MessageKey } from '../i18n.js';
import { AskScreen } from './AskScreen.js';
import { AuditScreen } from './AuditScreen.js';
import { CapabilitiesScreen } from './CapabilitiesScreen.js';
import { JobsScreen } from './JobsScreen.js';
import { KgScreen } from './KgScreen.js';
import { ModelsScreen } from './ModelsScreen.js';
import { OcrScreen } from './OcrScreen.js';
import { PluginsScreen } from './PluginsScreen.js';
import { PrereviewScreen } from './PrereviewScreen.js';
import { SettingsScreen } from './SettingsScreen.js';
import { TranslateScreen } from './TranslateScreen.js';

/** What every screen gets from the shell. */
export interface ScreenProps {
  /** The route's parameter after the screen id (`#/jobs/<id>` gives the job id), or null. */
  param: string | null;
  /** Goes to a screen (by id), with an optional parameter. */
  navigate: (screen: string, param?: string | null) => void;
  /** Opens a job on the Jobs screen. */
  openJob: (jobId: string) => void;
}

export interface ScreenDef {
  /** Route and test id: `#/<id>`, `nav-<id>`. */
  id: string;
  /** Menu label (i18n key). */
  label: MessageKey;
  icon: ReactNode;
  component: ComponentType<ScreenProps>;
  /** Stays mounted (hidden) once opened, so picked files and results survive a look at another screen. */
  keepMounted?: boolean;
  /** Capabilities the screen needs: while one is unavailable the menu item is greyed with the hub's reason. */
  requires?: readonly string[];
}

export const SCREENS: readonly ScreenDef[] = [
  { id: 'prereview', label: 'navPrereview', icon: <AuditOutlined />, component: PrereviewScreen, keepMounted: true, requires: ['prereview'] },
  { id: 'ocr', label: 'navOcr', icon: <ScanOutlined />, component: OcrScreen, keepMounted: true, requires: ['ocr'] },
  { id: 'ask', label: 'navAsk', icon: <MessageOutlined />, component: AskScreen, keepMounted: true },
  { id: 'kg', label: 'navKg', icon: <DeploymentUnitOutlined />, component: KgScreen, keepMounted: true },
  { id: 'translate', label: 'navTranslate', icon: <TranslationOutlined />, component: TranslateScreen, keepMounted: true, requires: ['translate'] },
  { id: 'run', label: 'navRun', icon: <AppstoreOutlined />, component: CapabilitiesScreen },
  { id: 'plugins', label: 'navPlugins', icon: <ApiOutlined />, component: PluginsScreen },
  { id: 'jobs', label: 'navJobs', icon: <UnorderedListOutlined />, component: JobsScreen },
  { id: 'models', label: 'navModels', icon: <DatabaseOutlined />, component: ModelsScreen },
  { id: 'audit', label: 'navAudit', icon: <FileProtectOutlined />, component: AuditScreen },
  { id: 'settings', label: 'navSettings', icon: <SettingOutlined />, component: SettingsScreen },
];
