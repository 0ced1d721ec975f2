// The access-rights panel's two dialogs as small state holders: the question before a step the
// user cannot simply undo, and the closing of the DSP confirmed by typing a word. A reload renders
// the panel anew, and with it a dialog that was open: the new one opens again (see `show`), with
// what was typed in it, so the user's question or confirmation is not silently dropped.
import type { TemplateResult } from 'lit';
import type { AccessRightsMessages } from './access-rights.messages.js';
import { renderConfirmDialog, type Confirmation } from './confirm-dialog.js';
import { textOf } from './form-drafts.js';
import { renderOpenClose } from './open-close-section.js';

/** The panel the dialogs live in. */
export interface DialogHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
}

function dialogIn(host: DialogHost, id: string): HTMLDialogElement | undefined {
  return host.renderRoot.querySelector<HTMLDialogElement>(`#${id}`) ?? undefined;
}

/** The question asked before blocking the médecin référent, or withdrawing oneself. */
export class ConfirmQuestion {
  asking: Confirmation | undefined;
  #answer: ((confirmed: boolean) => void) | undefined;
  #shown: HTMLDialogElement | undefined;

  constructor(private readonly host: DialogHost) {}

  /** Asks, saying what the step means. Resolves to the answer. */
  async ask(asking: Confirmation): Promise<boolean> {
    this.#answer?.(false);
    this.asking = asking;
    // A new question: the dialog opens even when it is the element that asked the last one.
    this.#shown = undefined;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const answer = new Promise<boolean>((resolve) => {
      this.#answer = resolve;
    });
    const dialog = dialogIn(this.host, 'confirm-dialog');
    if (dialog && !dialog.open) {
      this.#shown = dialog;
      dialog.showModal();
    }
    dialog?.querySelector<HTMLElement>('[data-cancel]')?.focus();
    return answer;
  }

  /** A question no one can answer any more is a refusal. */
  refuse(): void {
    this.#answer?.(false);
    this.#answer = undefined;
  }

  /** Nothing is asked any more (another record shows). */
  forget(): void {
    this.refuse();
    this.asking = undefined;
    this.host.requestUpdate();
  }

  show(): void {
    const dialog = dialogIn(this.host, 'confirm-dialog');
    if (this.asking && dialog && !dialog.open && dialog !== this.#shown) {
      this.#shown = dialog;
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-cancel]')?.focus();
    }
  }

  render(m: AccessRightsMessages): TemplateResult {
    return renderConfirmDialog({
      m,
      asking: this.asking,
      onAnswer: (confirmed) => {
        this.#answer?.(confirmed);
        this.#answer = undefined;
        dialogIn(this.host, 'confirm-dialog')?.close();
      },
      onClose: (event) => {
        // Closed by Escape, by Cancel, or after the confirmation (which answered first). The event
        // comes a task later: by then the dialog may be asking again, which it must not cancel;
        // and a dialog no longer on the page (the panel rendered anew) answers nothing.
        const dialog = dialogIn(this.host, 'confirm-dialog');
        if (dialog?.open || event.target !== dialog) return;
        this.forget();
      },
    });
  }
}

/** The closing of the DSP: its section, and the dialog asking for the confirmation word. */
export class CloseConfirmation {
  confirming = false;
  invalid = false;
  /** The word typed so far. */
  word = '';
  #shown: HTMLDialogElement | undefined;

  constructor(
    private readonly host: DialogHost,
    /** Closes (or, with true, reopens) the DSP; resolves to whether it is done. */
    private readonly setOpen: (open: boolean) => Promise<boolean>,
  ) {}

  get #dialog(): HTMLDialogElement | undefined {
    return dialogIn(this.host, 'close-dialog');
  }

  /** Nothing is being confirmed any more (another record shows). */
  forget(): void {
    this.confirming = false;
    this.word = '';
    this.host.requestUpdate();
  }

  show(): void {
    const dialog = this.#dialog;
    if (this.confirming && dialog && !dialog.open && dialog !== this.#shown) {
      this.#shown = dialog;
      dialog.showModal();
      dialog.querySelector('input')?.focus();
    }
  }

  render(m: AccessRightsMessages, open: boolean): TemplateResult {
    return renderOpenClose({
      m,
      open,
      confirming: this.confirming,
      invalid: this.invalid,
      word: this.word,
      onClose: () => {
        this.confirming = true;
        this.invalid = false;
        this.#shown = undefined;
        // Opened by `show` after the update, with the word typed before, if any.
        this.host.requestUpdate();
      },
      onReopen: () => void this.setOpen(true),
      onWord: (word) => {
        this.word = word;
        this.invalid = false;
        this.host.requestUpdate();
      },
      onConfirm: (event) => void this.#confirm(event, m),
      onCancel: () => {
        this.#dialog?.close();
      },
      onDialogClose: (event) => void this.#closed(event),
    });
  }

  async #confirm(event: SubmitEvent, m: AccessRightsMessages): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const word = textOf(new FormData(form).get('word'));
    this.word = word;
    if (word.trim().toLocaleUpperCase() !== m.confirmWord.toLocaleUpperCase()) {
      this.invalid = true;
      this.host.requestUpdate();
      form.querySelector('input')?.focus();
      return;
    }
    this.host.requestUpdate();
    if (await this.setOpen(false)) this.#dialog?.close();
  }

  async #closed(event: Event): Promise<void> {
    // A dialog no longer on the page (the panel rendered anew) closes nothing: its successor
    // is open.
    if (event.target !== this.#dialog) return;
    this.confirming = false;
    this.invalid = false;
    this.word = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    // Focus goes back to where the user was: the close button, or the reopen button that
    // replaced it once the DSP is closed.
    this.host.renderRoot.querySelector<HTMLElement>('#close-button, #reopen-button')?.focus();
  }
}
