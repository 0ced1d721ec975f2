// What a DSP status says: the compact mark seen in a banner or a row, its tone, and the full
// sentence a screen reader says (the button's accessible name).
import type { DspStatus } from '@dsp-kit/fhir';
import type { StatusMessages } from './status.messages.js';

export type StatusTone = 'ok' | 'warning' | 'danger' | 'muted';

export interface StatusWords {
  readonly mark: string;
  readonly tone: StatusTone;
  /** Documents new since the last visit; undefined when no last visit is known. */
  readonly newCount: number | undefined;
  /** The full sentence, without the patient's name nor the action. */
  readonly sentence: string;
}

export interface Formats {
  readonly date: (value: string) => string;
  readonly dateTime: (value: string) => string;
  readonly number: (value: number) => string;
}

export function statusWords(status: DspStatus, m: StatusMessages, f: Formats): StatusWords {
  switch (status.state) {
    case 'unknown-patient':
      return {
        mark: m.mark.unknown,
        tone: 'muted',
        newCount: undefined,
        sentence: m.record.unknown,
      };
    case 'failed':
      return { mark: m.mark.failed, tone: 'muted', newCount: undefined, sentence: m.record.failed };
    case 'refused': {
      const parts: string[] = [];
      if (status.refusal === 'closed') {
        parts.push(
          status.closedSince ? m.record.closedSince(f.date(status.closedSince)) : m.record.closed,
        );
      } else {
        parts.push(m.access[status.refusal]);
      }
      if (status.breakTheGlassAvailable) parts.push(m.emergency.available);
      const mark =
        status.refusal === 'closed'
          ? m.mark.closed
          : status.refusal === 'blocked'
            ? m.mark.blocked
            : m.mark.noAccess;
      return {
        mark,
        tone: status.refusal === 'closed' || status.breakTheGlassAvailable ? 'warning' : 'danger',
        newCount: undefined,
        sentence: parts.join(' '),
      };
    }
    case 'open':
    case 'closed': {
      const parts: string[] = [
        status.state === 'closed'
          ? status.closedSince
            ? m.record.closedSince(f.date(status.closedSince))
            : m.record.closed
          : m.record.open,
      ];
      if (status.access === 'emergency') {
        parts.push(
          status.emergencyUntil
            ? m.access.emergency(f.dateTime(status.emergencyUntil))
            : m.access.emergencyNoEnd,
        );
      } else {
        parts.push(m.access[status.access]);
      }
      if (status.breakTheGlass) parts.push(m.emergency[status.breakTheGlass]);
      if (status.newCount !== undefined)
        parts.push(m.newSince(status.newCount, f.number(status.newCount)));
      return {
        mark:
          status.state === 'closed'
            ? m.mark.closed
            : status.access === 'emergency'
              ? m.mark.emergency
              : m.mark.open,
        tone: status.state === 'closed' || status.access === 'emergency' ? 'warning' : 'ok',
        newCount: status.newCount,
        sentence: parts.join(' '),
      };
    }
  }
}
