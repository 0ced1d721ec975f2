// The design tokens, once: every `--dsp-*` custom property a host may set, with light and dark
// defaults. Components read the private `--_*` layer below, never a hard-coded value.
import { css } from 'lit';

export const tokens = css`
  :host {
    --_font: var(--dsp-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--dsp-font-size, 1rem);
    --_font-size-small: var(--dsp-font-size-small, 0.875rem);
    --_text: var(--dsp-color-text, #1b1f24);
    --_muted: var(--dsp-color-text-muted, #57606a);
    --_surface: var(--dsp-color-surface, #ffffff);
    --_surface-raised: var(--dsp-color-surface-raised, #f6f8fa);
    --_border: var(--dsp-color-border, #d0d7de);
    --_accent: var(--dsp-color-accent, #0b5cad);
    --_accent-text: var(--dsp-color-accent-text, #ffffff);
    --_danger: var(--dsp-color-danger, #b42318);
    --_danger-surface: var(--dsp-color-danger-surface, #fef3f2);
    --_warning: var(--dsp-color-warning, #b54708);
    --_warning-surface: var(--dsp-color-warning-surface, #fffaeb);
    --_patient: var(--dsp-color-patient, #6941c6);
    --_patient-surface: var(--dsp-color-patient-surface, #f9f5ff);
    --_space-1: var(--dsp-space-1, 0.25rem);
    --_space-2: var(--dsp-space-2, 0.5rem);
    --_space-3: var(--dsp-space-3, 0.75rem);
    --_space-4: var(--dsp-space-4, 1rem);
    --_space-6: var(--dsp-space-6, 1.5rem);
    --_radius: var(--dsp-radius, 0.375rem);
    --_focus-ring: var(--dsp-focus-ring, 2px solid #0b5cad);
    color-scheme: light;
  }

  :host([theme='dark']) {
    --_text: var(--dsp-color-text, #e6edf3);
    --_muted: var(--dsp-color-text-muted, #9da7b3);
    --_surface: var(--dsp-color-surface, #0d1117);
    --_surface-raised: var(--dsp-color-surface-raised, #161b22);
    --_border: var(--dsp-color-border, #30363d);
    --_accent: var(--dsp-color-accent, #58a6ff);
    --_accent-text: var(--dsp-color-accent-text, #0d1117);
    --_danger: var(--dsp-color-danger, #ff7b72);
    --_danger-surface: var(--dsp-color-danger-surface, #2d1214);
    --_warning: var(--dsp-color-warning, #d29922);
    --_warning-surface: var(--dsp-color-warning-surface, #2e1f06);
    --_patient: var(--dsp-color-patient, #b392f0);
    --_patient-surface: var(--dsp-color-patient-surface, #1f1536);
    --_focus-ring: var(--dsp-focus-ring, 2px solid #58a6ff);
    color-scheme: dark;
  }
`;
