import { describe, expect, it } from 'vitest';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CloudFormationClient, paginateListStackResources } from '@aws-sdk/client-cloudformation';
import { builtInUseCases } from '#domain/use-cases/default-registry.js';
import { METRICS_NAMESPACE } from '#functions/shared/journey-metrics.js';
import { emulatorStage, uniqueKey } from '../support/emulator-stage.js';
import { eventually, uploadAndWait } from '../support/emulator-journeys.js';

const emulator = await emulatorStage();

/**
 * The deployed local stage's functions write their metrics where Lambda's log pipeline turns
 * them into CloudWatch metrics: EMF lines in their log groups (the emulator keeps the log groups
 * but computes no metrics from them). Tracing is on in the stack; the emulator does not run an
 * X-Ray daemon, and the journey completes all the same.
 */
describe.skipIf(!emulator.available)('telemetry of the deployed functions (emulator)', () => {
  const { stage, target } = emulator.available ? emulator.emulator : ({} as never);
  const client = { region: target?.region, endpoint: target?.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  const logs = new CloudWatchLogsClient(client);

  /** The EMF lines a function wrote since `since` about one journey. */
  async function metricLines(functionName: string, journeyId: string, since: number): Promise<any[]> {
    const lines: any[] = [];
    let nextToken: string | undefined;
    do {
      const page = await logs.send(
        new FilterLogEventsCommand({ logGroupName: `/aws/lambda/symphainy-${target.stage}-${functionName}`, startTime: since, nextToken }),
      );
      for (const event of page.events ?? []) {
        const start = event.message?.indexOf('{"_aws"') ?? -1;
        if (start < 0) continue;
        const line = JSON.parse(event.message!.slice(start));
        if (line.journeyId === journeyId) lines.push(line);
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return lines;
  }
  const names = (lines: any[]) => lines.map((line) => line._aws.CloudWatchMetrics[0].Metrics[0].Name).sort();

  it('a completed mvp journey is counted as started and completed, and each of its steps timed, with the stage as service', async () => {
    const sample = builtInUseCases
      .find((u) => u.id === 'mvp')!
      .samples(7)
      .find((s) => s.expect.status === 'completed')!;
    const since = Date.now() - 5_000;
    const { view } = await uploadAndWait(stage, { key: uniqueKey('mvp', sample.fileName), body: sample.body, metadata: sample.metadata });
    expect(view.status).toBe('completed');

    const journey = await eventually(
      "the experience manager's metrics for the journey",
      async () => {
        const lines = await metricLines('experience-manager', view.journeyId, since);
        return names(lines).includes('JourneysCompleted') ? lines : undefined;
      },
      60_000,
    );
    expect(names(journey)).toEqual(['JourneysCompleted', 'JourneysStarted']);
    for (const line of journey) {
      expect(line).toMatchObject({ service: `symphainy-${target.stage}`, UseCase: 'mvp' });
      expect(line._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: METRICS_NAMESPACE, Dimensions: [['service', 'UseCase']] });
    }

    for (const step of view.steps) {
      const lines = await eventually(
        `${step.name}'s metrics`,
        async () => {
          const found = await metricLines(step.name.replace(/_/g, '-'), view.journeyId, since);
          return found.length >= 2 ? found : undefined;
        },
        60_000,
      );
      expect(names(lines), step.name).toEqual(['StepAttempts', 'StepDuration']);
      expect(lines.find((l) => l.StepAttempts !== undefined)).toMatchObject({ Step: step.name, UseCase: 'mvp', StepAttempts: 1 });
    }
  }, 240_000);

  it('the stage was deployed with its alarms, their topic and its dashboard', async () => {
    const resources: { type: string; status: string }[] = [];
    for await (const page of paginateListStackResources({ client: new CloudFormationClient(client) }, { StackName: `symphainy-${target.stage}` })) {
      for (const resource of page.StackResourceSummaries ?? []) resources.push({ type: resource.ResourceType!, status: resource.ResourceStatus! });
    }
    const ofType = (type: string) => resources.filter((r) => r.type === type);
    expect(ofType('AWS::CloudWatch::Alarm').length).toBeGreaterThan(100);
    expect(ofType('AWS::CloudWatch::Dashboard')).toHaveLength(1);
    expect(ofType('AWS::SNS::Topic')).toHaveLength(1);
    for (const resource of [...ofType('AWS::CloudWatch::Alarm'), ...ofType('AWS::CloudWatch::Dashboard'), ...ofType('AWS::SNS::Topic')])
      expect(resource.status).toMatch(/_COMPLETE$/);
  });
});
