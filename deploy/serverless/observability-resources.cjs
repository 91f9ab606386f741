// The stack's alarms and its CloudWatch dashboard, derived from the routing table and the
// function catalogue (routing-table-loader.cjs), so a function, queue or rule added there is
// watched without a line here. Per routing target F and per function, per stage S:
//
//   symphainy-S-F-dlq-depth          F's dead-letter queue holds a message the dead-letter
//                                    recorder has not taken (it drains them into the bucket)
//   symphainy-S-F-dead-letters       a message died in F's queue (the recorder received one)
//   symphainy-S-F-oldest-message     F's queue holds a message older than its whole retry window
//                                    (maxReceiveCount x visibility timeout): nothing is taking it
//   symphainy-S-F-errors, -throttles F's invocations failed or were throttled (every function:
//                                    the routing targets, the dead-letter recorder, the sweeper)
//   symphainy-S-<rule>-failed-invocations
//                                    EventBridge gave up delivering to the rule's queue
//   symphainy-S-rule-delivery-dlq-depth
//                                    an event no rule could deliver is waiting
//
// Every alarm notifies the SNS topic `--param="alarmTopicArn=arn:..."` names, on alarm and on
// recovery; without one the stack creates symphainy-S-alarms (output AlarmTopicArn).
// The dashboard symphainy-S shows journeys per use case, steps per journey, queues, functions,
// rules and every alarm's state, from the same lists.
//
// serverless.yml pulls this in with ${file(...)}; osls calls the exported function.
const { loadRouting, pascalCase, queueSettings, stageQueueParams, lambdaIdOf } = require('./routing-table-loader.cjs');

const TOPIC = 'AlarmTopic';
/** Seconds per datapoint of every alarm and graph: AWS's SQS, Lambda and EventBridge metrics come per minute; five smooths a graph without hiding a spike from a Maximum or a Sum. */
const PERIOD = 300;

