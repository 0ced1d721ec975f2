// The patient summary's reader and section renderer, loaded with `import()` once a summary is
// found (so the card's first load carries neither the XML parsing nor the narrative code): reads
// a CDA or an IPS Bundle, and renders a section's narrative with the CDA renderer's safe
// narrative code, or its entries as a list where it has none.
import type { TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize.controller.js';
import { element, type NarrativeContext } from '../document-preview/cda/cda-narrative.js';
import { html, nothing } from '../document-preview/cda/cda-runtime.js';
import { cdaStyles } from '../document-preview/cda/cda-view.styles.js';
import { cdaMessages } from '../document-preview/cda/cda.messages.js';
import { readCdaSummary } from './cda-summary.js';
import { readIpsSummary } from './ips-summary.js';
import { SummaryReadError, type ReadSummary, type SummarySection } from './summary-model.js';

export { install } from '../document-preview/cda/cda-runtime.js';
export { cdaStyles };
export { CdaParseError } from '../document-preview/cda/cda-parse.js';

/** Text from bytes: UTF-8 (what both formats are sent in), a byte order mark dropped. */
async function textOf(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8').decode(await blob.arrayBuffer());
}

/** Whether the content is FHIR JSON, CDA XML, or neither, by its type and then its first byte. */
function formatOf(contentType: string, text: string): 'fhir' | 'cda' | undefined {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/fhir+json' || type === 'application/json') return 'fhir';
  if (type === 'text/xml' || type === 'application/xml' || type === 'application/hl7-v3+xml') {
    return 'cda';
  }
  const first = text.trimStart()[0];
  if (type === 'application/octet-stream' || type === '') {
    return first === '{' ? 'fhir' : first === '<' ? 'cda' : undefined;
  }
  return undefined;
}

/**
 * Reads a summary's content, or throws: a `SummaryReadError` (a format the card does not read,
 * a Bundle that is no IPS) or a `CdaParseError` (an XML that is no safe CDA).
 */
export async function readSummary(blob: Blob, contentType: string): Promise<ReadSummary> {
  if (blob.size > 20_000_000) {
    throw new SummaryReadError('too-large', `The summary has ${blob.size} bytes.`);
  }
  const text = await textOf(blob);
  switch (formatOf(contentType, text)) {
    case 'fhir':
      return readIpsSummary(text);
    case 'cda':
      return readCdaSummary(text);
    default:
      throw new SummaryReadError(
        'format',
        `A summary in ${contentType || 'no stated type'} is not read here.`,
      );
  }
}

/** What rendering sections needs from the card. */
export interface SectionViewHost {
  readonly localize: LocalizeController;
  /** The card's shadow root, where in-document links look for their target. */
  readonly root: ParentNode;
  /** A prefix for the page ids of this summary's `ID`s. */
  readonly idPrefix: string;
  /** The next table's number in the card, naming a table without caption (one count per card). */
  readonly tableNumber: () => number;
}

/**
 * Renders a section's content: its narrative, else its entries; nothing when it has neither.
 * `name` names the section in its tables' names, which must differ from those of the same
 * document shown in a preview beside the card.
 */
export function renderSectionBody(
  summary: ReadSummary,
  section: SummarySection,
  name: string,
  host: SectionViewHost,
): TemplateResult | typeof nothing {
  if (section.narrative) {
    const messages = host.localize.t(cdaMessages());
    const context: NarrativeContext = {
      messages: { ...messages, table: (n) => `${name}: ${messages.table(n)}` },
      idFor: (id) => host.idPrefix + id,
      ids: summary.ids,
      media: new Map(),
      flags: new Map(),
      tableNumber: host.tableNumber,
      go: (event, id) => {
        event.preventDefault();
        const target = host.root.querySelector<HTMLElement>(
          `[id="${CSS.escape(host.idPrefix + id)}"]`,
        );
        if (!target) return;
        target.scrollIntoView({ block: 'start' });
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.focus({ preventScroll: true });
      },
      save: () => undefined,
    };
    return html`<div class="cda-narrative">${element(section.narrative, context)}</div>`;
  }
  if (section.entries.length > 0) {
    return html`<ul class="entries">
      ${section.entries.map((line) => html`<li>${line}</li>`)}
    </ul>`;
  }
  return nothing;
}
