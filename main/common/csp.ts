/**
 * The console's Content Security Policy, shared by the Electron `app://console/` protocol handler and the loopback
 * server: everything from our own origin, no inline script, no plugins/objects, no framing, no form posts.
 * `data:` and `blob:` images are allowed for previews of files the user picked.
 * Inline <style> is allowed (styles only, never scripts): antd's Table (scrollbar measurement) and Modal/Drawer
 * (scroll locker) insert <style> elements that no setting can redirect, and a static CSP (app://) cannot carry a
 * per-page nonce. Style injection cannot run code; the build still refuses inline styles and scripts of its own.
 */
export const CONSOLE_CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
] as const;

export const CONSOLE_CSP: string = CONSOLE_CSP_DIRECTIVES.join('; ');
