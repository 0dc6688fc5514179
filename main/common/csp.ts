/**
 * The console's Content Security Policy, shared by the Electron `app://console/` protocol handler and the loopback
 * server: everything from our own origin, nothing inline, no plugins/objects, no framing, no form posts.
 * `data:` and `blob:` images are allowed for previews of files the user picked.
 */
export const CONSOLE_CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
] as const;

export const CONSOLE_CSP: string = CONSOLE_CSP_DIRECTIVES.join('; ');
