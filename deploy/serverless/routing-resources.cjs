// The CloudFormation resources that route events to functions, derived from the same routing
// table the embedded runtime routes with (domain/routing/routing-table.ts), so the deployed rules
// cannot drift from it. Per routing target F (a function):
//
//   symphainy-<stage>-F       SQS queue (SSE, visibility 6x the function timeout) ─► function F;
//                             for a step, timeout, memory and maxReceiveCount come from its policy
//                             (domain/journeys/step-policy.ts), the timeout capped by the stage
//   symphainy-<stage>-F-dlq   its dead-letter queue, after maxReceiveCount deliveries; only F's
//                             queue may use it (RedriveAllowPolicy), so a redrive goes back to F
//   queue policy              only F's rules may send to it (aws:SourceArn)
//   rules                     one per route, pattern from the table, target the queue, with a
//                             retry policy and the stack's rule-delivery dead-letter queue
//   role                      F's own: its log group, its queue, the upload bucket if it reads
//                             uploads, the artifact-bucket prefixes it uses, and PutEvents for
//                             the detail-types it publishes (functions/shared/function-access.ts)
//
// The journey sweeper runs on a schedule (deploy/serverless/functions.cjs) with a role of
// its own and no queue.
// The dead-letter recorder reads every F-dlq (deploy/serverless/functions.cjs): its
// role may receive from those queues and nothing else's.
//
// Once per stack: symphainy-<stage>-rule-delivery-dlq, where EventBridge leaves an event it
// could not hand to a rule's queue (an upload that would otherwise start no journey, silently).
//
// serverless.yml pulls this in with ${file(...)}; osls calls the exported function.
const { loadRouting, pascalCase, queueSettings, stageQueueParams, lambdaIdOf } = require('./routing-table-loader.cjs');

const UPLOAD_BUCKET_PLACEHOLDER = '\u0000upload-bucket';
const RULE_DLQ = 'RuleDeliveryDeadLetterQueue';

module.exports = async ({ resolveVariable }) => {
  const stage = await resolveVariable('sls:stage');
  const stageParams = await stageQueueParams(resolveVariable);
  const { routes, roles, policies, deadLetterRecorder, journeySweeper } = await loadRouting({ uploadBucket: UPLOAD_BUCKET_PLACEHOLDER });

  const Resources = {};
  const ruleIds = routes.map((route) => `${pascalCase(route.rule)}Rule`);
  Resources[RULE_DLQ] = {
    Type: 'AWS::SQS::Queue',
    Properties: {
      QueueName: `symphainy-${stage}-rule-delivery-dlq`,
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1209600, // 14 days, the most SQS keeps
      // EventBridge writes here; no queue may make it its dead-letter queue.
      RedriveAllowPolicy: { redrivePermission: 'denyAll' },
    },
  };
  Resources[`${RULE_DLQ}Policy`] = {
    Type: 'AWS::SQS::QueuePolicy',
    Properties: {
      Queues: [{ Ref: RULE_DLQ }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'OnlyTheStacksRules',
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: { 'Fn::GetAtt': [RULE_DLQ, 'Arn'] },
            Condition: { ArnEquals: { 'aws:SourceArn': ruleIds.map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] })) } },
          },
        ],
      },
    },
  };
  for (const target of [...new Set(routes.map((r) => r.target))]) {
    const id = pascalCase(target);
    const own = routes.filter((r) => r.target === target);
    const queue = `${id}Queue`;
    const policy = policies[target];
    const { functionTimeout, visibilityTimeout, maxReceiveCount } = queueSettings(policy, stageParams);
    if (policy) {
      // Merged by the framework into the function it generates (same logical id).
      Resources[`${lambdaIdOf(target)}LambdaFunction`] = {
        Type: 'AWS::Lambda::Function',
        Properties: { Timeout: functionTimeout, MemorySize: policy.memoryMb },
      };
    }

    Resources[`${id}DeadLetterQueue`] = {
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: `symphainy-${stage}-${target}-dlq`,
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1209600, // 14 days, the most SQS keeps: time to look and redrive
        // Only its own queue may dead-letter here. Built from the queue's name, not GetAtt: the
        // queue already refers to this one (RedrivePolicy), and the reverse would be a cycle.
        RedriveAllowPolicy: {
          redrivePermission: 'byQueue',
          sourceQueueArns: [{ 'Fn::Sub': `arn:\${AWS::Partition}:sqs:\${AWS::Region}:\${AWS::AccountId}:symphainy-${stage}-${target}` }],
        },
      },
    };
    Resources[queue] = {
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: `symphainy-${stage}-${target}`,
        SqsManagedSseEnabled: true,
        VisibilityTimeout: visibilityTimeout,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [`${id}DeadLetterQueue`, 'Arn'] }, maxReceiveCount },
      },
    };
    for (const route of own) {
      Resources[`${pascalCase(route.rule)}Rule`] = {
        Type: 'AWS::Events::Rule',
        Properties: {
          Name: `symphainy-${stage}-${route.rule}`,
          Description: route.description.slice(0, 512),
          ...(route.bus === 'platform' ? { EventBusName: { Ref: 'EventBus' } } : {}),
          EventPattern: withUploadBucket(route.pattern),
          State: 'ENABLED',
          Targets: [
            {
              Id: 'queue',
              Arn: { 'Fn::GetAtt': [queue, 'Arn'] },
              // EventBridge's own limits, spelled out: the target is a queue of this stack, so
              // a failed delivery is throttling or a queue policy being fixed, and giving up
              // early loses the event. What is still undelivered after a day goes to the DLQ.
              RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 },
              DeadLetterConfig: { Arn: { 'Fn::GetAtt': [RULE_DLQ, 'Arn'] } },
            },
          ],
        },
      };
    }
    Resources[`${queue}Policy`] = {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [{ Ref: queue }],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'OnlyItsRules',
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: { 'Fn::GetAtt': [queue, 'Arn'] },
              Condition: { ArnEquals: { 'aws:SourceArn': own.map((route) => ({ 'Fn::GetAtt': [`${pascalCase(route.rule)}Rule`, 'Arn'] })) } },
            },
          ],
        },
      },
    };
    Resources[`${id}Role`] = role(stage, target, [queue], roles[target]);
  }
  const deadLetterQueues = [...new Set(routes.map((r) => r.target))].map((target) => `${pascalCase(target)}DeadLetterQueue`);
  Resources[`${pascalCase(deadLetterRecorder)}Role`] = role(stage, deadLetterRecorder, deadLetterQueues, roles[deadLetterRecorder]);
  // Scheduled, so it reads no queue.
  Resources[`${pascalCase(journeySweeper)}Role`] = role(stage, journeySweeper, [], roles[journeySweeper]);
  return { Resources };
};

