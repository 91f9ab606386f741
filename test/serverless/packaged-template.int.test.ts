import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEAD_LETTER_RECORDER, JOURNEY_SWEEPER, routingTable } from '#domain/routing/routing-table.js';
import { JOURNEY_COUNTS, METRICS_NAMESPACE, STEP_ATTEMPTS, STEP_DURATION } from '#functions/shared/journey-metrics.js';
import { policyOfStep } from '#domain/journeys/step-policy.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { PLATFORM_SOURCE } from '#events/platform-event.js';
import { JourneyStepCompleted } from '#events/journey-step-completed.js';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import { JourneyStepRequested } from '#events/journey-step-requested.js';
import { JourneyShardCompleted } from '#events/journey-shard-completed.js';
import { JourneyShardRequested } from '#events/journey-shard-requested.js';
import { IDEMPOTENCY_PREFIX } from '#functions/shared/idempotency.js';
import { recordedEventKey } from '#domain/journeys/journey-record.js';
import { deliveryNotificationKey } from '#domain/managers/delivery-manager.js';
import { curatedPrefix, processedKey } from '#domain/use-cases/mvp/upload/object-keys.js';

type Resource = { Type: string; Properties: Record<string, any>; Metadata?: unknown };
type Template = { Resources: Record<string, Resource>; Outputs: Record<string, { Value: unknown }> };

const root = fileURLToPath(new URL('../../', import.meta.url));
const STAGE = 'dev';
const BUCKET = '<upload-bucket>';

/**
 * The template `sls package` produces (offline, dummy credentials) deploys exactly the routing
 * the embedded runtime uses. CI hands over the template it packaged (SYMPHAINY_PACKAGED_TEMPLATE,
 * stage dev); otherwise this packages one itself, which takes a few tens of seconds.
 */
let template: Template;
let cleanup = () => undefined as void;
beforeAll(() => {
  let path = process.env.SYMPHAINY_PACKAGED_TEMPLATE;
  if (!path) {
    const dir = mkdtempSync(join(tmpdir(), 'symphainy-package-'));
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    execFileSync('npx', ['sls', 'package', '--stage', STAGE, '--package', dir], {
      cwd: root,
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' },
      stdio: 'pipe',
    });
    path = join(dir, 'cloudformation-template-update-stack.json');
  }
  template = JSON.parse(readFileSync(path, 'utf8')) as Template;
  return () => cleanup();
}, 300_000);

const ofType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);
const getAttTarget = (value: any): string => value?.['Fn::GetAtt']?.[0];

/** The bucket is a Ref in the template and a name in the table: compare them as the same thing. */
function withBucketPlaceholder(value: any): any {
  if (Array.isArray(value)) return value.map(withBucketPlaceholder);
  if (value && typeof value === 'object') {
    if (value.Ref === 'UploadBucket') return BUCKET;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withBucketPlaceholder(v)]));
  }
  return value;
}

/** The rules that route events (the sweeper's schedule is a rule too, with no pattern). */
const routingRules = () => ofType('AWS::Events::Rule').filter(([, rule]) => rule.Properties.EventPattern !== undefined);

/** Rule -> its target queue -> the event source mapping reading that queue -> the function's handler. */
function deployedRoutes() {
  return routingRules().map(([, rule]) => {
    const queueId = getAttTarget(rule.Properties.Targets[0].Arn);
    const mapping = ofType('AWS::Lambda::EventSourceMapping').find(([, m]) => getAttTarget(m.Properties.EventSourceArn) === queueId)?.[1];
    // A route whose function is missing from serverless.yml shows up as a queue nobody reads.
    const fn = mapping && template.Resources[getAttTarget(mapping.Properties.FunctionName)];
    return {
      rule: String(rule.Properties.Name).replace(`symphainy-${STAGE}-`, ''),
      bus: rule.Properties.EventBusName?.Ref === 'EventBus' ? 'platform' : 'default',
      pattern: withBucketPlaceholder(rule.Properties.EventPattern),
      target: fn ? String(fn.Properties.Handler).replace(/^functions\/(.+)\/handler\.handler$/, '$1') : `(no function reads ${queueId})`,
      queue: template.Resources[queueId]!.Properties.QueueName,
      functionName: fn?.Properties.FunctionName,
    };
  });
}

