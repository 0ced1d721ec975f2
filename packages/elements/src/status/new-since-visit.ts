// What is new since this user's last visit of this patient's DSP, for the viewer: the last visit
// read from the user's cache (then this visit recorded), the documents stored after it, a "new"
// badge per row, a "New only" filter and the sentence announcing how many.
import type { DocumentReference, DspClient } from '@dsp-kit/fhir';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { LocalizeController } from '../i18n/localize.controller.js';
import { newSinceMessages } from './new-since.messages.js';
import { lastVisit, recordVisit } from './visits.js';

/** What the controller needs of a list item: its document. */
interface Item {
  readonly document: DocumentReference;
}

/** Whether `document` was stored after `since` (its `meta.lastUpdated`). */
export function isNewSince(document: DocumentReference, since: string | undefined): boolean {
  const stored = Date.parse(document.meta?.lastUpdated ?? '');
  return since !== undefined && Number.isFinite(stored) && stored > Date.parse(since);
}

export class NewSinceVisit implements ReactiveController {
  /** The previous visit, while this one lasts; undefined on a first visit (nothing is new). */
  since: string | undefined;
  newOnly = false;
  #client: DspClient | undefined;
  #patient = '';
  #shown:
    | {
        items: readonly Item[];
        newOnly: boolean;
        since: string | undefined;
        result: readonly Item[];
      }
    | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly args: () => readonly [DspClient | undefined, string],
    private readonly localize: LocalizeController,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const [client, patient] = this.args();
    if (client === this.#client && patient === this.#patient) return;
    this.#client = client;
    this.#patient = patient;
    this.since = undefined;
    this.newOnly = false;
    if (!client || !patient) return;
    const cache = client.cache;
    void lastVisit(cache, patient).then(async (since) => {
      if (client !== this.#client || patient !== this.#patient) return;
      this.since = since;
      // This visit becomes the next one's "last visit"; what is new stays marked meanwhile.
      await recordVisit(cache, patient);
      this.host.requestUpdate();
    });
  }

  /** Whether a document is new since the last visit. */
  isNew = (document: DocumentReference): boolean => isNewSince(document, this.since);

  /** The row badge's word for a new document, else undefined. */
  badge = (document: DocumentReference): string | undefined =>
    this.isNew(document) ? this.localize.t(newSinceMessages).badge : undefined;

  /** The items to list: all, or only the new ones (the same array while nothing changed). */
  shown<T extends Item>(items: readonly T[]): readonly T[] {
    const last = this.#shown;
    if (last?.items === items && last.newOnly === this.newOnly && last.since === this.since)
      return last.result as readonly T[];
    // Once the last visit is known, a new array: the list redraws its rows with their badges.
    const result =
      this.newOnly && this.since
        ? items.filter((i) => this.isNew(i.document))
        : this.since !== undefined
          ? items.slice()
          : items;
    this.#shown = { items, newOnly: this.newOnly, since: this.since, result };
    return result;
  }

  /** The filter button and the announcement, when something is new. */
  render(items: readonly Item[]) {
    if (this.since === undefined) return nothing;
    const count = items.filter((i) => this.isNew(i.document)).length;
    if (count === 0) return nothing;
    const m = this.localize.t(newSinceMessages);
    const n = this.localize.formatNumber(count);
    const since = this.localize.formatDate(this.since, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<div part="new-since">
      <p role="status">${m.announce(count, n, since)}</p>
      <button
        type="button"
        aria-pressed=${this.newOnly ? 'true' : 'false'}
        @click=${() => {
          this.newOnly = !this.newOnly;
          this.host.requestUpdate();
        }}
      >
        ${m.newOnly(n)}
      </button>
    </div>`;
  }
}