module.exports = async ({ resolveVariable }) => {
  const stage = await resolveVariable('sls:stage');
  const service = `${await resolveVariable('self:service')}-${stage}`;
  const topicArnParam = String((await resolveVariable('param:alarmTopicArn')) ?? '').trim();
  const stageParams = await stageQueueParams(resolveVariable);
  const { routes, policies, deadLetterRecorder, journeySweeper, steps, metrics } = await loadRouting({ uploadBucket: 'unused' });

  const Resources = {};
  const Outputs = {};
  const topic = topicArnParam || { Ref: TOPIC };
  if (!topicArnParam) Object.assign(Resources, alarmTopic(service));
  Outputs.AlarmTopicArn = { Description: 'Every alarm of the stack notifies this topic: subscribe to it', Value: topic };

  const alarm = (id, name, description, metric) => {
    Resources[id] = {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmName: `${service}-${name}`,
        AlarmDescription: description,
        Namespace: metric.namespace,
        MetricName: metric.name,
        Dimensions: Object.entries(metric.dimensions).map(([Name, Value]) => ({ Name, Value })),
        Statistic: metric.statistic,
        Period: PERIOD,
        EvaluationPeriods: 1,
        Threshold: metric.threshold ?? 0,
        ComparisonOperator: 'GreaterThanThreshold',
        // No datapoint is no trouble: SQS reports idle queues, but Lambda and EventBridge report only what happened.
        TreatMissingData: 'notBreaching',
        AlarmActions: [topic],
        OKActions: [topic],
      },
    };
    return id;
  };

  const targets = [...new Set(routes.map((route) => route.target))];
  const queueName = (target, deadLetter = false) => `${service}-${target}${deadLetter ? '-dlq' : ''}`;
  const alarms = { queues: [], functions: [], rules: [] };
  for (const target of targets) {
    const id = pascalCase(target);
    const { visibilityTimeout, maxReceiveCount } = queueSettings(policies[target], stageParams);
    const dlq = { QueueName: { 'Fn::GetAtt': [`${id}DeadLetterQueue`, 'QueueName'] } };
    alarms.queues.push(
      alarm(
        `${id}DeadLetterQueueDepthAlarm`,
        `${target}-dlq-depth`,
        `${queueName(target, true)} holds messages the dead-letter recorder has not taken: see its errors, then symphainy dlq list`,
        {
          namespace: 'AWS/SQS',
          name: 'ApproximateNumberOfMessagesVisible',
          dimensions: dlq,
          statistic: 'Maximum',
        },
      ),
      alarm(
        `${id}DeadLettersAlarm`,
        `${target}-dead-letters`,
        `a message died in ${queueName(target)} after ${maxReceiveCount} deliveries: symphainy dlq list, then dlq redrive ${target}`,
        {
          namespace: 'AWS/SQS',
          name: 'NumberOfMessagesReceived',
          dimensions: dlq,
          statistic: 'Sum',
        },
      ),
      alarm(
        `${id}QueueOldestMessageAlarm`,
        `${target}-oldest-message`,
        `${queueName(target)} holds a message older than its ${maxReceiveCount} deliveries could take (${maxReceiveCount} x ${visibilityTimeout} s): ${target} is not taking it`,
        {
          namespace: 'AWS/SQS',
          name: 'ApproximateAgeOfOldestMessage',
          dimensions: { QueueName: { 'Fn::GetAtt': [`${id}Queue`, 'QueueName'] } },
          statistic: 'Maximum',
          threshold: maxReceiveCount * visibilityTimeout,
        },
      ),
    );
  }
  alarms.queues.push(
    alarm(
      'RuleDeliveryDeadLetterQueueDepthAlarm',
      'rule-delivery-dlq-depth',
      `${service}-rule-delivery-dlq holds events EventBridge could not deliver to any queue (an upload whose journey never started, say)`,
      {
        namespace: 'AWS/SQS',
        name: 'ApproximateNumberOfMessagesVisible',
        dimensions: { QueueName: { 'Fn::GetAtt': ['RuleDeliveryDeadLetterQueue', 'QueueName'] } },
        statistic: 'Maximum',
      },
    ),
  );
  const functions = [...targets, deadLetterRecorder, journeySweeper];
  for (const fn of functions) {
    const dimensions = { FunctionName: { Ref: `${lambdaIdOf(fn)}LambdaFunction` } };
    alarms.functions.push(
      alarm(
        `${pascalCase(fn)}ErrorsAlarm`,
        `${fn}-errors`,
        `${service}-${fn} invocations failed (an error thrown, a timeout, out of memory): see its log group`,
        { namespace: 'AWS/Lambda', name: 'Errors', dimensions, statistic: 'Sum' },
      ),
      alarm(`${pascalCase(fn)}ThrottlesAlarm`, `${fn}-throttles`, `${service}-${fn} invocations were throttled: the account's Lambda concurrency is used up`, {
        namespace: 'AWS/Lambda',
        name: 'Throttles',
        dimensions,
        statistic: 'Sum',
      }),
    );
  }
  for (const route of routes) {
    // A custom bus's rules report their metrics under the bus's name as well.
    const dimensions = { ...(route.bus === 'platform' ? { EventBusName: { Ref: 'EventBus' } } : {}), RuleName: `${service}-${route.rule}` };
    alarms.rules.push(
      alarm(
        `${pascalCase(route.rule)}RuleFailedInvocationsAlarm`,
        `${route.rule}-failed-invocations`,
        `EventBridge gave up delivering events of rule ${service}-${route.rule} to ${queueName(route.target)}: they wait in ${service}-rule-delivery-dlq`,
        {
          namespace: 'AWS/Events',
          name: 'FailedInvocations',
          dimensions,
          statistic: 'Sum',
        },
      ),
    );
  }

  Resources.Dashboard = {
    Type: 'AWS::CloudWatch::Dashboard',
    Properties: {
      DashboardName: service,
      DashboardBody: { 'Fn::Sub': JSON.stringify(dashboard({ service, metrics, steps, targets, functions, routes, alarms, queueName })) },
    },
  };
  Outputs.DashboardName = { Description: 'The stage at a glance in the CloudWatch console', Value: { Ref: 'Dashboard' } };
  return { Resources, Outputs };
};

function alarmTopic(service) {
  return {
    [TOPIC]: {
      Type: 'AWS::SNS::Topic',
      Properties: { TopicName: `${service}-alarms`, DisplayName: `${service} alarms` },
    },
    [`${TOPIC}Policy`]: {
      Type: 'AWS::SNS::TopicPolicy',
      Properties: {
        Topics: [{ Ref: TOPIC }],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'OnlyTheStacksAlarms',
              Effect: 'Allow',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: 'sns:Publish',
              Resource: { Ref: TOPIC },
              Condition: {
                ArnLike: { 'aws:SourceArn': { 'Fn::Sub': `arn:\${AWS::Partition}:cloudwatch:\${AWS::Region}:\${AWS::AccountId}:alarm:${service}-*` } },
                StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              },
            },
          ],
        },
      },
    },
  };
}

/**
 * The dashboard's body: CloudWatch lays the widgets out left to right in order. `${AWS::Region}`
 * and `${<alarm>.Arn}` are filled in by Fn::Sub.
 */
