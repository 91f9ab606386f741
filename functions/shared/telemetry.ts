import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { MiddlewareObj } from '@middy/core';
import { METRICS_NAMESPACE, type Datapoint } from './journey-metrics.js';

/**
 * What a deployed function reports about itself besides logs: metrics as CloudWatch embedded
 * metric format (EMF) lines on stdout, which Lambda's log pipeline turns into metrics, and X-Ray
 * segments. Runtimes that have no such pipeline (embedded, `serve`, tests) leave it out of the
 * ports, so nothing is printed there and no X-Ray daemon is needed.
 */
export interface Telemetry {
  /** Writes each datapoint as one EMF line: each carries its own dimensions. */
  emit(datapoints: readonly Datapoint[]): void;
  /** The X-Ray header of the segment now open, to hand on with what is published; undefined when not traced. */
  traceHeader(): string | undefined;
  /** Runs `work` in a subsegment of its own, annotated (journey id, use case...) so traces can be found by journey. */
  traced<T>(name: string, annotations: Record<string, string | number | undefined>, work: () => Promise<T>): Promise<T>;
  /** The middy middleware that opens the handler's segment. */
  handlerMiddleware(): MiddlewareObj;
  /** An AWS SDK v3 client whose calls show up as subsegments (and carry the trace header). */
  captured<C>(client: C): Promise<C>;
}

/**
 * The Powertools implementation. Metrics are written only inside a Lambda runtime
 * (`AWS_LAMBDA_FUNCTION_NAME` set; `POWERTOOLS_METRICS_DISABLED=true` turns them off there too);
 * tracing is on only where Lambda runs the function with active tracing (`AWS_EXECUTION_ENV`,
 * which emulators do not set; `POWERTOOLS_TRACE_ENABLED=false` turns it off). The `service`
 * dimension and the traces' service are `POWERTOOLS_SERVICE_NAME` (the stack sets `symphainy-<stage>`).
 *
 * The Tracer brings the X-Ray SDK (about 110 KB of the bundle), so it is loaded, on the first
 * invocation, only where tracing can be on: nowhere else does a cold start pay for it.
 */
export function powertoolsTelemetry(env: NodeJS.ProcessEnv = process.env): Telemetry {
  let loading: Promise<ActiveTracer | undefined> | undefined;
  let active: ActiveTracer | undefined;
  const activeTracer = async () => (active = await (loading ??= tracingPossible(env) ? loadTracer() : Promise.resolve(undefined)));
  const metrics = env.AWS_LAMBDA_FUNCTION_NAME ? new Metrics({ namespace: METRICS_NAMESPACE }) : undefined;
  return {
    emit(datapoints) {
      if (!metrics) return;
      for (const datapoint of datapoints) {
        const line = metrics.singleMetric();
        for (const [name, value] of Object.entries(datapoint.dimensions)) line.addDimension(name, value);
        for (const [key, value] of Object.entries(datapoint.metadata)) line.addMetadata(key, value);
        // A single-metric instance writes its line as soon as the value is added.
        line.addMetric(datapoint.name, datapoint.unit, datapoint.value);
      }
    },
    traceHeader() {
      if (!active) return undefined;
      const { tracer } = active;
      const segment = tracer.getSegment();
      const root = tracer.getRootXrayTraceId();
      if (!segment || !root) return undefined;
      return `Root=${root};Parent=${segment.id};Sampled=${tracer.isTraceSampled() ? 1 : 0}`;
    },
    async traced(name, annotations, work) {
      const tracer = (await activeTracer())?.tracer;
      const parent = tracer?.getSegment();
      if (!tracer || !parent) return work();
      const subsegment = parent.addNewSubsegment(name);
      for (const [key, value] of Object.entries(annotations)) if (value !== undefined) subsegment.addAnnotation(key, value);
      tracer.setSegment(subsegment);
      try {
        return await work();
      } catch (error) {
        subsegment.addError(error as Error);
        throw error;
      } finally {
        subsegment.close();
        tracer.setSegment(parent);
      }
    },
    handlerMiddleware: () => ({
      before: async (request) => (await activeTracer())?.middleware.before?.(request),
      after: async (request) => active?.middleware.after?.(request),
      onError: async (request) => active?.middleware.onError?.(request),
    }),
    captured: async (client) => (await activeTracer())?.tracer.captureAWSv3Client(client) ?? client,
  };
}

interface ActiveTracer {
  tracer: Tracer;
  middleware: MiddlewareObj;
}

/** Where Powertools could turn tracing on: a Lambda runtime, not told otherwise. */
function tracingPossible(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.AWS_EXECUTION_ENV) && env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() !== 'false';
}

async function loadTracer(): Promise<ActiveTracer | undefined> {
  const [{ Tracer }, { captureLambdaHandler }] = await Promise.all([
    import('@aws-lambda-powertools/tracer'),
    import('@aws-lambda-powertools/tracer/middleware'),
  ]);
  const tracer = new Tracer();
  // Its own verdict (SAM local, Amplify mock...) decides in the end.
  return tracer.isTracingEnabled() ? { tracer, middleware: captureLambdaHandler(tracer, { captureResponse: false }) } : undefined;
}
