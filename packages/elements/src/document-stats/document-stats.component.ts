// <dsp-document-stats>: how many documents of each DSP type the DSPs held at chosen dates, as a
// table or a stacked bar chart.
import { documentTypeByCode, documentTypes, label } from '@dsp-kit/fhir/vocabulary';

import { TaskStatus } from '@lit/task';
import { html, svg, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { DspElement } from '../base/dsp-element.js';
import {
  chartSeries,
  columnTotals,
  DocumentCountsController,
  periodCounts,
  rowTotals,
  splitList,
  type DocumentCounts,
} from './document-stats.controller.js';
import { statsMessages } from './document-stats.messages.js';
import { styles } from './document-stats.styles.js';

/** The seed presentation's seven dates, October 2015 to March 2017. */
const SEED_DATES = '2015-10,2016-01,2016-04,2016-07,2016-10,2017-01,2017-03';

/** Every DSP type, in the vocabulary's order (the agency's, most frequent first). */
const ALL_TYPES: readonly string[] = documentTypes.map((type) => type.code);

/** Bands of the chart: six types and the others together. */
const MAX_SERIES = 7;

// The chart's drawing, in viewBox units; the SVG scales to its box.
const PLOT = { top: 12, bottom: 28, left: 60, right: 12, height: 240, band: 72 } as const;

/** A readable step for about four grid lines up to `max`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(max: number): number {
  const raw = Math.max(max / 4, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10;
  return Math.max(1, step * power);
}

/** A date as its column header: `oct. 2015` for a month, `29 févr. 2016` for a day (UTC both). */
function dateLabel(date: string, locale: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined) return date;
  return new Intl.DateTimeFormat(
    locale,
    day === undefined
      ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { dateStyle: 'medium', timeZone: 'UTC' },
  ).format(Date.UTC(year, month - 1, day ?? 1));
}

/** What the table and the chart both show, computed once per render. */
interface View {
  readonly data: DocumentCounts;
  /** Per type, in the current language. */
  readonly labels: readonly string[];
  readonly dateLabels: readonly string[];
  /** The counts shown: cumulative, or per period. */
  readonly shown: readonly (readonly number[])[];
  /** Per type: its documents up to the last date (the sum of its periods). */
  readonly totals: readonly number[];
  /** Per date: the sum of the shown counts. */
  readonly dateTotals: readonly number[];
  readonly total: number;
}

/**
 * @summary The number of documents of each DSP type at chosen dates (or per period), as a table
 * with totals and as a stacked bar chart, from `_summary=count` searches sent in one FHIR batch.
 * @tag dsp-document-stats
 *
 * @slot empty - Replaces the text shown when every count is zero.
 *
 * @csspart base - The panel.
 * @csspart toolbar - The line above the figures: their total and the table/chart buttons.
 * @csspart table - The table of counts, types by dates, with a totals row (and, per period, column).
 * @csspart chart - The chart and its legend.
 * @csspart legend - The chart's legend.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state, with a retry button when retrying may help.
 *
 * @cssproperty --dsp-document-stats-padding - Inner padding of the panel.
 * @cssproperty --dsp-document-stats-color-1 - Colour of the largest type in the chart (then -2 to -6).
 * @cssproperty --dsp-document-stats-color-others - Colour of the other types together.
 *
 * @fires dsp-error - Loading failed; `detail.kind` and `detail.status` say how.
 */
export class DspDocumentStats extends DspElement {
  static override catalogs = [statsMessages];

  static override styles = [DspElement.styles, styles];

  /**
   * Comma-separated dates, `YYYY-MM` (documents dated before the following month) or `YYYY-MM-DD`
   * (before the following day); the seed presentation's seven dates by default.
   */
  @property() dates = SEED_DATES;

  /** `table` (default) or `chart`; the table is the chart's accessible alternative. */
  @property({ reflect: true }) view: 'table' | 'chart' = 'table';

  /** `cumulative` (default): documents up to each date; `period`: those added since the previous one. */
  @property() mode: 'cumulative' | 'period' = 'cumulative';

  /** DSP type codes to count, in the order of the rows; every type by default. */
  @property({ attribute: false }) types: readonly string[] = ALL_TYPES;