function dashboard({ service, metrics, steps, targets, functions, routes, alarms, queueName }) {
  const graph = (title, lines, options = {}) => ({
    type: 'metric',
    width: options.width ?? 12,
    height: 6,
    properties: {
      title,
      region: '${AWS::Region}',
      view: 'timeSeries',
      stacked: false,
      period: PERIOD,
      stat: options.stat ?? 'Sum',
      metrics: lines,
      ...(options.yAxis ? { yAxis: options.yAxis } : {}),
    },
  });
  const own = (name, dimensions, extra = {}) => [metrics.namespace, name, 'service', service, ...Object.entries(dimensions).flat(), extra];
  const aws = (namespace, name, dimensions, extra = {}) => [namespace, name, ...Object.entries(dimensions).flat(), extra];
  const text = (markdown) => ({ type: 'text', width: 24, height: 2, properties: { markdown } });

  const useCases = [...new Set(steps.map((s) => s.useCase))];
  const journeys = [...new Set(steps.map((s) => `${s.useCase}/${s.journey}`))];
  const widgets = [
    text(
      `# ${service}\nJourneys by use case, steps by journey, then queues, functions and rules. Metrics in namespace \`${metrics.namespace}\`, dimension \`service = ${service}\`.`,
    ),
    ...useCases.map((useCase) =>
      graph(
        `Journeys: ${useCase}`,
        metrics.journeyCounts.map((name) => own(name, { UseCase: useCase }, { label: name })),
        { width: 8 },
      ),
    ),
    graph(
      'Uploads rejected, any use case',
      [
        [
          {
            expression: `SEARCH('{${metrics.namespace},service,UseCase} MetricName="${metrics.uploadsRejected}" service="${service}"', 'Sum', ${PERIOD})`,
            label: 'rejected',
          },
        ],
      ],
      { width: 24 },
    ),
    ...journeys.flatMap((journey) => {
      const journeySteps = steps.filter((s) => `${s.useCase}/${s.journey}` === journey);
      return [
        graph(
          `Step duration p95 (ms): ${journey}`,
          journeySteps.map((s) => own(metrics.stepDuration, { UseCase: s.useCase, Step: s.step }, { label: s.step })),
          { stat: 'p95' },
        ),
        graph(
          `Step attempts, most: ${journey}`,
          journeySteps.map((s) => own(metrics.stepAttempts, { UseCase: s.useCase, Step: s.step }, { label: s.step })),
          { stat: 'Maximum' },
        ),
      ];
    }),
    text('## Queues'),
    graph(
      'Messages waiting',
      targets.map((t) => aws('AWS/SQS', 'ApproximateNumberOfMessagesVisible', { QueueName: queueName(t) }, { label: t })),
      { stat: 'Maximum', width: 8 },
    ),
    graph(
      'Oldest message (s)',
      targets.map((t) => aws('AWS/SQS', 'ApproximateAgeOfOldestMessage', { QueueName: queueName(t) }, { label: t })),
      { stat: 'Maximum', width: 8 },
    ),
    graph(
      'Dead letters received',
      [
        ...targets.map((t) => aws('AWS/SQS', 'NumberOfMessagesReceived', { QueueName: queueName(t, true) }, { label: t })),
        aws(
          'AWS/SQS',
          'ApproximateNumberOfMessagesVisible',
          { QueueName: `${service}-rule-delivery-dlq` },
          { label: 'rule-delivery-dlq (waiting)', stat: 'Maximum' },
        ),
      ],
      { width: 8 },
    ),
    text('## Functions and rules'),
    graph(
      'Function errors',
      functions.map((f) => aws('AWS/Lambda', 'Errors', { FunctionName: `${service}-${f}` }, { label: f })),
      { width: 8 },
    ),
    graph(
      'Function throttles',
      functions.map((f) => aws('AWS/Lambda', 'Throttles', { FunctionName: `${service}-${f}` }, { label: f })),
      { width: 8 },
    ),
    graph(
      'Rule deliveries given up',
      routes.map((r) =>
        aws(
          'AWS/Events',
          'FailedInvocations',
          { ...(r.bus === 'platform' ? { EventBusName: service } : {}), RuleName: `${service}-${r.rule}` },
          { label: r.rule },
        ),
      ),
      { width: 8 },
    ),
    ...Object.entries(alarms).flatMap(([group, ids]) =>
      chunks(ids, 100).map((part) => ({
        type: 'alarm',
        width: 24,
        height: 4,
        properties: { title: `Alarms: ${group}`, alarms: part.map((id) => `\${${id}.Arn}`) },
      })),
    ),
  ];
  return { widgets };
}

/** An alarm-status widget shows at most 100 alarms. */
function chunks(items, size) {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
