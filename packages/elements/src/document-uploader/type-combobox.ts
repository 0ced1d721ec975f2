// The DSP type field of one row: an editable combobox whose list of types narrows as the user
// types, after the ARIA Authoring Practices' "list autocomplete with automatic selection".
//
// Why not `<input list>` with a `<datalist>`: Chromium's datalist popup is not reliably exposed to
// screen readers (no active option is announced while arrowing), it matches the typed text only
// against the start or a substring of the value (not words, accents aside), its value would be
// the label, to be mapped back to a code, and it cannot be styled or themed. The combobox below
// keeps focus in the input and points at the active option with `aria-activedescendant`, so
// screen readers announce each option as it is reached, and it lives in the row's own shadow tree,
// so the label, the list and the problem message reference each other by id.
import {
  documentClassOf,
  documentTypeByCode,
  label,
  type DocumentType,
  type DspLanguage,
} from '@dsp-kit/fhir';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { searchTypes, typeNamed } from './type-search.js';

export interface TypeComboboxView {
  /** The input's id, for the row's `<label for>`. */
  readonly id: string;
  readonly language: DspLanguage;
  /** The types the user may choose from. */
  readonly types: readonly DocumentType[];
  /** The chosen type's code, or empty. */
  readonly value: string;
  readonly disabled: boolean;
  readonly invalid: boolean;
  /** The id of the problem message, when one is shown. */
  readonly describedBy: string | undefined;
  readonly placeholder: string;
  readonly listLabel: string;
  readonly showLabel: string;
  readonly count: (n: number) => string;
  /** The user chose a type (or emptied the field: ''). */
  readonly onChoose: (code: string) => void;
}

export class TypeCombobox {
  #open = false;
  /** The option pointed at in the shown list, or -1. */
  #active = -1;
  /** What the user typed and did not choose yet; undefined when the field shows the choice. */
  #query: string | undefined;
  #view: TypeComboboxView | undefined;
  /** Text the user left the field with, naming no type: said to be no type until changed. */
  #unmatched: string | undefined;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** The text the user typed and left the field with, naming no type (kept on screen). */
  get unmatchedText(): string | undefined {
    return this.#unmatched;
  }

  get #options(): DocumentType[] {
    const view = this.#view;
    if (!view) return [];
    return this.#query === undefined
      ? [...view.types]
      : searchTypes(this.#query, view.language, view.types);
  }

