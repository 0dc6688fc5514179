import { consoleDir } from '../../config/app-paths.js';
import { openInBrowser } from '../../server/open-browser.js';
import { startServer } from '../../server/server.js';
import type { Command } from '../../hub/cli/command.js';
import { defineCommand, wholeNumberOption } from '../../hub/cli/define-command.js';

export const serve: Command = defineCommand({
  name: 'serve',
  usage: 'ic serve [--port N] [--open]',
  summary: 'Serve the console and the API on 127.0.0.1 (browser console); prints the URL with its token.',
  options: { port: { type: 'string' }, open: { type: 'boolean' } },
  async run({ hub, out, values }) {
    const port = wholeNumberOption(values.port, 0, { min: 0, max: 65535 }, '--port takes 0-65535');
    const h = hub();
    const server = await startServer({ hub: h, consoleDir: consoleDir(), port });
    out.result({ url: server.url, port: server.port }, () => `Intelligent Center console: ${server.url}\n(open it in a browser on this machine; Ctrl-C stops)`);
    if (values.open) openInBrowser(server.url, (why) => out.info(`(could not open a browser: ${why}; open the URL above yourself)`));
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
});
