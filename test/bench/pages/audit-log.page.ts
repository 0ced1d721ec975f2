// Bench page: <dsp-audit-log> over 50,000 entries from an in-page client, measured in Chromium.
import '@dsp-kit/elements/define/dsp-audit-log.js';
import {
  DspClient as Client,
  Page,
  buildAuditEvent,
  type AuditEvent,
  type DspAuditAction,
  type DspClient,
} from '@dsp-kit/fhir';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, render } from 'lit';
import { firstRows, frame, longestFrameUntil, medianChange, scrollFrames } from './measure.js';
import { serveSearchset } from './searchset.js';

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
  const scroller = await firstRows(el);
  const firstRender = performance.now() - started;
  const filterMedian = await medianChange(
    el,
    (['read', 'break-the-glass', undefined, 'search', undefined] as const).map((value) => () => {
      el.action = value;
    }),
  );
  const scroll = await scrollFrames(scroller);
  el.remove();
  return { firstRender, filterMedian, scrollMaxFrame: scroll.max, scrollP95Frame: scroll.p95 };
}

const PAGE = 500;

/**
 * Progressive loading: `count` entries from a server answering pages of 500 at once; the time
 * until all are listed, and the longest frame meanwhile.
 */
async function paged(count: number) {
  const base = await serveSearchset(`audit-${count}`, 'AuditEvent', events(count), PAGE);
  const el = document.createElement('dsp-audit-log');
  el.style.setProperty('--dsp-audit-log-height', '600px');
  el.client = new Client({ baseUrl: base, retry: false });
  el.patient = 'p';
  const started = performance.now();
  document.body.append(el);
  await firstRows(el);
  const count_ = () => el.shadowRoot?.querySelector('[part="count"]')?.textContent.trim() ?? '';
  const longest = await longestFrameUntil(() => !count_().includes('—'));
  const loaded = performance.now() - started;
  const listed = el.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0;
  el.remove();
  return { loaded, longestFrame: longest, listed };
}

/**
 * The reference for scrolling: `@lit-labs/virtualizer` alone, in a list as high as the panel's,
 * with rows of the audit log's shape (three columns of two lines, in a grid) and
 * none of the panel's code, scrolled the same way. What this browser on this machine costs for
 * rows entering the view, whatever renders them.
 */
async function bareScroll(count: number) {
  const all = events(count);
  const host = document.createElement('div');
  document.body.append(host);
  render(
    html`<style>
        .base {
          font-family: system-ui, sans-serif;
        }
        .list {
          display: block;
          height: 600px;
          overflow: auto;
        }
        .row {
          display: grid;
          grid-template-columns: minmax(8rem, 10rem) minmax(0, 1fr) minmax(0, 1fr);
          gap: 0.25rem 1rem;
          width: 100%;
          padding: 0.75rem 0.5rem;
          border-block-end: 1px solid #d0d7de;
        }
        .row > span {
          display: flex;
          flex-direction: column;
          min-width: 0;
        }
        small {
          color: #57606a;
          font-size: 0.875rem;
        }
      </style>
      <div class="base">
        <div class="list">
          ${virtualize({
            items: all,
            scroller: true,
            renderItem: (e) =>
              html`<div class="row">
                <span
                  ><time datetime=${e.recorded}>${e.recorded.slice(0, 10)}</time
                  ><small>${e.recorded.slice(11, 16)}</small></span
                ><span
                  ><span>${e.agent[0]?.who?.display}</span><small>médecin généraliste</small></span
                ><span
                  ><span>${e.subtype?.[0]?.code ?? e.type.code}</span
                  ><small>${e.entity?.[0]?.what?.display ?? ''}</small></span
                >
              </div>`,
          })}
        </div>
      </div>`,
    host,
  );
  const scroller = host.querySelector<HTMLElement>('.list')!;
  while (!scroller.querySelector('.row')) await frame();
  const scroll = await scrollFrames(scroller);
  host.remove();
  return { scrollMaxFrame: scroll.max, scrollP95Frame: scroll.p95 };
}

(window as unknown as { bench: typeof measure }).bench = measure;
(window as unknown as { paged: typeof paged }).paged = paged;
(window as unknown as { bareScroll: typeof bareScroll }).bareScroll = bareScroll;
