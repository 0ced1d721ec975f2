// Bench page: <dsp-audit-log> over 50,000 entries from an in-page client, measured in Chromium.
import '@dsp-kit/elements/define/dsp-audit-log.js';
import {
  Page,
  buildAuditEvent,
  type AuditEvent,
  type DspAuditAction,
  type DspClient,
} from '@dsp-kit/fhir';

const ACTIONS: DspAuditAction[] = [
  'read',
  'search',
  'create',
  'update',
  'mask',
  'consent',
  'break-the-glass',
];

function events(count: number): AuditEvent[] {
  const start = Date.UTC(2020, 0, 1);
  return Array.from({ length: count }, (_, i) => ({
    ...buildAuditEvent({
      action: ACTIONS[i % ACTIONS.length]!,
      outcome: i % 17 === 0 ? 'refused' : 'success',
      recorded: new Date(start + i * 3_600_000).toISOString(),
      agent: { reference: `Practitioner/p${i % 40}`, display: `Dr ${i % 40}` },
      profession: 'medecin-generaliste',
      patient: 'p',
      ...(i % 3 === 0
        ? {
            document: {
              id: `d${i % 500}`,
              title: `Document ${i % 500}`,
              typeCode: 'resume-patient',
            },
          }
        : {}),
    }),
    id: `e${i}`,
  }));
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function measure(count: number) {
  const all = events(count);
  // Only what the panel calls: a log search answered from memory, so the bench times the panel.
  const client = {
    searchAuditEvents: () =>
      Promise.resolve(
        new Page<AuditEvent>(all, all.length, undefined, () =>
          Promise.reject(new Error('no next')),
        ),
      ),
  } as unknown as DspClient;
  const el = document.createElement('dsp-audit-log');
  el.style.setProperty('--dsp-audit-log-height', '600px');
  const started = performance.now();
  el.client = client;
  el.patient = 'p';
  document.body.append(el);
  const list = () => el.shadowRoot?.querySelector<HTMLElement>('[part="list"]');
  while (!list()?.querySelector('[part~="row"]')) await frame();
  const firstRender = performance.now() - started;

  const filterTimes: number[] = [];
  for (const action of ['read', 'break-the-glass', undefined, 'search', undefined] as const) {
    await frame();
    const t0 = performance.now();
    el.action = action;
    await el.updateComplete; // filtered and rendered
    filterTimes.push(performance.now() - t0);
  }

  const scroller = list()!;
  const frames: number[] = [];
  let last = await frame();
  for (let i = 0; i < 240; i++) {
    scroller.scrollTop += 400;
    const now = await frame();
    frames.push(now - last);
    last = now;
  }
  frames.sort((a, b) => a - b);
  return {
    firstRender,
    filterMedian: [...filterTimes].sort((a, b) => a - b)[Math.floor(filterTimes.length / 2)]!,
    scrollMaxFrame: frames.at(-1)!,
    scrollP95Frame: frames[Math.floor(frames.length * 0.95)]!,
  };
}

(window as unknown as { bench: typeof measure }).bench = measure;
