import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKeyPair } from '../../local/jwt.js';
import { createLocalServer, DEFAULT_LIMITS } from '../../local/server.js';

// The local server against hostile clients, over raw sockets: a body past the limit
// is refused as soon as it passes it (the rest is never read, let alone buffered),
// and clients that send headers or a body too slowly are cut off with a 408.

const limits = { maxBodyBytes: 1024 * 1024, headersTimeoutMs: 600, requestTimeoutMs: 1500, bodyIdleTimeoutMs: 400 };
// A public POST route whose handler ignores the body: what matters here is what happens before it.
const routes = [{ method: 'POST', path: '/', handler: 'web-assets', access: 'public' }] as const;
let server: Server;
let port: number;

beforeAll(async () => {
  server = createLocalServer({ publicKey: newKeyPair().publicKey, routes: [...routes], limits });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

interface Conn {
  socket: Socket;
  /** Everything the server sent until it closed the connection. */
  response: Promise<string>;
  closedAt: Promise<number>;
}

function open(): Promise<Conn> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (data += d));
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('error', () => undefined); // a reset after the answer is fine: what it said is in `data`
    socket.once('connect', () =>
      resolve({ socket, response: closed.then(() => data), closedAt: closed.then(() => Date.now()) }),
    );
    socket.once('error', reject);
  });
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const head = (length: number | 'chunked') =>
  `POST / HTTP/1.1\r\nHost: localhost\r\ncontent-type: application/octet-stream\r\n${length === 'chunked' ? 'transfer-encoding: chunked' : `content-length: ${length}`}\r\n\r\n`;

describe('request bodies', () => {
  it('the default limit is API Gateway\'s 10 MB', () => {
    expect(DEFAULT_LIMITS.maxBodyBytes).toBe(10 * 1024 * 1024);
  });

  it('a body under the limit reaches the handler', async () => {
    const body = JSON.stringify({ pad: 'a'.repeat(limits.maxBodyBytes - 20) });
    const res = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(res.status, await res.clone().text().then((t) => t.slice(0, 200))).toBe(200);
    expect(await res.text()).toContain('<html');
  });

  it('a Content-Length over the limit is refused with 413 before any body is read', async () => {
    const c = await open();
    c.socket.write(head(limits.maxBodyBytes + 1));
    const response = await c.response;
    expect(statusOf(response)).toBe(413);
    expect(response).toContain('Request Entity Too Large');
  });

  it('a chunked body streamed past the limit gets 413 as soon as it passes it; the rest is never taken', async () => {
    const c = await open();
    c.socket.write(head('chunked'));
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    let answered = false;
    void c.response.then(() => (answered = true));
    // Up to 64 MB, as fast as the socket takes it; the server should hang up after ~1 MB.
    while (!answered && sent < 64 * 1024 * 1024 && !c.socket.destroyed) {
      const ok = c.socket.write(`${chunk.length.toString(16)}\r\n`) && c.socket.write(chunk) && c.socket.write('\r\n');
      sent += chunk.length;
      if (!ok) await Promise.race([new Promise((r) => c.socket.once('drain', r)), sleep(200)]);
    }
    const response = await c.response;
    expect(statusOf(response)).toBe(413);
    // The limit plus what the two kernels' socket buffers held: far from the 64 MB offered.
    expect(sent).toBeLessThan(24 * 1024 * 1024);
  });

  it('a body that stalls mid-way is given up with 408 after the idle timeout', async () => {
    const c = await open();
    const started = Date.now();
    c.socket.write(head(1000) + 'x'.repeat(100));
    const response = await c.response;
    expect(statusOf(response)).toBe(408);
    expect(Date.now() - started).toBeGreaterThanOrEqual(limits.bodyIdleTimeoutMs - 50);
    expect(Date.now() - started).toBeLessThan(limits.requestTimeoutMs + 1000);
  });

  it('a body trickled in under the idle timeout is still cut off at the request timeout', async () => {
    const c = await open();
    const started = Date.now();
    c.socket.write(head(1000));
    let open_ = true;
    void c.closedAt.then(() => (open_ = false));
    while (open_ && Date.now() - started < 10_000) {
      c.socket.write('x');
      await sleep(limits.bodyIdleTimeoutMs / 4);
    }
    const response = await c.response;
    expect(statusOf(response)).toBe(408);
    const took = (await c.closedAt) - started;
    expect(took).toBeGreaterThanOrEqual(limits.requestTimeoutMs - 100);
    expect(took).toBeLessThan(limits.requestTimeoutMs + 2000);
  });
});

describe('slow headers', () => {
  it('headers that never finish are answered 408 and the connection closed at the headers timeout', async () => {
    const c = await open();
    const started = Date.now();
    c.socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n');
    const response = await c.response;
    expect(statusOf(response)).toBe(408);
    const took = (await c.closedAt) - started;
    expect(took).toBeGreaterThanOrEqual(limits.headersTimeoutMs - 100);
    expect(took).toBeLessThan(limits.headersTimeoutMs + 1500);
  });

  it('headers trickled a byte at a time (slowloris) are cut off at the same timeout', async () => {
    const c = await open();
    const started = Date.now();
    c.socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n');
    let open_ = true;
    void c.closedAt.then(() => (open_ = false));
    while (open_ && Date.now() - started < 10_000) {
      c.socket.write('X');
      await sleep(50);
    }
    expect(statusOf(await c.response)).toBe(408);
    expect((await c.closedAt) - started).toBeLessThan(limits.headersTimeoutMs + 1500);
  });
});
