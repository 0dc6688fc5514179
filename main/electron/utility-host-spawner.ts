import type { UtilityProcess } from 'electron';
import type { HostChild, HostSpawner } from '../node/hub/host-spawner.js';
import type { FromHost } from '../node/hub/host-protocol.js';

/** The part of Electron's `utilityProcess` module used here (tests pass a fake). */
export interface UtilityProcessModule {
  fork(modulePath: string, args?: string[], options?: Electron.ForkOptions): UtilityProcess;
}

/**
 * Hosts (model host, plugin hosts) as Electron utility processes: Electron starts them itself, so the packaged app
 * does not need the `runAsNode` fuse (child_process.fork would run the app binary with ELECTRON_RUN_AS_NODE=1).
 * Messages go through the utility process's MessagePort (structured clone, as `serialization: 'advanced'` does
 * under Node); the child answers through process.parentPort (hub/host-child.ts).
 * Electron reports only an exit code; a kill made here is remembered so the crash message can name the signal.
 */
export function utilityHostSpawner(utilityProcess: UtilityProcessModule): HostSpawner {
  return (o) => {
    const child = utilityProcess.fork(o.entry, o.args, {
      serviceName: o.serviceName,
      execArgv: o.execArgv,
      env: o.env as Record<string, string>,
      ...(o.cwd ? { cwd: o.cwd } : {}),
      // stdin is always ignored by utility processes; stderr is read (masked, whole lines), stdout shown as is.
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    child.stderr?.setEncoding?.('utf8');
    let exited = false;
    let killedWith: string | null = null;
    // pid is undefined again after 'exit': keep the one it had (tests and benchmarks read it after a crash).
    let pid: number | undefined = child.pid;
    child.once('spawn', () => (pid = child.pid));
    child.once('exit', () => (exited = true));
    const host: HostChild = {
      get pid() {
        return pid ?? child.pid;
      },
      get stderr() {
        return child.stderr;
      },
      get running() {
        return !exited;
      },
      send(m) {
        if (!exited) child.postMessage(m);
      },
      onMessage(listener) {
        const l = (m: unknown) => listener(m as FromHost);
        child.on('message', l);
        return () => void child.off('message', l);
      },
      onExit(listener) {
        const l = (code: number) => listener(killedWith ? null : code, killedWith);
        child.once('exit', l);
        return () => void child.off('exit', l);
      },
      terminate() {
        // utilityProcess.kill(): SIGTERM on POSIX, then reaped by Electron
        if (!exited) child.kill();
      },
      kill() {
        if (exited) return;
        const id = pid ?? child.pid;
        // utilityProcess has no SIGKILL of its own; a host that ignores SIGTERM must still stop.
        if (id === undefined) return void child.kill();
        killedWith = 'SIGKILL';
        try {
          process.kill(id, 'SIGKILL');
        } catch {
          child.kill();
        }
      },
    };
    return host;
  };
}
