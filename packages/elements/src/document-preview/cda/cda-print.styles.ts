// The print view's stylesheet, ours alone: the panel's variables given print values, the header
// block, no screen-only parts, tables whole across pages, and the page margins' patient and page
// number (`@page` margin boxes, which Chromium prints since version 131).

/** The stylesheet; `patient` is a CSS string literal already (see `cssString`). */
export function printStyles(patient: string): string {
  return `
@page {
  margin: 18mm 15mm;
  @top-left { content: ${patient}; font: 9pt sans-serif; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 9pt sans-serif; }
}
:root {
  --_space-1: 0.2rem;
  --_space-2: 0.4rem;
  --_space-3: 0.8rem;
  --_space-4: 1.2rem;
  --_muted: #333;
  --_text: #000;
  --_border: #666;
  --_surface-raised: #eee;
  --_warning: #000;
  --_warning-surface: transparent;
  --_radius: 2px;
  --_font-size-small: 0.85em;
}
body { margin: 0; color: #000; font: 10.5pt/1.4 system-ui, sans-serif; }
h1 { margin: 0 0 0.4rem; font-size: 15pt; }
.cda-print-header { padding-bottom: 0.6rem; border-bottom: 1px solid #000; }
.cda-print-header dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0; }
.cda-print-header dt { grid-column: 1; color: #333; }
.cda-print-header dd { grid-column: 2; margin: 0; }
.cda-row { display: contents; }
.cda-contents, .cda-rows, button { display: none; }
.cda-table { overflow: visible; }
.cda-table thead { display: table-header-group; }
tr, img, figure { break-inside: avoid; }
h3, h4, h5, h6 { break-after: avoid; }
a { color: inherit; }
`;
}
