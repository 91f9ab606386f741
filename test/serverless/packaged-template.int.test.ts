import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routingTable } from '#domain/routing/routing-table.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';

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

/** Rule -> its target queue -> the event source mapping reading that queue -> the function's handler. */
function deployedRoutes() {
  return ofType('AWS::Events::Rule').map(([, rule]) => {
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
  const routes = routingTable(defaultUseCaseRegistry(), { uploadBucket: BUCKET });

  it('has exactly the routing table: one rule per route, same bus, same pattern, same target function', () => {
    const byRule = (a: { rule: string }, b: { rule: string }) => a.rule.localeCompare(b.rule);
    expect(deployedRoutes().map(({ rule, bus, pattern, target }) => ({ rule, bus, pattern, target })).sort(byRule)).toEqual(
      routes.map(({ rule, bus, pattern, target }) => ({ rule, bus, pattern, target })).sort(byRule),
    );
  });

  it('names queues and functions by the stage contract and reads each queue with partial batch responses', () => {
    for (const route of deployedRoutes()) {
      expect(route.queue).toBe(`symphainy-${STAGE}-${route.target}`);
      expect(route.functionName).toBe(`symphainy-${STAGE}-${route.target}`);
    }
    for (const [, mapping] of ofType('AWS::Lambda::EventSourceMapping')) expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });

  it('gives every queue encryption, a dead-letter queue after MAX_ATTEMPTS deliveries, and 6x the function timeout of visibility', () => {
    const functions = ofType('AWS::Lambda::Function').map(([, f]) => f.Properties);
    const queues = ofType('AWS::SQS::Queue').map(([, q]) => q.Properties);
    const mainQueues = queues.filter((q) => !String(q.QueueName).endsWith('-dlq'));
    expect(mainQueues).toHaveLength(new Set(routes.map((r) => r.target)).size);
    for (const queue of queues) expect(queue.SqsManagedSseEnabled).toBe(true);
    for (const queue of mainQueues) {
      const fn = functions.find((f) => f.FunctionName === queue.QueueName)!;
      expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fn.Timeout);
      expect(String(queue.RedrivePolicy.maxReceiveCount)).toBe(fn.Environment.Variables.MAX_ATTEMPTS);
      expect(template.Resources[getAttTarget(queue.RedrivePolicy.deadLetterTargetArn)]!.Properties.QueueName).toBe(`${queue.QueueName}-dlq`);
    }
    for (const fn of functions) expect({ runtime: fn.Runtime, architectures: fn.Architectures }).toEqual({ runtime: 'nodejs22.x', architectures: ['arm64'] });
  });

  it('lets only its own rules send to a queue', () => {
    for (const [, policy] of ofType('AWS::SQS::QueuePolicy')) {
      const queueId = policy.Properties.Queues[0].Ref;
      const ownRules = ofType('AWS::Events::Rule').filter(([, r]) => getAttTarget(r.Properties.Targets[0].Arn) === queueId).map(([id]) => id).sort();
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
      expect(buckets[id]!.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(buckets[id]!.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    }
  });

  it('archives the stage bus and names what other tools look up in its outputs', () => {
    expect(ofType('AWS::Events::Archive')).toHaveLength(1);
    expect(Object.keys(template.Outputs)).toEqual(expect.arrayContaining(['UploadBucketName', 'ArtifactBucketName', 'EventBusName', 'EventBusArn', 'ArchiveName']));
  });
});