  #optionId(type: DocumentType): string {
    return `${this.#view?.id ?? ''}-option-${type.code}`;
  }

  #set(open: boolean, active: number): void {
    this.#open = open;
    this.#active = active;
    this.host.requestUpdate();
  }

  #choose(type: DocumentType | undefined): void {
    this.#query = undefined;
    this.#unmatched = undefined;
    this.#set(false, -1);
    this.#view?.onChoose(type?.code ?? '');
  }

  /** Brings the active option into the list's view once it is rendered. */
  #reveal(input: HTMLInputElement): void {
    void this.host.updateComplete.then(() => {
      const id = input.getAttribute('aria-activedescendant');
      const root = input.getRootNode() as ShadowRoot | Document;
      if (id) root.getElementById(id)?.scrollIntoView({ block: 'nearest' });
    });
  }

  readonly #onInput = (event: Event) => {
    this.#query = (event.target as HTMLInputElement).value;
    this.#unmatched = undefined;
    this.#set(true, this.#options.length > 0 ? 0 : -1);
  };

  readonly #onKeyDown = (event: KeyboardEvent) => {
    const options = this.#options;
    const count = options.length;
    const input = event.target as HTMLInputElement;
    const chosen = options.findIndex((t) => t.code === this.#view?.value);
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.#open || event.altKey) this.#set(true, this.#open ? this.#active : chosen);
        else if (count > 0) this.#set(true, (this.#active + 1) % count);
        this.#reveal(input);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count === 0) break;
        if (!this.#open) this.#set(true, chosen >= 0 ? chosen : count - 1);
        else this.#set(true, this.#active <= 0 ? count - 1 : this.#active - 1);
        this.#reveal(input);
        break;
      case 'Enter': {
        const type = this.#open ? options[this.#active] : undefined;
        if (type) {
          event.preventDefault();
          this.#choose(type);
        }
        break;
      }
      case 'Escape':
        if (this.#open) {
          event.preventDefault();
          this.#set(false, -1);
        } else if (this.#query !== undefined) {
          // A second Escape gives up the typed text: the field shows the choice again.
          event.preventDefault();
          this.#query = undefined;
          this.#unmatched = undefined;
          this.host.requestUpdate();
        }
        break;
      default:
    }
  };

  /**
   * Leaving the field: typed text naming a type exactly chooses it; emptied text clears the
   * choice; other text stays on screen, and the row has no type until one is chosen.
   */
  readonly #onBlur = (event: FocusEvent) => {
    const input = event.target as HTMLInputElement;
    // After the current task: Chromium also blurs an input the host's update is removing.
    queueMicrotask(() => {
      if (input.isConnected) this.#leave();
    });
  };

  #leave(): void {
    const view = this.#view;
    this.#set(false, -1);
    if (!view || this.#query === undefined) return;
    const query = this.#query;
    const named = typeNamed(query, view.language, view.types);
    if (named) this.#choose(named);
    else if (query.trim() === '') this.#choose(undefined);
    else {
      this.#unmatched = query.trim();
      this.host.requestUpdate();
      if (view.value !== '') view.onChoose('');
    }
  }

  render(view: TypeComboboxView): TemplateResult {
    this.#view = view;
    const options = this.#options;
    const open = this.#open && !view.disabled;
    const active = open ? options[this.#active] : undefined;
    const chosen = view.types.find((t) => t.code === view.value);
    // A type given by the host that the list does not offer (or no DSP type) still shows.
    const given = documentTypeByCode(view.value);
    const text = this.#query ?? (given ? label(given.labels, view.language) : view.value);
    const chosenIndex = chosen ? options.indexOf(chosen) : -1;
    const listId = `${view.id}-list`;
    return html`<div class="combobox">
      <input
        id=${view.id}
        name="type"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        placeholder=${view.placeholder}
        aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${listId}
        aria-activedescendant=${active ? this.#optionId(active) : nothing}
        aria-invalid=${view.invalid ? 'true' : 'false'}
        aria-describedby=${view.describedBy ?? nothing}
        ?disabled=${view.disabled}
        .value=${text}
        @input=${this.#onInput}
        @keydown=${this.#onKeyDown}
        @blur=${this.#onBlur}
        @click=${() => {
          if (!this.#open) this.#set(true, chosenIndex);
        }}
      />
      <button
        type="button"
        tabindex="-1"
        class="toggle"
        aria-label=${view.showLabel}
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${listId}
        ?disabled=${view.disabled}
        @mousedown=${(e: Event) => {
          // Keeps the focus in the input, which the list belongs to.
          e.preventDefault();
        }}
        @click=${(e: Event) => {
          const input = (e.currentTarget as HTMLElement).previousElementSibling as HTMLInputElement;
          input.focus();
          this.#set(!this.#open, this.#open ? -1 : chosenIndex);
        }}
      >
        ▾
      </button>
      <ul
        id=${listId}
        part="type-list"
        role="listbox"
        aria-label=${view.listLabel}
        ?hidden=${!open || options.length === 0}
      >
        ${options.map(
          (type) =>
            html`<li
              id=${this.#optionId(type)}
              role="option"
              aria-selected=${type === active ? 'true' : 'false'}
              class=${type.code === view.value ? 'chosen' : ''}
              data-code=${type.code}
              @mousedown=${(e: Event) => {
                e.preventDefault();
              }}
              @click=${() => {
                this.#choose(type);
              }}
            >
              ${label(type.labels, view.language)}
              <span class="type-class">${label(documentClassOf(type).labels, view.language)}</span>
            </li>`,
        )}
      </ul>
      <span class="visually-hidden" role="status">${open ? view.count(options.length) : ''}</span>
    </div>`;
  }
}
