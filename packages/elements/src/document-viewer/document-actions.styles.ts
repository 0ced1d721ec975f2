// The look of the viewer's document actions: a row of buttons above the preview, its status, the
// earlier versions, and the dialogs.
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part='actions'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    margin-block-end: var(--_space-3);
  }
  .buttons,
  .commands,
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
  .status p {
    margin: 0;
  }
  /* Nothing to say: the live region stays in the accessibility tree, so what it says next is
     announced, but neither it nor its empty line leaves a band above the document. */
  .status p:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .status:not(:has(> :not(p:empty))) {
    display: contents;
  }
  button {
    font: inherit;
    cursor: pointer;
    padding: var(--_space-1) var(--_space-3);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  dialog button.danger {
    background: var(--_danger);
    color: var(--_surface);
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
    text-align: start;
  }
  label.inline {
    flex-direction: row;
    align-items: center;
  }
  label.check {
    flex-direction: row;
    align-items: center;
    color: var(--_text);
  }
  .note,
  .meta,
  .help {
    margin: 0;
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  .problem {
    margin: 0;
    color: var(--_danger);
  }
  [part='versions'] {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }
  [part='versions'] li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  dialog {
    max-width: min(40rem, 100vw - 2rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: var(--_space-4);
  }
  dialog form {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
  }
  dialog h3 {
    margin: 0 0 var(--_space-2);
  }
  [part='conflict'] {
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_danger);
    background: var(--_danger-surface);
  }
  [part='conflict'] p {
    margin: 0 0 var(--_space-1);
  }
  [part='conflict'] dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
  }
  [part='conflict'] dd {
    margin: 0;
  }
  @media (forced-colors: active) {
    button.danger,
    dialog button.danger {
      border-color: ButtonText;
    }
  }
`;
