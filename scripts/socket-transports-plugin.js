/**
 * The browser's Socket.IO client without the WebTransport transport. The portal connects with
 * `transports: ['websocket', 'polling']` (src/lib/portal-socket.ts: WebSocket, and HTTP long-polling
 * where a proxy blocks WebSocket) and its server does not offer WebTransport, yet socket.io-client's
 * Manager builds engine.io-client's full `Socket`, whose transport table imports all three, and with
 * WebTransport the stream encoders of engine.io-parser. engine.io-client 6.6 exports the transports as
 * classes, but socket.io-client 4.8 gives no way to build its Manager on a socket without that table.
 *
 * So, in the client build only, engine.io-client's WebTransport module is replaced by a stand-in of the
 * same shape that refuses to be constructed (it never is: the client never lists it, and a server
 * offering it as an upgrade is filtered out by the client's own list). If engine.io-client moves that
 * file, nothing breaks: the stand-in no longer applies and the bundle is simply larger again
 * (`tests/load/bundle-cost.ts` shows it). About 0.5 KB gz off the applicant's first load.
 * @returns {import('vite').Plugin}
 */
export function socketTransports() {
  return {
    name: 'landing-socket-transports',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (this.environment?.config?.build?.ssr || !WEBTRANSPORT.test(id)) return null;
      return STAND_IN;
    },
  };
}

const WEBTRANSPORT = /node_modules[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]webtransport\.js$/;

const STAND_IN = `import { Transport } from "../transport.js";
export class WT extends Transport {
  get name() { return "webtransport"; }
  doOpen() { throw new Error("WebTransport is not part of this build (scripts/socket-transports-plugin.js)"); }
}
`;