/** The bucket name is only known to CloudFormation, so the pattern refers to the bucket. */
function withUploadBucket(value) {
  if (value === UPLOAD_BUCKET_PLACEHOLDER) return { Ref: 'UploadBucket' };
  if (Array.isArray(value)) return value.map(withUploadBucket);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withUploadBucket(v)]));
  return value;
}

/** Objects of a bucket: all of them, or those matching a key pattern (`*` as in IAM). */
const objects = (bucket, pattern = '*') => ({ 'Fn::Sub': `\${${bucket}.Arn}/${pattern}` });
const bucketArn = (bucket) => ({ 'Fn::GetAtt': [bucket, 'Arn'] });

/** One role per function: nothing it does not use, and no `*` action or resource. */
function role(stage, target, queues, access) {
  const statements = [
    {
      Sid: 'OwnLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/symphainy-${stage}-${target}:*` },
    },
    ...(queues.length
      ? [
          {
            Sid: 'OwnQueue',
            Effect: 'Allow',
            Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
            Resource: queues.map((queue) => ({ 'Fn::GetAtt': [queue, 'Arn'] })),
          },
        ]
      : []),
    // ListBucket lets a read of a missing key answer 404 (not 403), which the code relies on.
    {
      Sid: 'ListBuckets',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: [bucketArn('ArtifactBucket'), ...(access.readsUploads ? [bucketArn('UploadBucket')] : [])],
    },
  ];
  if (access.readsUploads) statements.push({ Sid: 'ReadUploads', Effect: 'Allow', Action: 's3:GetObject', Resource: objects('UploadBucket') });
  // Artifact keys by what the function does with them: its step's or manager's prefixes, and
  // its own idempotency claims (state/idempotency/<function>/), which it takes and releases.
  const grants = [
    ['ReadArtifacts', 's3:GetObject', access.artifacts.read],
    ['WriteArtifacts', 's3:PutObject', access.artifacts.write],
    ['DeleteArtifacts', 's3:DeleteObject', access.artifacts.delete],
  ];
  for (const [Sid, Action, patterns] of grants) {
    if (patterns.length) statements.push({ Sid, Effect: 'Allow', Action, Resource: patterns.map((pattern) => objects('ArtifactBucket', pattern)) });
  }
  if (access.publishes.length) {
    statements.push({
      Sid: 'PublishOwnEventsOnStageBus',
      Effect: 'Allow',
      Action: 'events:PutEvents',
      Resource: { 'Fn::GetAtt': ['EventBus', 'Arn'] },
      Condition: { 'ForAllValues:StringEquals': { 'events:detail-type': access.publishes, 'events:source': [access.source] } },
    });
  }
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: `symphainy-${stage}-${target}`,
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      Policies: [{ PolicyName: target, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
      // Active tracing: X-Ray's write actions take no resource, so they come from AWS's own
      // policy for exactly that rather than a "*" of ours.
      ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess' }],
    },
  };
}
