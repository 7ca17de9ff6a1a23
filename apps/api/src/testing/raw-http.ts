import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';

const MB = 1024 * 1024;

export type RawAnswer = {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  sentBytes: number;
  ms: number;
};

/**
 * Sends a request over a real socket, as a client would (the abuse tests and
 * benches, where `app.request` would skip the body limits' streaming).
 * With `streamBytes` see streamRaw.
 */
export function sendRaw(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; streamBytes?: number } = {},
): Promise<RawAnswer> {
  if (options.streamBytes !== undefined)
    return streamRaw(base, path, { ...options, streamBytes: options.streamBytes });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, {
      method: options.method ?? 'GET',
      headers: options.headers,
      agent: false,
    });
    req.on('response', (res) => {
      const ms = performance.now() - started;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          sentBytes: 0,
          ms,
        });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * Posts `streamBytes` as a chunked body, 1 MB at a time from one reused
 * buffer (so the client's own memory stays flat), and stops writing once the
 * server answers. Over a plain TCP socket rather than node:http: a server
 * that answers 413 early and closes makes the next write fail (EPIPE), and
 * node:http then drops the answer it had already received, as curl or a
 * browser would not. Status 0: the connection closed without an answer.
 */
function streamRaw(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; streamBytes: number },
): Promise<RawAnswer> {
  const url = new URL(path, base);
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect(Number(url.port || 80), url.hostname === 'localhost' ? '127.0.0.1' : url.hostname);
    const received: Buffer[] = [];
    let answeredAt = 0;
    let sentBytes = 0;
    socket.on('data', (data: Buffer) => {
      received.push(data);
      if (answeredAt) return;
      answeredAt = performance.now();
      // A server closes a connection whose body it refused; one that keeps it open has had its say by then.
      setTimeout(() => socket.destroy(), 5000).unref();
    });
    // A failed write (the server stopped reading) is expected; what it answered before is still read.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const answer = parseAnswer(Buffer.concat(received));
      resolve({ ...answer, sentBytes, ms: (answeredAt || performance.now()) - started });
    });
    // Chunked unless the caller declares a Content-Length (true or not).
    const declared = Object.keys(options.headers ?? {}).some(
      (name) => name.toLowerCase() === 'content-length',
    );
    const headers = {
      Host: url.host,
      ...options.headers,
      ...(declared ? {} : { 'Transfer-Encoding': 'chunked' }),
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(`${options.method ?? 'POST'} ${url.pathname}${url.search} HTTP/1.1\r\n${head}\r\n`);
    const bytes = Buffer.alloc(MB, 'a');
    const chunk = declared
      ? bytes
      : Buffer.concat([Buffer.from(`${MB.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
    const write = () => {
      while (!answeredAt && !socket.destroyed && sentBytes < options.streamBytes) {
        sentBytes += MB;
        if (!socket.write(chunk)) return void socket.once('drain', write);
      }
      if (!socket.destroyed) socket.end(answeredAt || declared ? '' : '0\r\n\r\n');
    };
    write();
  });
}

/** Status, headers and body of an HTTP/1.1 answer read until the connection closed. */
function parseAnswer(raw: Buffer): Pick<RawAnswer, 'status' | 'headers' | 'body'> {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: {}, body: '' };
  const [statusLine = '', ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const headers: IncomingHttpHeaders = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.subarray(end + 4);
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  else if (headers['content-length']) body = body.subarray(0, Number(headers['content-length']));
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body: body.toString('utf8') };
}

function unchunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = lineEnd < 0 ? 0 : Number.parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
