// The emergency alerts' styles: a banner that stands out (the warning colours and a thick edge),
// one entry per access.
import { css } from 'lit';

export const styles = css`
  [part~='base'] {
    border: 2px solid var(--_warning);
    border-inline-start-width: 6px;
    background: var(--_warning-surface);
  }
  h2 {
    font-size: 1.1em;
    margin: 0 0 var(--_space-2);
  }
  p {
    margin: 0 0 var(--_space-2);
  }
  ul {
    margin: 0 0 var(--_space-3);
    padding-inline-start: var(--_space-4);
  }
  li {
    margin-block-end: var(--_space-2);
  }
  .who {
    font-weight: 600;
  }
  .reason {
    display: block;
  }
  a,
  .link {
    color: var(--_accent);
    font: inherit;
    background: none;
    border: none;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
  }
  @media (forced-colors: active) {
    [part~='base'] {
      border-color: CanvasText;
    }
  }
`;
