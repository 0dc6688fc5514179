// Imported first by the plugin host: takes the network away from the plugin before its code loads.
//
// Node 20-24 have no network permission, so this is done in the process: every way JavaScript opens a socket or
// asks DNS goes through these modules, and the permission model (under which plugin hosts always run) denies
// process.binding, native addons, child processes and workers, the ways around them. It is not an OS firewall
// (docs/security.md says so); where the runtime has --allow-net, the permission model denies the network as well.
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

const denied = (what: string) => () => {
  const err = new Error(`network access is blocked for plugins (${what})`) as Error & { code: string };
  err.code = 'ERR_ACCESS_DENIED';
  throw err;
};

function block(target: object, names: string[], where: string): void {
  for (const n of names) {
    if (typeof (target as Record<string, unknown>)[n] === 'function') {
      Object.defineProperty(target, n, { value: denied(`${where}.${n}`), writable: false, configurable: false });
    }
  }
}

block(net.Socket.prototype, ['connect'], 'net.Socket');
block(net.Server.prototype, ['listen'], 'net.Server');
block(net, ['connect', 'createConnection', 'createServer'], 'net');
block(tls, ['connect', 'createServer'], 'tls');
block(dgram, ['createSocket'], 'dgram');
block(http, ['request', 'get', 'createServer'], 'http');
block(https, ['request', 'get', 'createServer'], 'https');
block(http2, ['connect', 'createServer', 'createSecureServer'], 'http2');
const dnsNames = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'resolvePtr', 'resolveNaptr', 'resolveSoa', 'resolveCaa', 'reverse'];
block(dns, dnsNames, 'dns');
block(dns.promises, dnsNames, 'dns.promises');
block(dns.Resolver.prototype, dnsNames, 'dns.Resolver');
block(dns.promises.Resolver.prototype, dnsNames, 'dns.promises.Resolver');
for (const g of ['fetch', 'WebSocket', 'EventSource']) {
  if (g in globalThis) Object.defineProperty(globalThis, g, { value: denied(g), writable: false, configurable: false });
}
// ESM `import { connect } from 'node:net'` sees the patched functions too.
syncBuiltinESMExports();
