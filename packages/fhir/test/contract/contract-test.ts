// Turns the contract checks into node:test cases against one engine: each check must pass, except
// the engine's known gaps, which must still show as stated (so a gap that closes is noticed).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { contractChecks } from './checks.js';
import type { ContractContext } from './context.js';
import { runCheck, type Status } from './run.js';

/** A check the engine is known not to pass, what it shows instead, and why. */
export interface KnownGap {
  readonly status: Exclude<Status, 'passed'>;
  /** What the row's reason says. */
  readonly reason: RegExp;
  /** Why, for whoever reads the test. */
  readonly because: string;
}

export function describeContract(
  engine: string,
  start: () => Promise<ContractContext>,
  gaps: Readonly<Record<string, KnownGap>> = {},
): void {
  describe(`the DspClient contract on ${engine}`, () => {
    let ctx: ContractContext;
    before(async () => {
      ctx = await start();
    });

    it('names only checks that exist among its known gaps', () => {
      const names = new Set(contractChecks.map((check) => check.name));
      assert.deepEqual(
        Object.keys(gaps).filter((name) => !names.has(name)),
        [],
      );
    });

    for (const check of contractChecks) {
      const gap = gaps[check.name];
      it(`${check.interaction}${gap ? ` (${gap.status}: ${gap.because})` : ''}`, async () => {
        const row = await runCheck(check, ctx);
        const shown = `${row.status}${row.reason ? `: ${row.reason}` : ''}`;
        if (gap) {
          assert.equal(row.status, gap.status, shown);
          assert.match(row.reason ?? '', gap.reason);
        } else {
          assert.equal(row.status, 'passed', shown);
        }
      });
    }
  });
}
