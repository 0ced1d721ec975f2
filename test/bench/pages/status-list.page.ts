// Bench page: the DSP status of a worklist of 50 patients, as <dsp-status-list> reads it (one
// batch request) and as 50 <dsp-status> badges would (one request per patient), from the mock's
// answers behind a fetch that waits a fixed latency per request: the time from setting the
// patients to every row shown, and the requests sent.
import '@dsp-kit/elements/define/dsp-status-list.js';
import '@dsp-kit/elements/define/dsp-status.js';
import { staticTokenProvider } from '@dsp-kit/auth';
import { recordVisit } from '@dsp-kit/elements';
import { DspClient } from '@dsp-kit/fhir';
import { DspCache } from '@dsp-kit/fhir/cache';
import { createDspServer, fixtures, generateDataset, mockToken } from '@dsp-kit/mock';
import { frame } from './measure.js';

const BASE = 'https://dsp.bench.invalid/fhir';
const PATIENTS = 50;
/** A round trip to a DSP server over the internet, the same for every request. */
export const LATENCY_MS = 30;
/** The connections Chromium opens to one host over HTTP/1.1; over HTTP/2 there is no such cap. */
export const HTTP1_CONNECTIONS = 6;

const data = [
  ...fixtures.fixtureResources,
  ...generateDataset({ seed: 23, patients: PATIENTS, documents: 500 }),
];
const server = createDspServer({ baseUrl: BASE, data });
const ids = data.filter((r) => r.resourceType === 'Patient').map((r) => r.id ?? '');
const worklist = ids.slice(-PATIENTS);
const user = fixtures.users.weber;

/** The mock's answers by request, computed once: the timed runs replay them. */
const answers = new Map<string, { status: number; headers: [string, string][]; body: string }>();

/**
 * The mock's answer to `request`, computed the first time and replayed after. The mock runs in
 * this page's thread, where a real server would not: replaying keeps its work out of the figures.
 */
async function answer(request: Request): Promise<Response> {
  const key = `${request.method} ${request.url} ${await request.clone().text()}`;
  let known = answers.get(key);
  if (!known) {
    const response = await server.handle(request);
    known = {
      status: response.status,
      headers: [...response.headers],
      body: await response.text(),
    };
    answers.set(key, known);
  }
  return new Response(known.body, { status: known.status, headers: known.headers });
}

/**
 * A fetch to the mock that holds each request {@link LATENCY_MS} before the answer, with at most
 * `connections` requests in flight (the others wait for one to end), counting requests.
 */
function network(connections: number) {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const sent = { count: 0 };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    sent.count++;
    if (inFlight >= connections) await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight++;
    try {
      await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
      return await answer(request);
    } finally {
      inFlight--;
      waiting.shift()?.();
    }
  };
  return { fetch, sent };
}

/** Dr Weber's client, with a cache where he last visited every patient a week ago. */
function clientOn(fetch: typeof globalThis.fetch, cache: DspCache): DspClient {
  return new DspClient({
    baseUrl: BASE,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
    cache,
    fetch,
  });
}

/** The last visit of every patient: fixed, so that each run sends the same requests. */
const LAST_VISIT = new Date('2026-06-01T08:00:00Z');

async function freshCache(): Promise<DspCache> {
  const cache = await DspCache.open({ server: BASE, user });
  await Promise.all(worklist.map((patient) => recordVisit(cache, patient, LAST_VISIT)));
  return cache;
}

export interface Run {
  /** From setting the patients to every row shown, in ms. */
  readonly time: number;
  /** Requests sent meanwhile. */
  readonly requests: number;
  /** Rows shown with an open DSP (the rest: refused or no DSP), to check both showed the same. */
  readonly open: number;
}

/** One <dsp-status-list> given the 50 patients at once. */
async function batch(connections: number): Promise<Run> {
  const { fetch, sent } = network(connections);
  const cache = await freshCache();
  const el = document.createElement('dsp-status-list');
  el.client = clientOn(fetch, cache);
  document.body.append(el);
  await el.updateComplete;
  await frame();
  const started = performance.now();
  el.patients = worklist;
  const rows = () => el.shadowRoot!.querySelectorAll('button[part~="row"]');
  while (rows().length < PATIENTS) await frame();
  const time = performance.now() - started;
  const open = [...rows()].filter((row) => row.classList.contains('ok')).length;
  el.remove();
  cache.close();
  await DspCache.clearAll();
  return { time, requests: sent.count, open };
}

/** 50 <dsp-status> badges, one per patient, given their patients at once. */
async function singles(connections: number): Promise<Run> {
  const { fetch, sent } = network(connections);
  const cache = await freshCache();
  const client = clientOn(fetch, cache);
  const host = document.createElement('div');
  const badges = worklist.map(() => {
    const badge = document.createElement('dsp-status');
    badge.client = client;
    return badge;
  });
  host.append(...badges);
  document.body.append(host);
  await Promise.all(badges.map((badge) => badge.updateComplete));
  await frame();
  const started = performance.now();
  badges.forEach((badge, i) => {
    badge.patient = worklist[i] ?? '';
  });
  const shown = () => badges.filter((badge) => badge.shadowRoot!.querySelector('button'));
  while (shown().length < PATIENTS) await frame();
  const time = performance.now() - started;
  const open = shown().filter((b) => b.shadowRoot!.querySelector('button.ok')).length;
  host.remove();
  cache.close();
  await DspCache.clearAll();
  return { time, requests: sent.count, open };
}

/** Both ways once, untimed: the mock computes every answer the timed runs replay. */
async function prepare(): Promise<void> {
  await batch(Number.POSITIVE_INFINITY);
  await singles(Number.POSITIVE_INFINITY);
}

(window as unknown as { bench: unknown }).bench = {
  prepare,
  batch,
  singles,
  patients: worklist.length,
  latency: LATENCY_MS,
  http1Connections: HTTP1_CONNECTIONS,
};
