import { describe, expect, it } from 'vitest';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { DEAD_LETTER_RECORDER, JOURNEY_SWEEPER, routingTable } from '#domain/routing/routing-table.js';
import { filterInput, functionsOfJourney, lineOfEvent, logGroupOf, sharedFunctions } from '#local/cloud/cloud-logs.js';

const registry = defaultUseCaseRegistry();
const JOURNEY = 'j-0123456789abcdef0123';

describe("reading a journey's lines from a stage's CloudWatch Logs", () => {
  it('looks in the log group Lambda gives each function of the stage', () => {
    expect(logGroupOf('dev', 'validate-file')).toBe('/aws/lambda/symphainy-dev-validate-file');
  });

  it("searches the groups of the functions every journey passes and of the journey's own steps", () => {
    const functions = functionsOfJourney(registry, ['validate_file', 'process_file', 'store_file', 'notify_completion']);
    expect(functions).toEqual([
      'experience-manager',
      'delivery-manager',
      'journey-recorder',
      DEAD_LETTER_RECORDER,
      JOURNEY_SWEEPER,
      'validate-file',
      'process-file',
      'store-file',
      'notify-completion',
    ]);
    // The shared ones are the routing targets that run no step, whatever steps a journey has.
    const managers = routingTable(registry, { uploadBucket: 'b' })
      .filter((r) => !r.step)
      .map((r) => r.target);
    expect(sharedFunctions(registry)).toEqual([...new Set(managers), DEAD_LETTER_RECORDER, JOURNEY_SWEEPER]);
  });

  it('asks FilterLogEvents for lines holding the id as a quoted term, from a time and page on when given', () => {
    expect(filterInput('/aws/lambda/symphainy-dev-store-file', JOURNEY)).toEqual({
      logGroupName: '/aws/lambda/symphainy-dev-store-file',
      filterPattern: `"${JOURNEY}"`,
    });
    expect(filterInput('g', JOURNEY, { startTime: 1_700_000_000_000, nextToken: 'page-2' })).toEqual({
      logGroupName: 'g',
      filterPattern: `"${JOURNEY}"`,
      startTime: 1_700_000_000_000,
      nextToken: 'page-2',
    });
  });

  it("reads a Powertools line as the journey's line, named by the group's function, and drops another journey's", () => {
    const message = JSON.stringify({
      level: 'ERROR',
      message: 'event handling failed',
      timestamp: '2026-01-01T10:00:00.123Z',
      service: 'store-file',
      journeyId: JOURNEY,
      attempt: 2,
      error: { message: 'disk full' },
    });
    expect(lineOfEvent({ timestamp: 1, message, eventId: 'e1' }, 'store-file', JOURNEY)).toEqual({
      timestamp: '2026-01-01T10:00:00.123Z',
      function: 'store-file',
      level: 'ERROR',
      message: 'event handling failed',
      fields: { journeyId: JOURNEY, attempt: 2, error: { message: 'disk full' } },
    });
    const other = JSON.stringify({ level: 'INFO', message: 'event handled', journeyId: 'j-other', note: `not ${JOURNEY.slice(0, 10)}` });
    expect(lineOfEvent({ timestamp: 1, message: other }, 'store-file', JOURNEY)).toBeUndefined();
  });

  it('keeps a plain text line that names the journey, stamped with its event time', () => {
    expect(
      lineOfEvent(
        { timestamp: Date.parse('2026-01-01T10:00:00.000Z'), message: `2026-01-01T10:00:00Z\tERROR\tunhandled for ${JOURNEY}\n` },
        'process-file',
        JOURNEY,
      ),
    ).toEqual({
      timestamp: '2026-01-01T10:00:00.000Z',
      function: 'process-file',
      level: null,
      message: `2026-01-01T10:00:00Z\tERROR\tunhandled for ${JOURNEY}`,
      fields: {},
    });
    expect(lineOfEvent({ timestamp: 1, message: 'REPORT RequestId: abc Duration: 12 ms' }, 'process-file', JOURNEY)).toBeUndefined();
  });
});
