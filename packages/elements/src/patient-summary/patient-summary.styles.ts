// The patient summary card's styles: a compact card of sections, the empty sections' words apart
// from content, the old-summary notice in the warning colours, the other sections collapsed.
import { css } from 'lit';

export const styles = css`
  [part='base'] {
    padding: var(--dsp-patient-summary-padding, var(--_space-4));
    display: flex;
    flex-direction: column;
    gap: var(--_space-3);
  }

  [part='header'] .title {
    margin: 0;
    font-size: 1.15em;
  }

  .source,
  .section-source {
    margin: var(--_space-1) 0 0;
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  button.link {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: none;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
  }

  [part='stale'] {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_warning);
    background: var(--_warning-surface);
  }

  .section {
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_space-2);
  }

  .section h3,
  .others-title {
    margin: 0 0 var(--_space-1);
    font-size: 1em;
  }

  .empty {
    margin: 0;
    font-style: italic;
  }

  .empty.no-information {
    color: var(--_muted);
  }

  .entries {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }

  .other-section summary {
    cursor: pointer;
    padding-block: var(--_space-1);
  }

  [part='unreadable'] p,
  [part='empty'] {
    margin: 0 0 var(--_space-2);
  }

  .problem {
    color: var(--_danger);
  }

  .skeleton {
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
    padding-block: var(--_space-2);
  }

  .skeleton span {
    display: block;
    height: 0.8em;
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }

  .skeleton span:last-child {
    width: 60%;
  }

  @media (forced-colors: active) {
    [part='stale'] {
      border-color: CanvasText;
    }
    button.link {
      color: LinkText;
    }
  }
`;
