// The mock's HTTP edges over real HTTP, against the `dsp-mock-server` CLI: malformed paths and
// queries, methods it does not serve, paths outside the base, bodies that are not JSON, bodies too
// large (refused while they stream in) and the emergency access's reason, capped as in the client.
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildProvideBundle } from '@dsp-kit/fhir/provide';
import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import { patients, practitioners, users } from '../src/fixtures.js';
import { createDspServer } from '../src/server.js';
import { callHttp, startCliServer, type CliServer } from './cli-server.js';

const MiB = 1024 * 1024;
/** The documented default largest document (the uploader's `max-size` default too). */
const MAX_UPLOAD_SIZE = 20 * MiB;
/** A transaction's cap, as documented: the largest document in base64 (RFC 4648: 4 characters
 * per 3 bytes), plus 1 MiB for the rest of the Bundle. */
const TRANSACTION_CAP = 4 * Math.ceil(MAX_UPLOAD_SIZE / 3) + MiB;
/** Every other body's documented cap. */
const BODY_CAP = MiB;

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** JSON when it is JSON, else the text. */
  body: unknown;
  /** Bytes of the request body written when the answer arrived. */
  sent: number;
  /** Whether the server said "100 Continue". */
  continued: boolean;
}

interface RawOptions {
  user?: string;
  headers?: Record<string, string>;
  /** The whole body, sent at once. */
  body?: string;
  /**
   * A body of this many bytes streamed in 64 KiB chunks until the server answers: with a
   * Content-Length unless `chunked`. `stallAfter` stops writing after that many bytes, the
   * connection left open.
   */
  upload?: { size: number; chunked?: boolean; stallAfter?: number };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * One request with node:http, its path sent exactly as given (fetch would normalise it). Fails
 * when the server drops the connection without an answer, or gives none within `timeout` ms.
 */
function rawRequest(
  base: string,
  method: string,
  path: string,
  options: RawOptions = {},
  timeout = 10_000,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  const upload = options.upload;
  const headers: Record<string, string> = {
    Accept: 'application/fhir+json',
    ...(options.user ? { Authorization: `Bearer mock:${options.user}` } : {}),
    ...(options.body !== undefined
      ? {
          'Content-Type': 'application/fhir+json',
          'Content-Length': String(Buffer.byteLength(options.body)),
        }
      : {}),
    ...(upload
      ? {
          'Content-Type': 'application/fhir+json',
          ...(upload.chunked ? {} : { 'Content-Length': String(upload.size) }),
        }
      : {}),
    ...options.headers,
  };
  return new Promise<RawAnswer>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let continued = false;
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer to ${method} ${path} within ${timeout} ms (${sent} bytes sent)`));
    }, timeout);
    const req = httpRequest({
      host: hostname.replace(/^\[|\]$/g, ''),
      port,
      method,
      path,
      headers,
    });
    req.on('continue', () => {
      continued = true;
      if (upload) pump();
    });
    req.on('response', (response) => {
      answered = true;
      const bytesSent = sent;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: parse(text),
          sent: bytesSent,
          continued,
        });
      });
    });
    req.on('error', (error) => {
      // Writing on after the server answered and closed is expected; no answer at all is not.
      if (answered) return;
      clearTimeout(timer);
      reject(new Error(`${method} ${path}: no answer, ${error.message} (${sent} bytes sent)`));
    });
    const chunk = Buffer.alloc(64 * 1024, 'A');
    const pump = () => {
      if (!upload) return;
      const limit = upload.stallAfter ?? upload.size;
      while (!answered && !req.destroyed && sent < limit) {
        const piece = chunk.subarray(0, Math.min(chunk.length, limit - sent));
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (sent >= upload.size && !req.destroyed) req.end();
    };
    if (upload) {
      if (/100-continue/i.test(headers.Expect ?? '')) req.flushHeaders();
      else pump();
    } else {
      req.end(options.body);
    }
  });
}

/** Bytes written as they are on a socket, and the answer read until the server closes. */
function rawExchange(base: string, bytes: string): Promise<{ status: number; body: unknown }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.setEncoding('latin1');
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      let body = text.slice(text.indexOf('\r\n\r\n') + 4);
      // A chunked answer: its one chunk.
      if (/^transfer-encoding: chunked/im.test(text)) body = body.split('\r\n')[1] ?? '';
      resolve({ status, body: parse(body) });
    });
    socket.write(bytes);
  });
}

function outcomeOf(answer: { body: unknown }): OperationOutcome {
  const body = answer.body as OperationOutcome;
  assert.equal(
    body?.resourceType,
    'OperationOutcome',
    `not an OperationOutcome: ${String(answer.body)}`,
  );
  return body;
}

function text(answer: { body: unknown }): string {
  return outcomeOf(answer)
    .issue.map((i) => i.details?.text ?? '')
    .join(' ');
}

describe('the mock server over HTTP, at its edges', () => {
  let cli: CliServer;
  before(async () => {
    cli = await startCliServer();
  });
  after(() => cli.stop());

  describe('paths and queries', () => {
    it('answers a malformed percent-encoding in the path with a 400 naming the segment', async () => {
      for (const segment of ['%E0%A4%A', '%C3%28', '%zz']) {
        const answer = await rawRequest(cli.url, 'GET', `/fhir/DocumentReference/${segment}`, {
          user: users.weber,
        });
        assert.equal(answer.status, 400, segment);
        assert.equal(outcomeOf(answer).issue[0]?.code, 'invalid');
        assert.ok(text(answer).includes(`"${segment}"`), text(answer));
      }
      // The server still answers afterwards.
      const after = await callHttp(cli.url, users.weber, 'GET', `Patient/${patients.marie.id}`);
      assert.equal(after.status, 200);
    });

    it('answers a query parameter that does not decode with a 400 naming it', async () => {
      const answer = await rawRequest(
        cli.url,
        'GET',
        `/fhir/DocumentReference?patient=%E0%A4%A&_count=10`,
        { user: users.weber },
      );
      assert.equal(answer.status, 400);
      assert.match(text(answer), /"patient"/);
    });

    it('serves nothing outside the base, however the request target is written', async () => {
      for (const target of [
        '/other/Patient/marie-schmit',
        '/fhirx/Patient/marie-schmit',
        '//evil.example/fhir/Patient/marie-schmit',
        '/fhir/../Patient/marie-schmit',
      ]) {
        const answer = await rawRequest(cli.url, 'GET', target, { user: users.weber });
        assert.equal(answer.status, 404, target);
        assert.equal(outcomeOf(answer).issue[0]?.code, 'not-found', target);
      }
    });
  });

  describe('methods', () => {
    it('answers HEAD as GET, without a body', async () => {
      const head = await rawRequest(cli.url, 'HEAD', `/fhir/Patient/${patients.marie.id}`, {
        user: users.weber,
      });
      assert.equal(head.status, 200);
      assert.match(String(head.headers['content-type']), /^application\/fhir\+json/);
      assert.equal(head.body, '');
      const missing = await rawRequest(cli.url, 'HEAD', '/fhir/Patient/nobody', {
        user: users.weber,
      });
      assert.equal(missing.status, 404);
    });

    it('answers a method the path does not take with 405 and Allow (RFC 9110 §15.5.6)', async () => {
      const answer = await rawRequest(cli.url, 'DELETE', `/fhir/Patient/${patients.marie.id}`, {
        user: users.weber,
      });
      assert.equal(answer.status, 405);
      assert.deepEqual(String(answer.headers.allow).split(/,\s*/).sort(), ['GET', 'HEAD']);
      assert.equal(outcomeOf(answer).issue[0]?.code, 'not-supported');
    });

    it('answers a method it implements nowhere with 501 and an OperationOutcome (RFC 9110 §15.6.2)', async () => {
      // node:http parses TRACE (which a fetch Request cannot carry); FOO it does not know. PATCH
      // is implemented (DocumentReference), so a path without it answers 405 (above).
      for (const method of ['TRACE', 'FOO']) {
        const answer = await rawRequest(cli.url, method, `/fhir/Patient/${patients.marie.id}`, {
          user: users.weber,
          body: '{}',
        });
        assert.equal(answer.status, 501, method);
        assert.equal(outcomeOf(answer).issue[0]?.code, 'not-supported', method);
        assert.match(text(answer), new RegExp(method));
      }
    });
  });

  describe('requests that are not valid HTTP', () => {
    it('answers one whose chunked body breaks its framing with a 400 OperationOutcome', async () => {
      const answer = await rawExchange(
        cli.url,
        'POST /fhir/Consent HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          `Authorization: Bearer mock:${users.marie}\r\nTransfer-Encoding: chunked\r\n\r\n` +
          '5\r\n{"res\r\nnot-a-size\r\n',
      );
      assert.equal(answer.status, 400);
      assert.equal(outcomeOf(answer).issue[0]?.code, 'structure');
    });

    it('answers one whose headers are malformed with a 400 OperationOutcome', async () => {
      const answer = await rawExchange(
        cli.url,
        'GET /fhir/Patient/marie-schmit HTTP/1.1\r\nHost: 127.0.0.1\r\nNot a header\r\n\r\n',
      );
      assert.equal(answer.status, 400);
      outcomeOf(answer);
    });
  });

  describe('bodies that are not JSON', () => {
    it('answers 400 with an OperationOutcome on each write route, never a 500', async () => {
      const consent = await callHttp(
        cli.url,
        users.marie,
        'GET',
        `Consent/consent-${patients.marie.id}`,
      );
      const assistant = await callHttp(cli.url, users.lucien, 'GET', 'RelatedPerson/claire-wagner');
      const routes: {
        user: string;
        method: string;
        path: string;
        headers?: Record<string, string>;
      }[] = [
        { user: users.weber, method: 'POST', path: '/fhir' },
        { user: users.marie, method: 'POST', path: '/fhir/Consent' },
        {
          user: users.marie,
          method: 'PUT',
          path: `/fhir/Consent/consent-${patients.marie.id}`,
          headers: { 'If-Match': consent.headers.get('etag') ?? '' },
        },
        { user: users.lucien, method: 'POST', path: '/fhir/RelatedPerson' },
        {
          user: users.lucien,
          method: 'PUT',
          path: '/fhir/RelatedPerson/claire-wagner',
          headers: { 'If-Match': assistant.headers.get('etag') ?? '' },
        },
        {
          user: users.hansen,
          method: 'POST',
          path: `/fhir/Patient/${patients.marie.id}/$break-the-glass`,
        },
      ];
      for (const route of routes) {
        for (const body of ['not json{', '', 'null', '[]', '"reason"', '42', '{"parameter":7}']) {
          const answer = await rawRequest(cli.url, route.method, route.path, {
            user: route.user,
            body,
            ...(route.headers ? { headers: route.headers } : {}),
          });
          const what = `${route.method} ${route.path} with ${JSON.stringify(body)}`;
          assert.equal(answer.status, 400, `${what}: ${JSON.stringify(answer.body)}`);
          outcomeOf(answer);
        }
      }
    });
  });

  describe('bodies too large', () => {
    it('refuses a Content-Length over the cap at once with 413, without reading the body', async () => {
      const answer = await rawRequest(cli.url, 'POST', '/fhir', {
        user: users.weber,
        upload: { size: 60 * 1_000_000, stallAfter: 64 * 1024 },
      });
      assert.equal(answer.status, 413);
      assert.equal(outcomeOf(answer).issue[0]?.code, 'too-long');
      assert.equal(answer.headers.connection, 'close');
      assert.equal(answer.sent, 64 * 1024, 'no more was sent');
    });

    it('refuses it before the client sends anything when asked for 100 Continue', async () => {
      const answer = await rawRequest(cli.url, 'POST', '/fhir/Consent', {
        user: users.marie,
        upload: { size: 2 * MiB },
        headers: { Expect: '100-continue' },
      });
      assert.equal(answer.status, 413);
      assert.equal(answer.continued, false);
      assert.equal(answer.sent, 0);
    });

    it('counts a chunked body while it streams in and answers 413 once past the cap', async () => {
      const transaction = await rawRequest(cli.url, 'POST', '/fhir', {
        user: users.weber,
        upload: { size: 60 * 1_000_000, chunked: true },
      });
      assert.equal(transaction.status, 413);
      assert.equal(outcomeOf(transaction).issue[0]?.code, 'too-long');
      assert.ok(transaction.sent < 60 * 1_000_000, 'answered before the end of the upload');
      for (const [user, path] of [
        [users.marie, '/fhir/Consent'],
        [users.lucien, '/fhir/RelatedPerson'],
        [users.hansen, `/fhir/Patient/${patients.marie.id}/$break-the-glass`],
      ] as const) {
        const answer = await rawRequest(cli.url, 'POST', path, {
          user,
          upload: { size: 60 * 1_000_000, chunked: true },
        });
        assert.equal(answer.status, 413, path);
        assert.ok(answer.sent < 60 * 1_000_000, `${path}: answered before the end of the upload`);
      }
      const after = await callHttp(cli.url, users.weber, 'GET', `Patient/${patients.marie.id}`);
      assert.equal(after.status, 200, 'the server still answers');
    });

    it('caps a transaction at a full-size document in base64 and its metadata', async () => {
      const over = await rawRequest(cli.url, 'POST', '/fhir', {
        user: users.weber,
        upload: { size: TRANSACTION_CAP + 1, chunked: true },
      });
      assert.equal(over.status, 413);
      // At the cap the body is read, and refused for what it is: not JSON.
      const at = await rawRequest(cli.url, 'POST', '/fhir', {
        user: users.weber,
        upload: { size: TRANSACTION_CAP },
      });
      assert.equal(at.status, 400);
      // Every other body: 1 MiB.
      const consentOver = await rawRequest(cli.url, 'POST', '/fhir/Consent', {
        user: users.marie,
        upload: { size: BODY_CAP + 1 },
      });
      assert.equal(consentOver.status, 413);
      const consentAt = await rawRequest(cli.url, 'POST', '/fhir/Consent', {
        user: users.marie,
        upload: { size: BODY_CAP },
      });
      assert.equal(consentAt.status, 400);
    });

    it('still accepts a document of the largest size allowed', async () => {
      const bytes = new Uint8Array(MAX_UPLOAD_SIZE).fill(0x61); // "aaaa…", plain text
      const bundle = buildProvideBundle({
        uuid: '3d0c8a1e-0f6b-4c55-9a3e-6f2b1d7c8e90',
        patient: patients.marie.id,
        author: { reference: `Practitioner/${practitioners.weber.id}`, display: 'Dr Paul Weber' },
        date: '2026-11-26T10:00:00Z',
        documents: [
          {
            uuid: '5a7e2c4b-8d1f-4e6a-b3c9-0f1e2d3c4b5a',
            typeCode: 'rapport-medical',
            title: 'Rapport complet',
            contentType: 'text/plain',
            data: Buffer.from(bytes).toString('base64'),
            size: bytes.byteLength,
            hash: Buffer.from(await crypto.subtle.digest('SHA-1', bytes)).toString('base64'),
          },
        ],
      });
      const answer = await callHttp(cli.url, users.weber, 'POST', '', bundle);
      assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 300));
      assert.deepEqual(
        ((answer.body as Bundle).entry ?? []).map((e) => e.response?.status),
        ['201 Created', '201 Created', '201 Created'],
      );
    });
  });

  describe('the emergency access’s reason', () => {
    const breakTheGlass = (reason: string) =>
      callHttp(cli.url, users.hansen, 'POST', `Patient/${patients.marie.id}/$break-the-glass`, {
        resourceType: 'Parameters',
        parameter: [{ name: 'reason', valueString: reason }],
      });
    const auditText = async () =>
      JSON.stringify(
        (await callHttp(cli.url, users.marie, 'GET', `AuditEvent?patient=${patients.marie.id}`))
          .body,
      );

    it('takes up to 500 characters once trimmed, as the client does', async () => {
      const reason = 'Arrêt cardiaque. '.repeat(30).slice(0, 500);
      const answer = await breakTheGlass(`  ${reason}  `);
      assert.equal(answer.status, 200);
      assert.ok((await auditText()).includes(reason.trim()));
    });

    it('refuses a longer reason with an OperationOutcome, and audits nothing of it', async () => {
      const reason = 'Coma diabétique. '.repeat(40).slice(0, 501);
      const answer = await breakTheGlass(reason);
      assert.equal(answer.status, 400);
      const issue = outcomeOf(answer).issue[0];
      assert.equal(issue?.code, 'too-long');
      assert.deepEqual(issue?.expression, ['Parameters.parameter[reason]']);
      assert.ok(!(await auditText()).includes('Coma diabétique'));
    });

    it('refuses a 2 MB reason as a body too large, and audits nothing of it', async () => {
      const answer = await breakTheGlass('Polytraumatisme grave. '.repeat(100_000));
      assert.equal(answer.status, 413);
      assert.ok(!(await auditText()).includes('Polytraumatisme'));
    });
  });
});

describe('handle(request), as under msw', () => {
  const server = createDspServer({ baseUrl: 'http://127.0.0.1:8787/fhir' });

  /** A body of `size` bytes made on demand, counting what the server pulls from it. */
  function countedBody(size: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x41);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= size) {
          controller.close();
          return;
        }
        const piece = chunk.subarray(0, Math.min(chunk.length, size - pulled));
        pulled += piece.length;
        controller.enqueue(piece);
      },
    });
    return { stream, pulled: () => pulled };
  }

  it('applies the cap while it reads a streamed body', async () => {
    const body = countedBody(60 * 1_000_000);
    const response = await server.handle(
      new Request(`${server.baseUrl}/Consent`, {
        method: 'POST',
        headers: { Authorization: `Bearer mock:${users.marie}` },
        body: body.stream,
        duplex: 'half',
      } as RequestInit),
    );
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as OperationOutcome).issue[0]?.code, 'too-long');
    assert.ok(body.pulled() <= BODY_CAP + 2 * 64 * 1024, `pulled ${body.pulled()} bytes`);
  });

  it('answers a malformed percent-encoding with a 400, not a failure', async () => {
    const response = await server.handle(
      new Request(`${server.baseUrl}/DocumentReference/%E0%A4%A`, {
        headers: { Authorization: `Bearer mock:${users.weber}` },
      }),
    );
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as OperationOutcome).resourceType, 'OperationOutcome');
  });
});
