// The CDA renderer the preview loads with `import()`: opens a document (parse, header, media,
// abnormal results) and renders it — the body first, sections with headings by depth and a table
// of contents, a level-1 body by its type, long tables progressively — with the header as a
// collapsible description list, and a Print action that prints the header and the whole body.
import type { TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/localize.controller.js';
import { abnormalFlags, type AbnormalFlag } from './cda-abnormal.js';
import { all, at, CDA_NAMESPACE, codeOf, textOf, type CdaCode, type CdaPeriod } from './cda-dom.js';
import { readCdaHeader, type CdaHeader, type CdaIdentifier, type CdaParty } from './cda-header.js';
import { MediaStore, isShownImage, type CdaMedia } from './cda-media.js';
import { element, type NarrativeContext } from './cda-narrative.js';
import { CDA_LIMITS, CdaParseError, parseCda, type CdaLimits } from './cda-parse.js';
import { cssString, printView } from './cda-print.js';
import { LONG_TABLE, LongRows } from './cda-rows.js';
import { html, label, nothing } from './cda-runtime.js';
import { cdaStyles } from './cda-view.styles.js';
import { printStyles } from './cda-print.styles.js';
import { cdaMessages, type CdaMessages } from './cda.messages.js';

export { install } from './cda-runtime.js';
export { cdaStyles };

export { CdaParseError } from './cda-parse.js';
export { readCdaHeader } from './cda-header.js';

/** What a CDA's body shows. */
export type CdaBody =
  | { readonly kind: 'structured'; readonly sections: readonly Element[] }
  /** `url`: for the preview's sandboxed frame, where PDF.js cannot draw it. */
  | { readonly kind: 'pdf'; readonly blob: Blob; readonly url: string | undefined }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'image'; readonly url: string }
  | { readonly kind: 'other'; readonly media: CdaMedia }
  | { readonly kind: 'empty' };

/** A parsed CDA and what rendering it needs; `dispose()` lets its blob URLs go. */
export interface OpenedCda {
  readonly header: CdaHeader;
  readonly body: CdaBody;
  readonly media: ReadonlyMap<string, CdaMedia>;
  readonly flags: ReadonlyMap<string, AbnormalFlag>;
  readonly ids: ReadonlySet<string>;
  dispose(): void;
}

/** The XML declaration's encoding, if the first bytes have one. */
function declaredEncoding(head: Uint8Array): string | undefined {
  const text = new TextDecoder('latin1').decode(head);
  return /^\uFEFF?<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text)?.[1];
}