  readonly #counts = new DocumentCountsController(
    this,
    () => [this.activeClient, splitList(this.dates), this.types] as const,
  );

  override render(): TemplateResult {
    const m = this.localize.t(statsMessages);
    const task = this.#counts.task;
    // Busy only while older figures stay on screen: a busy region would silence the loading status.
    const refreshing = task.status === TaskStatus.PENDING && task.value !== undefined;
    return html`<section
      part="base"
      aria-label=${m.label}
      aria-busy=${refreshing ? 'true' : 'false'}
    >
      ${task.render({
        initial: () => this.#renderLoading(),
        pending: () => (task.value ? this.#renderCounts(task.value) : this.#renderLoading()),
        complete: (data) => this.#renderCounts(data),
        error: (error) => this.renderError(error, m.failed, () => void task.run()),
      })}
    </section>`;
  }

  protected override updated(): void {
    const { status, error } = this.#counts.task;
    if (status === TaskStatus.ERROR) this.reportErrorOnce(error);
  }

  #renderLoading() {
    return html`<p part="loading" role="status">${this.localize.t(statsMessages).loading}</p>`;
  }

  #renderCounts(data: DocumentCounts) {
    const m = this.localize.t(statsMessages);
    const view = this.#view(data);
    if (data.counts.every((row) => row.every((count) => count === 0))) {
      return html`<div part="empty" role="status"><slot name="empty">${m.empty}</slot></div>`;
    }
    const chart = this.view === 'chart';
    const last = view.dateLabels[view.dateLabels.length - 1] ?? '';
    return html`
      <div part="toolbar">
        <span class="status">${m.upTo(view.total, this.#number(view.total), last)}</span>
        <div class="views" role="group" aria-label=${m.view}>
          <button
            type="button"
            aria-pressed=${chart ? 'false' : 'true'}
            @click=${() => this.#show('table')}
          >
            ${m.table}
          </button>
          <button
            type="button"
            aria-pressed=${chart ? 'true' : 'false'}
            @click=${() => this.#show('chart')}
          >
            ${m.chart}
          </button>
        </div>
      </div>
      ${chart ? this.#renderChart(view) : this.#renderTable(view)}
    `;
  }

  #show(view: 'table' | 'chart'): void {
    this.view = view;
  }

  #view(data: DocumentCounts): View {
    const language = this.localize.language;
    const shown = this.mode === 'period' ? periodCounts(data.counts) : data.counts;
    const totals = rowTotals(data.counts);
    return {
      data,
      labels: data.typeCodes.map((code) => {
        const type = documentTypeByCode(code);
        return type ? label(type.labels, language) : code;
      }),
      dateLabels: data.dates.map((date) => dateLabel(date, this.localize.intlLocale)),
      shown,
      totals,
      dateTotals: columnTotals(shown, data.dates.length),
      total: totals.reduce((sum, n) => sum + n, 0),
    };
  }

  /** A count in the panel's language. */
  #number(value: number): string {
    return this.localize.formatNumber(value);
  }

  #caption(): string {
    const m = this.localize.t(statsMessages);
    return this.mode === 'period' ? m.caption.period : m.caption.cumulative;
  }

  #renderTable(view: View) {
    const m = this.localize.t(statsMessages);
    const n = (value: number) => this.#number(value);
    const last = view.dateLabels[view.dateLabels.length - 1] ?? '';
    // Per period, a row's total is the sum of its periods; cumulative, it would only repeat the
    // last date's column, which already is the total.
    const totalColumn = this.mode === 'period';
    // Focusable so a keyboard can scroll the table sideways when it is wider than the panel.
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${this.#caption()}>
      <table part="table">
        <caption>
          ${this.#caption()}
          ${totalColumn ? html`<span class="note">${m.totalNote(last)}</span>` : nothing}
        </caption>
        <thead>
          <tr>
            <th scope="col">${m.typeHeader}</th>
            ${view.data.dates.map(
              (date, d) =>
                html`<th scope="col"><time datetime=${date}>${view.dateLabels[d]}</time></th>`,
            )}
            ${totalColumn ? html`<th scope="col">${m.total}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${view.shown.map(
            (row, t) =>
              html`<tr data-type=${view.data.typeCodes[t] ?? ''}>
                <th scope="row">${view.labels[t]}</th>
                ${row.map((value) => html`<td>${n(value)}</td>`)}
                ${totalColumn ? html`<td class="total">${n(view.totals[t] ?? 0)}</td>` : nothing}
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${m.total}</th>
            ${view.dateTotals.map((value) => html`<td>${n(value)}</td>`)}
            ${totalColumn ? html`<td>${n(view.total)}</td>` : nothing}
          </tr>
        </tfoot>
      </table>
    </div>`;
  }

  #renderChart(view: View) {
    const m = this.localize.t(statsMessages);
    const n = (value: number) => this.#number(value);
    const series = chartSeries(view.data.typeCodes, view.shown, view.totals, MAX_SERIES);
    const seriesLabel = (typeCode: string | undefined) =>
      typeCode === undefined
        ? m.others
        : (view.labels[view.data.typeCodes.indexOf(typeCode)] ?? typeCode);
    // "Others" always takes the last colour, whatever the number of bands before it.
    const colour = (i: number) =>
      series[i]?.typeCode === undefined ? MAX_SERIES - 1 : Math.min(i, MAX_SERIES - 1);

    const dates = view.data.dates.length;
    const width = PLOT.left + PLOT.right + dates * PLOT.band;
    const height = PLOT.top + PLOT.height + PLOT.bottom;
    const baseline = PLOT.top + PLOT.height;
    const max = Math.max(...view.dateTotals, 1);
    const step = niceStep(max);
    const top = Math.ceil(max / step) * step;
    const y = (value: number) => baseline - (value / top) * PLOT.height;
    const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
    const barWidth = PLOT.band * 0.6;

    const bars = view.data.dates.map((_, d) => {
      const x = PLOT.left + d * PLOT.band + (PLOT.band - barWidth) / 2;
      let below = 0;
      const segments = series.map((band, i) => {
        const value = band.values[d] ?? 0;
        const y0 = y(below);
        below += value;
        const y1 = y(below);
        if (value === 0) return nothing;
        const title = m.segment(seriesLabel(band.typeCode), view.dateLabels[d] ?? '', n(value));
        return svg`<g>
          <title>${title}</title>
          <rect class="segment s${colour(i)}" x=${x} y=${y1} width=${barWidth} height=${y0 - y1}></rect>
          ${this.#texture(colour(i), x, y1, barWidth, y0 - y1)}
        </g>`;
      });
      return svg`${segments}
        <text x=${x + barWidth / 2} y=${baseline + 18} text-anchor="middle" font-size="12">
          ${view.dateLabels[d]}
        </text>`;
    });

    const largest = series
      .filter((band) => band.typeCode !== undefined)
      .slice(0, 3)
      .map(
        (band) =>
          `${seriesLabel(band.typeCode)} (${n(view.totals[view.data.typeCodes.indexOf(band.typeCode ?? '')] ?? 0)})`,
      );
    const first = view.dateLabels[0] ?? '';
    const last = view.dateLabels[dates - 1] ?? '';
    const summary = m.summary({
      dates,
      first,
      last,
      total: n(view.total),
      totalCount: view.total,
      top: new Intl.ListFormat(this.localize.intlLocale, { type: 'conjunction' }).format(largest),
    });
    const perDate = view.data.dates
      .map((_, d) => m.segment(m.total, view.dateLabels[d] ?? '', n(view.dateTotals[d] ?? 0)))
      .join('; ');

    return html`<div part="chart">
      <svg
        role="img"
        aria-label=${summary}
        viewBox="0 0 ${width} ${height}"
        width=${width}
        height=${height}
      >
        <title>${this.#caption()}</title>
        <desc>${perDate}</desc>
        ${this.#patterns()}
        ${ticks.map(
          (tick) => svg`
            <line class="grid" x1=${PLOT.left} x2=${width - PLOT.right} y1=${y(tick)} y2=${y(tick)}></line>
            <text x=${PLOT.left - 6} y=${y(tick) + 4} text-anchor="end" font-size="12">${n(tick)}</text>`,
        )}
        ${bars}
        <line
          class="axis"
          x1=${PLOT.left}
          x2=${width - PLOT.right}
          y1=${baseline}
          y2=${baseline}
        ></line>
      </svg>
      <ul part="legend" aria-label=${m.legend}>
        ${series.map(
          (band, i) =>
            html`<li>
              <svg class="swatch" viewBox="0 0 16 16" aria-hidden="true">
                <rect class="segment s${colour(i)}" x="0.5" y="0.5" width="15" height="15"></rect>
                ${this.#texture(colour(i), 0.5, 0.5, 15, 15)}
              </svg>
              ${seriesLabel(band.typeCode)}
            </li>`,
        )}
      </ul>
    </div>`;
  }

  /** A band's pattern over its colour, drawn only in forced-colors mode (see the styles). */
  #texture(colour: number, x: number, y: number, width: number, height: number) {
    if (colour === 0) return nothing;
    return svg`<rect class="texture" fill="url(#dsp-stats-pattern-${colour})" x=${x} y=${y} width=${width} height=${height}></rect>`;
  }

  /** One pattern per band after the first: diagonals, lines, dots and a grid. */
  #patterns(): SVGTemplateResult {
    const shapes: Record<number, SVGTemplateResult> = {
      1: svg`<path class="hatch" d="M-1,1 L1,-1 M0,6 L6,0 M5,7 L7,5"></path>`,
      2: svg`<path class="hatch" d="M-1,5 L1,7 M0,0 L6,6 M5,-1 L7,1"></path>`,
      3: svg`<path class="hatch" d="M0,3 H6"></path>`,
      4: svg`<path class="hatch" d="M3,0 V6"></path>`,
      5: svg`<circle class="dot" cx="3" cy="3" r="1.4"></circle>`,
      6: svg`<path class="hatch" d="M0,3 H6 M3,0 V6"></path>`,
    };
    return svg`<defs>
      ${Object.entries(shapes).map(
        ([i, shape]) =>
          svg`<pattern id="dsp-stats-pattern-${i}" width="6" height="6" patternUnits="userSpaceOnUse">${shape}</pattern>`,
      )}
    </defs>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dsp-document-stats': DspDocumentStats;
  }
}