describe('the packaged CloudFormation template', () => {
  const registry = defaultUseCaseRegistry();
  const routes = routingTable(registry, { uploadBucket: BUCKET });

  it('has exactly the routing table: one rule per route, same bus, same pattern, same target function', () => {
    const byRule = (a: { rule: string }, b: { rule: string }) => a.rule.localeCompare(b.rule);
    expect(
      deployedRoutes()
        .map(({ rule, bus, pattern, target }) => ({ rule, bus, pattern, target }))
        .sort(byRule),
    ).toEqual(routes.map(({ rule, bus, pattern, target }) => ({ rule, bus, pattern, target })).sort(byRule));
  });

  it('names queues and functions by the stage contract and reads each queue with partial batch responses', () => {
    for (const route of deployedRoutes()) {
      expect(route.queue).toBe(`symphainy-${STAGE}-${route.target}`);
      expect(route.functionName).toBe(`symphainy-${STAGE}-${route.target}`);
    }
    for (const [, mapping] of ofType('AWS::Lambda::EventSourceMapping')) expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });

  it("gives every queue encryption, a dead-letter queue after its attempts (a step policy's, else MAX_ATTEMPTS), and 6x the function timeout of visibility", () => {
    const functions = ofType('AWS::Lambda::Function').map(([, f]) => f.Properties);
    const queues = ofType('AWS::SQS::Queue').map(([, q]) => q.Properties);
    const mainQueues = queues.filter((q) => !String(q.QueueName).endsWith('-dlq'));
    expect(mainQueues).toHaveLength(new Set(routes.map((r) => r.target)).size);
    for (const queue of queues) expect(queue.SqsManagedSseEnabled).toBe(true);
    for (const queue of mainQueues) {
      const fn = functions.find((f) => f.FunctionName === queue.QueueName)!;
      expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fn.Timeout);
      const step = routes.find((r) => `symphainy-${STAGE}-${r.target}` === queue.QueueName)?.step;
      expect(String(queue.RedrivePolicy.maxReceiveCount)).toBe(step ? String(policyOfStep(registry, step).maxAttempts) : fn.Environment.Variables.MAX_ATTEMPTS);
      expect(template.Resources[getAttTarget(queue.RedrivePolicy.deadLetterTargetArn)]!.Properties.QueueName).toBe(`${queue.QueueName}-dlq`);
    }
    for (const fn of functions) expect({ runtime: fn.Runtime, architectures: fn.Architectures }).toEqual({ runtime: 'nodejs22.x', architectures: ['arm64'] });
  });

  it('lets only its own rules send to a queue', () => {
    for (const [, policy] of ofType('AWS::SQS::QueuePolicy')) {
      const queueId = policy.Properties.Queues[0].Ref;
      // A rule sends to its target's queue, and to the rule-delivery dead-letter queue what it could not deliver.
      const sendsTo = (r: Resource) => r.Properties.Targets.flatMap((t: any) => [getAttTarget(t.Arn), getAttTarget(t.DeadLetterConfig?.Arn)]);
      const ownRules = routingRules()
        .filter(([, r]) => sendsTo(r).includes(queueId))
        .map(([id]) => id)
        .sort();
      expect(ownRules.length, queueId).toBeGreaterThan(0);
      const [statement] = policy.Properties.PolicyDocument.Statement;
      expect(statement.Principal).toEqual({ Service: 'events.amazonaws.com' });
      expect(statement.Condition.ArnEquals['aws:SourceArn'].map(getAttTarget).sort()).toEqual(ownRules);
    }
  });

  it('gives each function its own role, with no "*" action or resource', () => {
    const roles = ofType('AWS::Lambda::Function').map(([, f]) => getAttTarget(f.Properties.Role));
    expect(new Set(roles).size).toBe(roles.length);
    for (const [id, role] of ofType('AWS::IAM::Role')) {
      for (const policy of role.Properties.Policies ?? []) {
        for (const statement of policy.PolicyDocument.Statement) {
          for (const action of [statement.Action].flat()) expect(action, id).not.toMatch(/(^\*$|:\*$)/);
          for (const resource of [statement.Resource].flat()) expect(resource, id).not.toBe('*');
        }
      }
    }
  });

  it('keeps uploads and artifacts apart: only the upload bucket notifies EventBridge', () => {
    const buckets: Record<string, Record<string, any>> = Object.fromEntries(ofType('AWS::S3::Bucket').map(([id, b]) => [id, b.Properties]));
    expect(buckets.UploadBucket!.NotificationConfiguration).toEqual({ EventBridgeConfiguration: { EventBridgeEnabled: true } });
    expect(buckets.ArtifactBucket!.NotificationConfiguration).toBeUndefined();
    for (const id of ['UploadBucket', 'ArtifactBucket']) {
      expect(buckets[id]!.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(buckets[id]!.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    }
  });

  it('retries every rule target and leaves what it cannot deliver in the rule-delivery dead-letter queue, which only the rules may write', () => {
    const rules = routingRules();
    expect(rules).toHaveLength(routes.length);
    const dlq = Object.entries(template.Resources).find(([, r]) => r.Properties?.QueueName === `symphainy-${STAGE}-rule-delivery-dlq`);
    expect(dlq).toBeDefined();
    const [dlqId, queue] = dlq!;
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
    for (const [id, rule] of rules) {
      for (const target of rule.Properties.Targets) {
        expect(target.RetryPolicy.MaximumRetryAttempts, id).toBeGreaterThanOrEqual(0);
        expect(target.RetryPolicy.MaximumEventAgeInSeconds, id).toBeGreaterThanOrEqual(60);
        expect(getAttTarget(target.DeadLetterConfig.Arn), id).toBe(dlqId);
      }
    }
    const policies = ofType('AWS::SQS::QueuePolicy').filter(([, p]) => p.Properties.Queues[0].Ref === dlqId);
    expect(policies).toHaveLength(1);
    const [statement] = policies[0]![1].Properties.PolicyDocument.Statement;
    expect({ principal: statement.Principal, action: statement.Action, resource: getAttTarget(statement.Resource) }).toEqual({
      principal: { Service: 'events.amazonaws.com' },
      action: 'sqs:SendMessage',
      resource: dlqId,
    });
    expect(statement.Condition.ArnEquals['aws:SourceArn'].map(getAttTarget).sort()).toEqual(rules.map(([id]) => id).sort());
  });

  it('lets a dead-letter queue take messages only from its own queue, and none into the rule-delivery one', () => {
    const queues = Object.fromEntries(ofType('AWS::SQS::Queue'));
    const targets = [...new Set(routes.map((r) => r.target))];
    for (const target of targets) {
      const [, source] = Object.entries(queues).find(([, q]) => q.Properties.QueueName === `symphainy-${STAGE}-${target}`)!;
      const dlq = queues[getAttTarget(source.Properties.RedrivePolicy.deadLetterTargetArn)]!;
      expect(dlq.Properties.RedriveAllowPolicy.redrivePermission, target).toBe('byQueue');
      const arns = dlq.Properties.RedriveAllowPolicy.sourceQueueArns;
      expect(arns, target).toEqual([{ 'Fn::Sub': `arn:\${AWS::Partition}:sqs:\${AWS::Region}:\${AWS::AccountId}:symphainy-${STAGE}-${target}` }]);
    }
    const dlqs = Object.values(queues).filter((q) => String(q.Properties.QueueName).endsWith('-dlq'));
    expect(dlqs).toHaveLength(targets.length + 1);
    for (const queue of dlqs) expect(queue.Properties.RedriveAllowPolicy, queue.Properties.QueueName).toBeDefined();
    expect(dlqs.find((q) => q.Properties.QueueName === `symphainy-${STAGE}-rule-delivery-dlq`)!.Properties.RedriveAllowPolicy).toEqual({
      redrivePermission: 'denyAll',
    });
  });

  it('expires idempotency claims in the artifact bucket within two days, and keeps the other lifecycle rules', () => {
    const rules: any[] = template.Resources.ArtifactBucket!.Properties.LifecycleConfiguration.Rules;
    const prefixOf = (rule: any) => rule.Prefix ?? rule.Filter?.Prefix;
    const expiring = rules.find((r) => r.Status === 'Enabled' && prefixOf(r) === IDEMPOTENCY_PREFIX && r.ExpirationInDays !== undefined);
    expect(expiring).toBeDefined();
    expect(expiring.ExpirationInDays).toBeGreaterThanOrEqual(1);
    expect(expiring.ExpirationInDays).toBeLessThanOrEqual(2);
    expect(rules.find((r) => r.Id === 'old-versions-and-abandoned-uploads')).toMatchObject({
      Status: 'Enabled',
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
    });
  });

  /** The artifact-bucket keys a role lets it act on, as IAM matches them (`*`: any run of characters). */
  function artifactGrants(roleId: string, action: string): (key: string) => boolean {
    const patterns: string[] = [];
    for (const policy of template.Resources[roleId]!.Properties.Policies) {
      for (const statement of policy.PolicyDocument.Statement) {
        if (statement.Effect !== 'Allow' || ![statement.Action].flat().includes(action)) continue;
        for (const resource of [statement.Resource].flat()) {
          const sub: unknown = resource?.['Fn::Sub'];
          if (typeof sub === 'string' && sub.startsWith('${ArtifactBucket.Arn}/')) patterns.push(sub.slice('${ArtifactBucket.Arn}/'.length));
        }
      }
    }
    const res = patterns.map(
      (p) =>
        new RegExp(
          `^${p
            .split('*')
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
          's',
        ),
    );
    return (key) => res.some((re) => re.test(key));
  }

  it("scopes each role to the artifact keys its function uses: its own claims, its step folder, its managers' prefixes", () => {
    const targets = [...new Set(routes.map((r) => r.target))];
    const roleOf = (target: string) =>
      `${target
        .split('-')
        .map((p) => p[0]!.toUpperCase() + p.slice(1))
        .join('')}Role`;
    const stepRoutes = routes.filter((r) => r.step);
    expect(stepRoutes.length).toBeGreaterThan(0);
    for (const target of targets) {
      const can = (action: string) => artifactGrants(roleOf(target), action);
      const [read, write, remove] = [can('s3:GetObject'), can('s3:PutObject'), can('s3:DeleteObject')];
      // Never the whole bucket.
      for (const granted of [read, write, remove]) expect(granted('anything/at/all'), target).toBe(false);
      const ownClaim = `${IDEMPOTENCY_PREFIX}${target}/event-1.json`;
      if (target !== 'journey-recorder') expect([read(ownClaim), write(ownClaim), remove(ownClaim)], target).toEqual([true, true, true]);
      for (const other of targets.filter((t) => t !== target))
        expect(write(`${IDEMPOTENCY_PREFIX}${other}/event-1.json`), `${target} writes ${other}'s claims`).toBe(false);
      // Every function's replay gate asks whether a journey has been delivered.
      expect(read(deliveryNotificationKey('j1')), target).toBe(true);
      expect(write(deliveryNotificationKey('j1')), target).toBe(target === 'delivery-manager');
      const recorded = recordedEventKey({ id: 'e1', time: '2024-01-01T00:00:00Z', detail: { journeyId: 'j1' } } as never);
      expect(write(recorded), target).toBe(target === 'journey-recorder');
    }
    for (const route of stepRoutes) {
      const write = artifactGrants(roleOf(route.target), 's3:PutObject');
      expect(write(`journeys/j1/${route.step}/report.json`), route.target).toBe(true);
      for (const other of stepRoutes.filter((r) => r !== route))
        expect(write(`journeys/j1/${other.step}/report.json`), `${route.target} writes ${other.step}`).toBe(false);
      // The delivery manager reads whatever a step wrote (a notification.json it hands on).
      expect(artifactGrants('DeliveryManagerRole', 's3:GetObject')(`journeys/j1/${route.step}/notification.json`), route.step).toBe(true);
    }
    // The steps that file outside their folder, and only they, may write there.
    const writers = (key: string) => stepRoutes.filter((r) => artifactGrants(roleOf(r.target), 's3:PutObject')(key)).map((r) => r.step);
    expect(writers(processedKey('mvp', 'j1', 'uploads/mvp/a.csv'))).toEqual(['process_file']);
    expect(writers(`${curatedPrefix('mvp', new Date('2024-05-06T00:00:00Z'), 'j1')}curated.ndjson`)).toEqual(['store_file']);
    expect(writers('lake/insurance_ai/lob=auto/year=2024/j1.ndjson')).toEqual(['process_data_lake']);
    // And the next step of their journey may read it back.
    expect(artifactGrants('StoreFileRole', 's3:GetObject')(processedKey('mvp', 'j1', 'uploads/mvp/a.csv'))).toBe(true);
  });

  it('lets each function put on the stage bus only the detail-types it publishes, from the platform source', () => {
    const publishing: Record<string, string[]> = {};
    for (const [id, role] of ofType('AWS::IAM::Role')) {
      for (const policy of role.Properties.Policies) {
        for (const statement of policy.PolicyDocument.Statement) {
          if (![statement.Action].flat().includes('events:PutEvents')) continue;
          expect(getAttTarget(statement.Resource), id).toBe('EventBus');
          const condition = statement.Condition['ForAllValues:StringEquals'];
          expect(condition['events:source'], id).toEqual([PLATFORM_SOURCE]);
          publishing[id] = condition['events:detail-type'];
        }
      }
    }
    expect(publishing.JourneyRecorderRole).toBeUndefined();
    const roleOf = (target: string) =>
      `${target
        .split('-')
        .map((p) => p[0]!.toUpperCase() + p.slice(1))
        .join('')}Role`;
    const stepRoutes = routes.filter((r) => r.step);
    expect(stepRoutes.some((r) => ((r.pattern['detail-type'] as string[]) ?? []).includes(JourneyShardRequested.detailType))).toBe(true);
    for (const route of stepRoutes) {
      // A step that fans out asks itself for its shards and reports each one, to itself.
      const fansOut = ((route.pattern['detail-type'] as string[]) ?? []).includes(JourneyShardRequested.detailType);
      const shardTypes = fansOut ? [JourneyShardRequested.detailType, JourneyShardCompleted.detailType] : [];
      const id = roleOf(route.target);
      expect(publishing[id]?.slice().sort(), id).toEqual([JourneyStepCompleted.detailType, JourneyStepFailed.detailType, ...shardTypes].sort());
    }
    // Only the experience manager asks for steps; every detail-type a platform rule waits for has a publisher.
    expect(
      Object.entries(publishing)
        .filter(([, types]) => types.includes(JourneyStepRequested.detailType))
        .map(([id]) => id),
    ).toEqual(['ExperienceManagerRole']);
    const awaited = routes.filter((r) => r.bus === 'platform').flatMap((r) => (r.pattern['detail-type'] as string[] | undefined) ?? []);
    expect(awaited.length).toBeGreaterThan(0);
    for (const type of awaited)
      expect(
        Object.values(publishing).some((types) => types.includes(type)),
        type,
      ).toBe(true);
  });

  it('gives each step function the timeout and memory its policy declares', () => {
    const functions = ofType('AWS::Lambda::Function').map(([, f]) => f.Properties);
    for (const route of routes.filter((r) => r.step)) {
      const fn = functions.find((f) => f.FunctionName === `symphainy-${STAGE}-${route.target}`)!;
      const policy = policyOfStep(registry, route.step!);
      expect({ timeout: fn.Timeout, memory: fn.MemorySize }, route.target).toEqual({ timeout: policy.timeoutSeconds, memory: policy.memoryMb });
    }
    // Not one size for all: the EDA passes get more memory than the upload passes, which get more time than the notice.
    expect(policyOfStep(registry, 'explore_data').memoryMb).toBeGreaterThan(policyOfStep(registry, 'validate_file').memoryMb);
    expect(policyOfStep(registry, 'validate_file').timeoutSeconds).toBeGreaterThan(policyOfStep(registry, 'notify_completion').timeoutSeconds);
  });

  it('feeds every dead-letter queue to the dead-letter recorder, whose role may read those queues only', () => {
    const recorder = ofType('AWS::Lambda::Function').find(([, f]) => f.Properties.FunctionName === `symphainy-${STAGE}-dead-letter-recorder`)!;
    const dlqIds = ofType('AWS::SQS::Queue')
      .filter(([, q]) => String(q.Properties.QueueName).endsWith('-dlq') && !String(q.Properties.QueueName).endsWith('rule-delivery-dlq'))
      .map(([id]) => id)
      .sort();
    expect(dlqIds).toHaveLength(new Set(routes.map((r) => r.target)).size);
    const sources = ofType('AWS::Lambda::EventSourceMapping')
      .filter(([, m]) => JSON.stringify(m.Properties.FunctionName).includes(recorder[0]))
      .map(([, m]) => getAttTarget(m.Properties.EventSourceArn))
      .sort();
    expect(sources).toEqual(dlqIds);
    const role = template.Resources[getAttTarget(recorder[1].Properties.Role)]!;
    const queueStatement = role.Properties.Policies[0].PolicyDocument.Statement.find((st: any) => st.Sid === 'OwnQueue');
    expect(queueStatement.Resource.map(getAttTarget).sort()).toEqual(dlqIds);
  });

  it('runs the journey sweeper on a schedule, with a role that reads the running markers and recorded events only', () => {
    const schedules = ofType('AWS::Events::Rule').filter(([, rule]) => rule.Properties.ScheduleExpression !== undefined);
    expect(schedules).toHaveLength(1);
    expect(schedules[0]![1].Properties.ScheduleExpression).toBe('rate(5 minutes)');
    const target = template.Resources[getAttTarget(schedules[0]![1].Properties.Targets[0].Arn)]!;
    expect(target.Properties.FunctionName).toBe(`symphainy-${STAGE}-journey-sweeper`);
    const statements = template.Resources[getAttTarget(target.Properties.Role)]!.Properties.Policies[0].PolicyDocument.Statement;
    const reads = statements.find((st: any) => st.Sid === 'ReadArtifacts').Resource.map((r: any) => r['Fn::Sub']);
    expect(reads).toEqual(['${ArtifactBucket.Arn}/state/running/*', '${ArtifactBucket.Arn}/journeys/*/events/*']);
    expect(statements.some((st: any) => st.Sid === 'WriteArtifacts' || st.Sid === 'OwnQueue')).toBe(false);
  });

  it('caps the concurrency every SQS event source may drive', () => {
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    // One per function's queue, and one per dead-letter queue for the recorder.
    expect(mappings).toHaveLength(2 * new Set(routes.map((r) => r.target)).size);
    for (const [id, mapping] of mappings) {
      expect(mapping.Properties.ScalingConfig?.MaximumConcurrency, id).toBeGreaterThanOrEqual(2);
      expect(mapping.Properties.ScalingConfig.MaximumConcurrency, id).toBeLessThanOrEqual(1000);
    }
  });

  it('archives the stage bus and names what other tools look up in its outputs', () => {
    expect(ofType('AWS::Events::Archive')).toHaveLength(1);
    expect(Object.keys(template.Outputs)).toEqual(
      expect.arrayContaining(['UploadBucketName', 'ArtifactBucketName', 'EventBusName', 'EventBusArn', 'ArchiveName']),
    );
  });
});

describe('the packaged template watches what the routing table deploys', () => {
  const registry = defaultUseCaseRegistry();
  const routes = routingTable(registry, { uploadBucket: BUCKET });
  const targets = [...new Set(routes.map((r) => r.target))];
  const functions = [...targets, DEAD_LETTER_RECORDER, JOURNEY_SWEEPER];
  const service = `symphainy-${STAGE}`;

  /** A dimension's value as a name: the template refers to queues, functions and the bus by resource. */
  function nameOf(value: any): string {
    if (typeof value === 'string') return value;
    const resource = template.Resources[value?.Ref ?? getAttTarget(value)];
    if (!resource) throw new Error(`dimension refers to nothing: ${JSON.stringify(value)}`);
    return String(resource.Properties.QueueName ?? resource.Properties.FunctionName ?? resource.Properties.Name);
  }
  const alarms = () =>
    ofType('AWS::CloudWatch::Alarm').map(([id, a]) => ({
      id,
      name: a.Properties.AlarmName as string,
      metric: `${a.Properties.Namespace}/${a.Properties.MetricName}`,
      on: Object.fromEntries(a.Properties.Dimensions.map((d: any) => [d.Name, nameOf(d.Value)])),
      properties: a.Properties,
    }));
  const watched = (metric: string, dimension: string) =>
    alarms()
      .filter((a) => a.metric === metric)
      .map((a) => a.on[dimension])
      .sort();

  it("traces every function with X-Ray, writing traces through AWS's managed policy, and names the metrics' service after the stage", () => {
    for (const [id, fn] of ofType('AWS::Lambda::Function')) {
      expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME, id).toBe(service);
      const role = template.Resources[getAttTarget(fn.Properties.Role)]!;
      expect(role.Properties.ManagedPolicyArns, id).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess' }]);
    }
  });

  it('alarms on the depth and the arrivals of every dead-letter queue, and on the oldest message of every queue', () => {
    const dlqs = [...targets.map((t) => `${service}-${t}-dlq`), `${service}-rule-delivery-dlq`].sort();
    expect(watched('AWS/SQS/ApproximateNumberOfMessagesVisible', 'QueueName')).toEqual(dlqs);
    expect(watched('AWS/SQS/NumberOfMessagesReceived', 'QueueName')).toEqual(targets.map((t) => `${service}-${t}-dlq`).sort());
    expect(watched('AWS/SQS/ApproximateAgeOfOldestMessage', 'QueueName')).toEqual(targets.map((t) => `${service}-${t}`).sort());
    for (const alarm of alarms().filter((a) => a.metric === 'AWS/SQS/ApproximateAgeOfOldestMessage')) {
      // Older than every delivery the queue would make could take: nothing is taking it.
      const queue = ofType('AWS::SQS::Queue').find(([, q]) => q.Properties.QueueName === alarm.on.QueueName)![1].Properties;
      expect(alarm.properties.Threshold, alarm.name).toBe(Number(queue.RedrivePolicy.maxReceiveCount) * queue.VisibilityTimeout);
    }
  });

  it("alarms on every function's errors and throttles, the routing targets' and the recorder's and sweeper's alike", () => {
    const names = functions.map((f) => `${service}-${f}`).sort();
    expect(names).toEqual(
      ofType('AWS::Lambda::Function')
        .map(([, f]) => f.Properties.FunctionName)
        .sort(),
    );
    expect(watched('AWS/Lambda/Errors', 'FunctionName')).toEqual(names);
    expect(watched('AWS/Lambda/Throttles', 'FunctionName')).toEqual(names);
  });

  it("alarms on every routing rule's given-up deliveries, under its bus for the stage bus's rules", () => {
    const failed = alarms().filter((a) => a.metric === 'AWS/Events/FailedInvocations');
    expect(failed.map((a) => a.on).sort((a, b) => a.RuleName!.localeCompare(b.RuleName!))).toEqual(
      routes
        .map((r) => ({ ...(r.bus === 'platform' ? { EventBusName: service } : {}), RuleName: `${service}-${r.rule}` }))
        .sort((a, b) => a.RuleName.localeCompare(b.RuleName)),
    );
    // And nothing else: every alarm is one of the kinds above, each once.
    expect(alarms()).toHaveLength(3 * targets.length + 1 + 2 * functions.length + routes.length);
    expect(new Set(alarms().map((a) => a.name)).size).toBe(alarms().length);
  });

  it("notifies the stack's own alarm topic when no alarmTopicArn is given, on alarm and on recovery; only the stack's alarms may publish to it", () => {
    const [[topicId, topic]] = ofType('AWS::SNS::Topic') as [[string, Resource]];
    expect(topic.Properties.TopicName).toBe(`${service}-alarms`);
    for (const alarm of alarms()) {
      expect(alarm.properties.AlarmActions, alarm.name).toEqual([{ Ref: topicId }]);
      expect(alarm.properties.OKActions, alarm.name).toEqual([{ Ref: topicId }]);
      expect(alarm.name.startsWith(`${service}-`), alarm.name).toBe(true);
    }
    const [statement] = ofType('AWS::SNS::TopicPolicy')[0]![1].Properties.PolicyDocument.Statement;
    expect(statement).toMatchObject({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish' });
    expect(statement.Condition.ArnLike['aws:SourceArn']['Fn::Sub']).toMatch(new RegExp(`:alarm:${service}-\\*$`));
    expect(template.Outputs.AlarmTopicArn!.Value).toEqual({ Ref: topicId });
  });

  it("has a dashboard with every use case's journeys, every step, queue, function and rule, and every alarm's state", () => {
    const [[, dashboard]] = ofType('AWS::CloudWatch::Dashboard') as [[string, Resource]];
    expect(dashboard.Properties.DashboardName).toBe(service);
    const body = JSON.parse(dashboard.Properties.DashboardBody['Fn::Sub']) as { widgets: { type: string; properties: any }[] };
    const lines = body.widgets.filter((w) => w.type === 'metric').flatMap((w) => w.properties.metrics as unknown[][]);
    const shown = (namespace: string, metric: string, dimension: string) =>
      [...new Set(lines.filter((l) => l[0] === namespace && l[1] === metric).map((l) => l[l.indexOf(dimension) + 1]))].sort();
    const useCases = registry
      .useCases()
      .map((u) => u.id)
      .sort();
    for (const count of Object.values(JOURNEY_COUNTS)) expect(shown(METRICS_NAMESPACE, count, 'UseCase'), count).toEqual(useCases);
    const stepNames = registry
      .steps()
      .map((s) => s.definition.name)
      .sort();
    expect(shown(METRICS_NAMESPACE, STEP_DURATION, 'Step')).toEqual(stepNames);
    expect(shown(METRICS_NAMESPACE, STEP_ATTEMPTS, 'Step')).toEqual(stepNames);
    for (const line of lines.filter((l) => l[0] === METRICS_NAMESPACE)) expect(line.slice(2, 4)).toEqual(['service', service]);
    expect(shown('AWS/SQS', 'ApproximateAgeOfOldestMessage', 'QueueName')).toEqual(targets.map((t) => `${service}-${t}`).sort());
    expect(shown('AWS/Lambda', 'Errors', 'FunctionName')).toEqual(functions.map((f) => `${service}-${f}`).sort());
    expect(shown('AWS/Events', 'FailedInvocations', 'RuleName')).toEqual(routes.map((r) => `${service}-${r.rule}`).sort());
    const alarmStates = body.widgets.filter((w) => w.type === 'alarm').flatMap((w) => w.properties.alarms as string[]);
    expect(alarmStates.sort()).toEqual(
      alarms()
        .map((a) => `\${${a.id}.Arn}`)
        .sort(),
    );
    expect(template.Outputs.DashboardName!.Value).toEqual({ Ref: ofType('AWS::CloudWatch::Dashboard')[0]![0] });
  });

  it("stays within CloudFormation's 500 resources per stack", () => {
    // Each step adds 15 (function, log group, role, queue, dead-letter queue, queue policy, rule,
    // two event source mappings, six alarms): this says when the stack has to be split.
    expect(Object.keys(template.Resources).length).toBeLessThan(500);
  });
});
