// Loads the document counts per type and date in one FHIR batch when the client, the dates or the
// types change (cancelling the previous request), and derives what the table and chart show.
import { buildCountBatch, readCountBatch } from '@dsp-kit/fhir';
import type { Bundle, DspClient } from '@dsp-kit/fhir';
import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { MissingClientError } from '../base/error-message.js';

/** Counts of documents per type (rows) and date (columns), cumulative at each date. */
export interface DocumentCounts {
  readonly dates: readonly string[];
  readonly typeCodes: readonly string[];
  /** `counts[type][date]`: documents of the type dated before the end of the date. */
  readonly counts: readonly (readonly number[])[];
}

/** One band of the stacked chart: a type, or several small types together (`typeCode` undefined). */
export interface ChartSeries {
  readonly typeCode: string | undefined;
  /** One value per date. */
  readonly values: readonly number[];
}

/**
 * Sends a batch Bundle through the client and resolves to its `batch-response`. The one place the
 * panel talks to the server, so a client without `batch` fails here, plainly.
 */
export function sendBatch(
  client: DspClient,
  bundle: Bundle,
  signal?: AbortSignal,
): Promise<Bundle> {
  return client.batch(bundle, { signal });
}

/** Fetches the counts of each type at each date across the DSPs the client's user may count. */
export async function loadCounts(
  client: DspClient,
  dates: readonly string[],
  typeCodes: readonly string[],
  signal?: AbortSignal,
): Promise<DocumentCounts> {
  const bundle = buildCountBatch({ dates, typeCodes });
  const response = await sendBatch(client, bundle, signal);
  return { dates, typeCodes, ...readCountBatch(response, dates, typeCodes) };
}

/** A comma-separated list, trimmed, empty items dropped: `"2015-10, 2016-01"`. */
export function splitList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * The documents added in each period instead of the cumulative counts: the first period runs from
 * the beginning to the first date, each next one from the previous date to its own.
 */
export function periodCounts(counts: readonly (readonly number[])[]): number[][] {
  return counts.map((row) => row.map((value, d) => value - (d === 0 ? 0 : (row[d - 1] ?? 0))));
}

/** Each type's total: its documents up to the last date, whatever the counting. */
export function rowTotals(cumulative: readonly (readonly number[])[]): number[] {
  return cumulative.map((row) => row[row.length - 1] ?? 0);
}

/** Each date's total over the types. */
export function columnTotals(counts: readonly (readonly number[])[], dates: number): number[] {
  return Array.from({ length: dates }, (_, d) =>
    counts.reduce((sum, row) => sum + (row[d] ?? 0), 0),
  );
}

/**
 * The chart's bands: the `max - 1` largest types by total (ties in the given order), then the
 * rest together, so seven colours stay tellable apart. With `max` types or fewer, every type.
 */
export function chartSeries(
  typeCodes: readonly string[],
  counts: readonly (readonly number[])[],
  totals: readonly number[],
  max = 7,
): ChartSeries[] {
  const rows = typeCodes.map((typeCode, i) => ({
    typeCode,
    values: counts[i] ?? [],
    total: totals[i] ?? 0,
  }));
  if (rows.length <= max) return rows.map(({ typeCode, values }) => ({ typeCode, values }));
  const ranked = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.total - a.row.total || a.index - b.index)
    .map(({ row }) => row);
  const shown = ranked.slice(0, max - 1);
  const rest = ranked.slice(max - 1);
  const dates = rows[0]?.values.length ?? 0;
  return [
    ...shown.map(({ typeCode, values }) => ({ typeCode, values })),
    {
      typeCode: undefined,
      values: Array.from({ length: dates }, (_, d) =>
        rest.reduce((sum, row) => sum + (row.values[d] ?? 0), 0),
      ),
    },
  ];
}

type Args = readonly [DspClient | undefined, string, string];

export class DocumentCountsController {
  /**
   * Keyed on the client and on the dates and types as text, so setting an equal list again (a new
   * array, the same attribute) sends no request.
   */
  readonly task: Task<Args, DocumentCounts>;

  constructor(
    host: ReactiveControllerHost,
    args: () => readonly [DspClient | undefined, readonly string[], readonly string[]],
  ) {
    this.task = new Task<Args, DocumentCounts>(host, {
      args: () => {
        const [client, dates, types] = args();
        return [client, dates.join(','), types.join(',')] as const;
      },
      task: async ([client, dates, types], { signal }) => {
        if (!client) throw new MissingClientError();
        return loadCounts(client, splitList(dates), splitList(types), signal);
      },
    });
  }
}
