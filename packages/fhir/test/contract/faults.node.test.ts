// The contract checks catch what they claim to: each runs against the mock with one fault put
// between the client and the server (a filter dropped, a precondition ignored, a count or a byte
// changed) and must fail, saying so. Without the fault the same check passes (mock.node.test.ts).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { AuditEvent, Bundle, Consent } from '@medplum/fhirtypes';
import { buildAuditEvent } from '../../src/audit.js';
import { contractChecks } from './checks.js';
import { mockContext, type Wrap } from './mock-engine.js';
import { runCheck } from './run.js';

/** The request with its query edited: same method and headers (GETs only: no body to carry). */
function withQuery(request: Request, edit: (params: URLSearchParams) => void): Request {
  const url = new URL(request.url);
  edit(url.searchParams);
  return new Request(url, { method: request.method, headers: request.headers });
}

/** The request with its JSON body edited. */
async function withBody(request: Request, edit: (body: Bundle) => void): Promise<Request> {
  const body = (await request.json()) as Bundle;
  edit(body);
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: JSON.stringify(body),
  });
}

/** The answer with its JSON body edited, status and headers kept. */
async function answerEdited(response: Response, edit: (body: Bundle) => void): Promise<Response> {
  const body = (await response.json()) as Bundle;
  edit(body);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

const isGet = (request: Request, type: string) =>
  request.method === 'GET' && new URL(request.url).pathname.endsWith(`/${type}`);

/** A search that drops a parameter (and every chain of it) before it reaches the server. */
const dropping =
  (type: string, name: string): Wrap =>
  (handle) =>
  (request) =>
    handle(
      isGet(request, type)
        ? withQuery(request, (params) => {
            for (const key of [...params.keys()]) {
              if (key === name || key.startsWith(`${name}.`) || key.startsWith(`${name}:`)) {
                params.delete(key);
              }
            }
          })
        : request,
    );

interface Fault {
  /** What the faulty server does. */
  readonly fault: string;
  /** The check that must catch it. */
  readonly check: string;
  /** Checks run first, to give the patient data the check needs (documents by Dr Weber). */
  readonly setup?: readonly string[];
  readonly wrap: Wrap;
  /** What the failed row says. */
  readonly failure: RegExp;
}

const faults: readonly Fault[] = [
  {
    fault: 'sorts oldest first',
    check: 'search-patient',
    setup: ['provide'],
    wrap: (handle) => (request) =>
      handle(
        isGet(request, 'DocumentReference')
          ? withQuery(request, (p) => p.set('_sort', 'date'))
          : request,
      ),
    failure: /^Not newest first \(_sort=-date\)/,
  },
  {
    fault: 'repeats the first page as the next',
    check: 'search-next-page',
    setup: ['provide'],
    wrap: (handle) => (request) =>
      handle(
        isGet(request, 'DocumentReference')
          ? withQuery(request, (p) => p.delete('_offset'))
          : request,
      ),
    failure: /^The next page repeats DocumentReference\//,
  },
  {
    fault: 'ignores the type',
    check: 'search-type',
    setup: ['provide'],
    wrap: dropping('DocumentReference', 'type'),
    failure: /^The search by type certificat-medical answered DocumentReference\/\S+ of type /,
  },
  {
    fault: 'ignores the class',
    check: 'search-class',
    setup: ['provide'],
    wrap: dropping('DocumentReference', 'category'),
    failure: /^The search by class certificat answered DocumentReference\/\S+ of class /,
  },
  {
    fault: 'ignores the date',
    check: 'search-date',
    setup: ['provide'],
    wrap: dropping('DocumentReference', 'date'),
    failure: /^The search from \S+ to \S+ answered DocumentReference\/\S+ dated /,
  },
  {
    fault: 'ignores the author',
    check: 'search-author',
    setup: ['provide'],
    wrap: dropping('DocumentReference', 'author'),
    failure: /answered \d+ documents: the filter is ignored$/,
  },
  {
    fault: 'changes a byte of the content',
    check: 'retrieve',
    wrap: (handle) => async (request) => {
      const response = await handle(request);
      if (!new URL(request.url).pathname.includes('/Binary/')) return response;
      const bytes = new Uint8Array(await response.arrayBuffer());
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return new Response(bytes, { status: response.status, headers: response.headers });
    },
    failure: /^DspIntegrityError: /,
  },
  {
    fault: 'creates again what a conditional create finds',
    check: 'resend',
    wrap: (handle) => async (request) =>
      handle(
        request.method === 'POST' && new URL(request.url).pathname.endsWith('/fhir/')
          ? await withBody(request, (bundle) => {
              // The conditions dropped, and the document made new to the mock, which would
              // otherwise refuse a second document with the same identifier.
              for (const entry of bundle.entry ?? []) {
                delete entry.request?.ifNoneExist;
                const resource = entry.resource;
                if (resource?.resourceType === 'DocumentReference' && resource.masterIdentifier) {
                  resource.masterIdentifier.value = `urn:uuid:${randomUUID()}`;
                }
              }
            })
          : request,
      ),
    failure:
      /^The resent List was answered "201 Created", not 200 OK: the server created it again$/,
  },
  {
    fault: 'miscounts',
    check: 'count-batch',
    wrap: (handle) => async (request) => {
      const response = await handle(request);
      if (request.method !== 'POST') return response;
      return answerEdited(response, (bundle) => {
        const first = bundle.entry?.[0]?.resource as Bundle | undefined;
        if (first) first.total = (first.total ?? 0) + 1;
      });
    },
    failure: /^The count of type \S+ before the end of \d{4}-\d{2} is \d+; the search lists \d+$/,
  },
  {
    fault: 'ignores the practitioner’s name',
    check: 'directory',
    wrap: dropping('PractitionerRole', 'practitioner'),
    failure: /answered \d+ professionals: the filter is ignored$/,
  },
  {
    fault: 'saves over a stale ETag',
    check: 'consent-conflict',
    wrap: (handle, server) => (request) => {
      const id = /\/Consent\/([^/]+)$/.exec(new URL(request.url).pathname)?.[1];
      if (request.method !== 'PUT' || !id) return handle(request);
      // Answers as a server that does not compare If-Match: with the current version, always.
      const current = server.store.get<Consent>('Consent', id)?.meta?.versionId ?? '1';
      const headers = new Headers(request.headers);
      headers.set('If-Match', `W/"${current}"`);
      return handle(new Request(request, { headers }));
    },
    failure: /^A save with a stale ETag was accepted/,
  },
  {
    fault: 'updates a document over a stale ETag',
    check: 'document-update',
    wrap: (handle, server) => (request) => {
      const id = /\/DocumentReference\/([^/]+)$/.exec(new URL(request.url).pathname)?.[1];
      if (request.method !== 'PUT' || !id) return handle(request);
      // Answers as a server that does not compare If-Match: with the current version, always.
      const current = server.store.get('DocumentReference', id)?.meta?.versionId ?? '1';
      const headers = new Headers(request.headers);
      headers.set('If-Match', `W/"${current}"`);
      return handle(new Request(request, { headers }));
    },
    failure: /^An update with a stale ETag was accepted/,
  },
  {
    fault: 'shows another patient’s access',
    check: 'audit',
    wrap: (handle) => async (request) => {
      const response = await handle(request);
      if (!isGet(request, 'AuditEvent')) return response;
      return answerEdited(response, (bundle) => {
        const stranger: AuditEvent = {
          ...buildAuditEvent({
            action: 'read',
            outcome: 'success',
            recorded: '2020-01-01T00:00:00Z',
            agent: { reference: 'Practitioner/paul-weber' },
            patient: 'marie-schmit',
          }),
          id: 'stranger',
        };
        bundle.entry = [...(bundle.entry ?? []), { resource: stranger, search: { mode: 'match' } }];
      });
    },
    failure: /^AuditEvent\/stranger does not concern Patient\/lucien-wagner$/,
  },
  {
    fault: 'lists withdrawn assistants',
    check: 'assistants-withdraw',
    wrap: dropping('RelatedPerson', 'active'),
    failure: /is still listed as a current assistant$/,
  },
];

const byName = new Map(contractChecks.map((check) => [check.name, check]));

describe('the contract checks against a faulty server', () => {
  for (const { fault, check, setup = [], wrap, failure } of faults) {
    it(`${check} fails when the server ${fault}`, async () => {
      const { ctx } = await mockContext(wrap);
      for (const name of setup) {
        const row = await runCheck(byName.get(name)!, ctx);
        assert.equal(row.status, 'passed', `setup ${name}: ${row.reason ?? ''}`);
      }
      const row = await runCheck(byName.get(check)!, ctx);
      assert.equal(row.status, 'failed', `${row.status}: ${row.reason ?? ''}`);
      assert.match(row.reason ?? '', failure);
    });
  }
});
