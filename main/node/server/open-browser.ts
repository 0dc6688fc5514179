import { spawn } from 'node:child_process';

/** Opens a loopback URL in the user's default browser; says so instead of failing where there is no desktop. */
export function openInBrowser(url: string, onFail: (why: string) => void): void {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) return onFail('only loopback URLs are opened');
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return onFail('no desktop session');
  const [cmd, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', (err) => onFail(err.message));
    child.unref();
  } catch (err) {
    onFail((err as Error).message);
  }
}
