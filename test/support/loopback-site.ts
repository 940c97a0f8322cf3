// A web server on 127.0.0.1 that tests start and script: the only "internet" a test may reach.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface LoopbackSite {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `127.0.0.1:<port>`, as FETCH_ALLOW_HOSTS takes it. */
  hostPort: string;
  routes: Map<string, Route>;
  /** Requests seen, with their conditional headers. */
  requests: Array<{ path: string; ifNoneMatch?: string; ifModifiedSince?: string }>;
  close(): Promise<void>;
}

export const startLoopbackSite = async (routes: Record<string, Route> = {}): Promise<LoopbackSite> => {
  const table = new Map(Object.entries(routes));
  const requests: LoopbackSite['requests'] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
    const route = table.get(path);
    if (route) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    routes: table,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
};

export const html = (body: string, headers: Record<string, string> = {}): Route => (_, res) =>
  void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