async function decode(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  try {
    return new TextDecoder(declaredEncoding(bytes.subarray(0, 200)) ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Gives the page back for a moment, so that parsing, reading and drawing are tasks apart. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Opens a CDA document from its bytes, or throws a `CdaParseError` saying why not. */
export async function openCda(blob: Blob, limits: CdaLimits = CDA_LIMITS): Promise<OpenedCda> {
  // Refused before a byte is decoded: a 50 MB file costs nothing.
  if (blob.size > limits.maxLength) {
    throw new CdaParseError(
      'too-large',
      `The document has ${blob.size} bytes, over the limit of ${limits.maxLength}.`,
    );
  }
  const text = await decode(blob);
  await pause();
  const document = parseCda(text, limits);
  await pause();
  const root = document.documentElement;
  const store = new MediaStore();
  const component = at(root, 'component');
  const ids = new Set<string>();
  for (const text of document.getElementsByTagNameNS(CDA_NAMESPACE, 'text')) {
    for (const node of text.querySelectorAll('[ID]')) ids.add(node.getAttribute('ID') ?? '');
  }
  const nonXml = at(component, 'nonXMLBody', 'text');
  let body: CdaBody = { kind: 'empty' };
  if (nonXml) {
    const media = store.read(nonXml);
    body =
      media.status !== 'inline'
        ? { kind: 'other', media }
        : media.mediaType === 'application/pdf'
          ? { kind: 'pdf', blob: media.blob, url: media.url }
          : media.mediaType === 'text/plain'
            ? { kind: 'text', text: await media.blob.text() }
            : isShownImage(media.mediaType) && media.url
              ? { kind: 'image', url: media.url }
              : { kind: 'other', media };
  } else {
    const sections = all(component, 'structuredBody', 'component', 'section');
    if (sections.length > 0) body = { kind: 'structured', sections };
  }
  const opened: OpenedCda = {
    header: readCdaHeader(document),
    body,
    media: store.observationMedia(document),
    flags: abnormalFlags(document),
    ids,
    dispose: () => store.dispose(),
  };
  await pause();
  return opened;
}

/** What the renderer needs from the panel showing it. */
export interface CdaViewHost {
  readonly localize: LocalizeController;
  /** The panel's shadow root, where in-page links look for their target. */
  readonly root: ParentNode;
  /** Saves one of the document's attachments as a file. */
  readonly save: (blob: Blob, mediaType: string) => void;
  /** The panel's own PDF view, for a level-1 CDA wrapping a PDF (`url` for its fallback frame). */
  readonly renderPdf: (url: string | undefined) => TemplateResult;
}

/** The sentence for a document that could not be opened. */
export function cdaProblem(error: unknown, localize: LocalizeController): string {
  const m = localize.t(cdaMessages());
  if (error instanceof CdaParseError) return `${m.problems[error.problem]} ${m.downloadInstead}`;
  return m.notLoaded;
}

/** Page ids of the document's own `ID`s, and of its sections (apart, so they never collide). */
const ID_PREFIX = 'cda-id-';
const SECTION_PREFIX = 'cda-section-';

/** The long tables' rows of each document, for the language they were made in. */
const longTables = new WeakMap<
  OpenedCda,
  { messages: CdaMessages; rows: Map<Element, LongRows> }
>();

function longRowsOf(cda: OpenedCda, m: CdaMessages): Map<Element, LongRows> {
  let made = longTables.get(cda);
  if (made?.messages !== m) {
    made = { messages: m, rows: new Map() };
    longTables.set(cda, made);
  }
  return made.rows;
}

/** How to render: `progressive: false` renders every row of long tables at once. */
export interface CdaRenderOptions {
  readonly progressive?: boolean;
}

/** Renders an opened CDA. */
export function renderCda(
  cda: OpenedCda,
  host: CdaViewHost,
  options: CdaRenderOptions = {},
): TemplateResult {
  const m = host.localize.t(cdaMessages());
  const long = longRowsOf(cda, m);
  const go = (event: Event, id: string) => {
    event.preventDefault();
    const target = host.root.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  };
  const context: NarrativeContext = {
    ...narrativeContext(cda, host, m),
    // A row not shown yet is shown, with the rows before it, before the move.
    go: (event, id) => {
      for (const rows of long.values()) {
        const target = rows.body.isConnected ? documentElementById(rows, id) : undefined;
        if (target && rows.reveal(target)) break;
      }
      go(event, ID_PREFIX + id);
    },
    longRows: (tbody) => {
      if (options.progressive === false) return undefined;
      let rows = long.get(tbody);
      if (!rows) {
        const source = [...tbody.children].filter((row) => row.localName === 'tr');
        if (source.length <= LONG_TABLE) return undefined;
        rows = new LongRows(tbody, source, (row) => element(row, context), {
          shown: (shown, total) =>
            m.rowsShown(host.localize.formatNumber(shown), host.localize.formatNumber(total)),
          showAll: m.showAllRows,
        });
        long.set(tbody, rows);
      }
      return rows;
    },
  };
  const printable = cda.body.kind !== 'pdf';
  return html`<div part="cda" class="cda">
    ${
      printable
        ? html`<div class="cda-toolbar">
            <button
              part="cda-print"
              class="secondary"
              type="button"
              @click=${() => void printCda(cda, host, m)}
            >
              ${m.print}
            </button>
          </div>`
        : nothing
    }
    ${renderHeader(cda.header, m, host.localize)} ${renderBody(cda, context, host, go)}
  </div>`;
}

/** The document element of `ID` `id` in a long body's rows, if there. */
function documentElementById(rows: LongRows, id: string): Element | undefined {
  return rows.source.querySelector(`[ID="${CSS.escape(id)}"]`) ?? undefined;
}

/** What every narrative of `cda` shares; links move to their target (see `renderCda`). */
function narrativeContext(cda: OpenedCda, host: CdaViewHost, m: CdaMessages): NarrativeContext {
  let tables = 0;
  return {
    messages: m,
    tableNumber: () => ++tables,
    idFor: (id) => ID_PREFIX + id,
    ids: cda.ids,
    media: cda.media,
    flags: cda.flags,
    go: (event) => event.preventDefault(),
    save: (media) => host.save(media.blob, media.mediaType),
  };
}

/**
 * Prints the document: its header block (patient and matricule, birth date, authors, date,
 * custodian, authenticator…), then its body with every row; the patient and the page number in
 * the page margins.
 */
function printCda(cda: OpenedCda, host: CdaViewHost, m: CdaMessages): Promise<void> {
  const { header } = cda;
  const patient = header.patient;
  const matricule = patient?.identifiers.find((id) => id.matricule);
  const margin = [patient?.name, matricule && `${m.matricule} ${identifier(matricule) ?? ''}`]
    .filter(Boolean)
    .join(', ');
  const title = header.title ?? m.details;
  return printView({
    title,
    language: host.localize.language,
    css: `${printStyles(cssString(margin))}\n${cdaStyles().cssText}`,
    into: host.root,
    content: html`<div class="cda">
      <header class="cda-print-header">
        <h1>${title}</h1>
        <dl>${headerRows(header, m, host.localize)}</dl>
      </header>
      ${renderBody(cda, narrativeContext(cda, host, m), host, (event) => event.preventDefault())}
    </div>`,
  });
}

function renderBody(
  cda: OpenedCda,
  context: NarrativeContext,
  host: CdaViewHost,
  go: (event: Event, id: string) => void,
): TemplateResult {
  const m = context.messages;
  const { body } = cda;
  switch (body.kind) {
    case 'structured': {
      const numbered: { section: Element; key: string; depth: number }[] = [];
      const walk = (sections: readonly Element[], depth: number) => {
        for (const section of sections) {
          numbered.push({ section, key: `s${numbered.length + 1}`, depth });
          walk(all(section, 'component', 'section'), depth + 1);
        }
      };
      walk(body.sections, 1);
      const keys = new Map(numbered.map((entry) => [entry.section, entry.key]));
      const section = (element_: Element, depth: number): TemplateResult => {
        const key = keys.get(element_) ?? '';
        const title = sectionTitle(element_) ?? m.untitledSection;
        const narrative = at(element_, 'text');
        // Not named: a named <section> is a landmark, and a long document's would drown the page's.
        return html`<section class="cda-section">
          ${heading(depth, SECTION_PREFIX + key, title)}
          ${narrative ? html`<div class="cda-narrative">${element(narrative, context)}</div>` : nothing}
          ${all(element_, 'component', 'section').map((child) => section(child, depth + 1))}
        </section>`;
      };
      return html`<div part="cda-body" class="cda-body">
        ${
          numbered.length > 3
            ? html`<nav class="cda-contents" aria-label=${m.contents}>
                <ol>
                  ${numbered.map(
                    ({ section: element_, key, depth }) =>
                      html`<li class="cda-level-${Math.min(depth, 4)}">
                        <a
                          href=${`#${SECTION_PREFIX}${key}`}
                          @click=${(event: Event) => go(event, SECTION_PREFIX + key)}
                          >${sectionTitle(element_) ?? m.untitledSection}</a
                        >
                      </li>`,
                  )}
                </ol>
              </nav>`
            : nothing
        }
        ${body.sections.map((element_) => section(element_, 1))}
      </div>`;
    }
    case 'pdf':
      return host.renderPdf(body.url);
    case 'text':
      return html`<pre part="text" class="cda-text" tabindex="0">${body.text}</pre>`;
    case 'image':
      return html`<img part="image" src=${body.url} alt=${cda.header.title ?? m.image} />`;
    case 'other':
      return body.media.status === 'inline'
        ? html`<p class="state">
            <button
              class="secondary"
              type="button"
              @click=${() => {
                if (body.media.status === 'inline')
                  host.save(body.media.blob, body.media.mediaType);
              }}
            >
              ${m.attachment(body.media.mediaType)}
            </button>
          </p>`
        : html`<p class="state">
            ${body.media.status === 'remote' ? m.remoteNotLoaded : m.noContent}
          </p>`;
    case 'empty':
      return html`<p class="state">${m.noContent}</p>`;
  }
}

function sectionTitle(section: Element): string | undefined {
  return textOf(at(section, 'title')) ?? codeOf(at(section, 'code'))?.displayName;
}

/** Section headings follow the panel's `h2` title: `h3` for the first level, down to `h6`. */
function heading(depth: number, id: string, title: string): TemplateResult {
  switch (Math.min(depth, 4)) {
    case 1:
      return html`<h3 id=${id}>${title}</h3>`;
    case 2:
      return html`<h4 id=${id}>${title}</h4>`;
    case 3:
      return html`<h5 id=${id}>${title}</h5>`;
    default:
      return html`<h6 id=${id}>${title}</h6>`;
  }
}

function formatTime(value: string | undefined, localize: LocalizeController): string | undefined {
  if (!value) return undefined;
  // A year or a month alone is not a date `Date` reads as the author meant.
  if (value.length < 10) return value;
  return value.includes('T')
    ? localize.formatDate(value, { dateStyle: 'long', timeStyle: 'short' })
    : localize.formatDate(`${value}T12:00:00`, { dateStyle: 'long' });
}

function period(value: CdaPeriod | undefined, m: CdaMessages, localize: LocalizeController) {
  if (!value) return undefined;
  const start = formatTime(value.start, localize);
  const end = formatTime(value.end, localize);
  if (start && end && start !== end) return m.period(start, end);
  return start ?? end;
}

function code(value: CdaCode | undefined): string | undefined {
  if (!value) return undefined;
  return value.displayName && value.code
    ? `${value.displayName} (${value.code})`
    : (value.displayName ?? value.code);
}

function identifier(value: CdaIdentifier | undefined): string | undefined {
  if (!value) return undefined;
  return value.extension ?? value.root;
}

function party(value: CdaParty, m: CdaMessages, localize: LocalizeController): string {
  const time = formatTime(value.time, localize);
  return [value.person, value.role, value.organization, time]
    .filter((part) => part !== undefined)
    .join(', ');
}

/** One row of the description list; nothing when there is no value. */
function row(
  term: string,
  values: readonly (string | undefined)[],
): TemplateResult | typeof nothing {
  const present = values.filter((value): value is string => value !== undefined && value !== '');
  if (present.length === 0) return nothing;
  return html`<div class="cda-row">
    <dt>${term}</dt>
    ${present.map((value) => html`<dd>${value}</dd>`)}
  </div>`;
}

function renderHeader(
  header: CdaHeader,
  m: CdaMessages,
  localize: LocalizeController,
): TemplateResult {
  return html`<details part="cda-header" class="cda-header">
    <summary>${m.details}</summary>
    <dl>${headerRows(header, m, localize)}</dl>
  </details>`;
}

/** The header's description list, on screen and in print. */
function headerRows(
  header: CdaHeader,
  m: CdaMessages,
  localize: LocalizeController,
): TemplateResult {
  const language = localize.language;
  const patient = header.patient;
  const legal = header.legalAuthenticator;
  const encounter = header.encounter;
  return html`${row(m.title, [header.title])} ${row(m.type, [code(header.type)])}
  ${row(m.dspType, [header.dspType ? label(header.dspType.labels, language) : undefined])}
  ${row(m.date, [formatTime(header.effectiveTime, localize)])}
  ${row(m.confidentiality, [code(header.confidentiality)])} ${row(m.language, [header.language])}
  ${row(m.patient, [patient?.name])} ${row(m.birthDate, [formatTime(patient?.birthDate, localize)])}
  ${row(m.sex, [patient?.sex ? (m.sexes[patient.sex] ?? patient.sex) : undefined])}
  ${row(m.matricule, (patient?.identifiers ?? []).filter((id) => id.matricule).map(identifier))}
  ${row(m.identifier, (patient?.identifiers ?? []).filter((id) => !id.matricule).map(identifier))}
  ${row(
    m.authors,
    header.authors.map((author) => party(author, m, localize)),
  )}
  ${row(m.custodian, [header.custodian])}
  ${row(m.legalAuthenticator, [
    legal &&
      [
        party({ ...legal, time: undefined }, m, localize),
        legal.time ? m.signedOn(formatTime(legal.time, localize) ?? legal.time) : undefined,
      ]
        .filter(Boolean)
        .join(', '),
  ])}
  ${row(
    m.informants,
    header.informants.map((informant) => party(informant, m, localize)),
  )}
  ${row(
    m.participants,
    header.participants.map((participant) => party(participant, m, localize)),
  )}
  ${row(
    m.serviceEvent,
    header.serviceEvents.map((event) =>
      [
        code(event.code),
        period(event.period, m, localize),
        ...event.performers.map((performer) => party(performer, m, localize)),
      ]
        .filter(Boolean)
        .join(', '),
    ),
  )}
  ${row(m.encounter, [
    encounter &&
      [code(encounter.code), period(encounter.period, m, localize)].filter(Boolean).join(', '),
  ])}
  ${row(m.location, [encounter?.location])}
  ${header.relatedDocuments.map((related) =>
    row(m.related[related.typeCode] ?? m.relatedOther, [identifier(related.id)]),
  )}`;
}
