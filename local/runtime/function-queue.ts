import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export interface QueueSettings {
  /** Deliveries before a message moves to the dead-letter queue (SQS maxReceiveCount). */
  maxReceiveCount: number;
  /** How long a failed message stays invisible before its next delivery. */
  visibilityTimeoutMs: number;
  /** Records per invocation (the event source mapping's BatchSize). */
  batchSize: number;
  /** Invocations in flight at once. */
  concurrency: number;
  /** How long one invocation may run before it is stopped, as Lambda stops a function at its timeout. */
  timeoutMs: number;
}

export interface QueueObserver {
  acknowledged(queue: string, messageId: string): void;
  deadLettered(queue: string, messageId: string, receiveCount: number, error: string, body: string): void;
  /** The function ran past its timeout on these messages and was stopped. */
  stoppedAtTimeout(queue: string, bodies: string[]): void;
  /** Called whenever the queue may have become idle. */
  settled(): void;
}

interface Message {
  id: string;
  body: string;
  receiveCount: number;
  visibleAt: number;
  sentAt: number;
  /** The queue the message is said to come from (a dead-letter queue, for the recorder's messages). */
  sourceQueue?: string;
}

export interface DeadLetter {
  messageId: string;
  body: string;
  receiveCount: number;
  error: string;
}

/**
 * An SQS queue in front of one function, with the semantics deployed queues have: batches,
 * at-least-once delivery, a visibility timeout before a failed message is retried, partial batch
 * responses, and a dead-letter queue after maxReceiveCount deliveries.
 */
export class FunctionQueue {
  private readonly ready: Message[] = [];
  private readonly waiting = new Set<Message>();
  private readonly known = new Set<string>();
  private inFlightBatches = 0;
  private inFlightMessages = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  readonly deadLetters: DeadLetter[] = [];
  private readonly lastErrors = new Map<string, string>();
  /** Delays a function asked for (ChangeMessageVisibility) before a message's next delivery. */
  private readonly requestedDelays = new Map<string, number>();

  constructor(
    readonly name: string,
    /** Runs the function; `stopped` is aborted when the invocation runs past its timeout. */
    private readonly invoke: (event: SQSEvent, stopped: AbortSignal) => Promise<SQSBatchResponse | void>,
    private readonly settings: QueueSettings,
    private readonly observer: QueueObserver,
  ) {}

  send(messageId: string, body: string, options: { sourceQueue?: string } = {}): void {
    if (this.stopped || this.known.has(messageId)) return;
    this.known.add(messageId);
    this.ready.push({
      id: messageId,
      body,
      receiveCount: 0,
      visibleAt: 0,
      sentAt: Date.now(),
      ...(options.sourceQueue ? { sourceQueue: options.sourceQueue } : {}),
    });
    this.pump();
  }

  /** ChangeMessageVisibility on a message being handled: its next delivery waits `ms` instead of the visibility timeout. */
  changeVisibility(messageId: string, ms: number): void {
    this.requestedDelays.set(messageId, ms);
  }

  /** Remembers why a message failed, so its dead-letter record can say so. */
  noteFailure(messageId: string, error: Error): void {
    this.lastErrors.set(messageId, error.message);
  }

  get depth(): number {
    return this.ready.length + this.waiting.size + this.inFlightMessages;
  }

  isIdle(): boolean {
    return this.depth === 0;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private pump(): void {
    while (!this.stopped && this.inFlightBatches < this.settings.concurrency && this.ready.length > 0) {
      const batch = this.ready.splice(0, this.settings.batchSize);
      void this.deliver(batch);
    }
  }

  private async deliver(batch: Message[]): Promise<void> {
    this.inFlightBatches++;
    this.inFlightMessages += batch.length;
    // Handlers over the embedded store resolve without real I/O, so a journey would otherwise run
    // as one unbroken promise chain: yield to the event loop first, so HTTP probes and signals
    // in a long-lived process are answered between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const message of batch) message.receiveCount++;
    let failed: Set<string>;
    const stop = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timed_out'>((resolve) => {
      timer = setTimeout(() => resolve('timed_out'), this.settings.timeoutMs);
    });
    try {
      const response = await Promise.race([this.invoke({ Records: batch.map((m) => this.toRecord(m)) }, stop.signal), timedOut]);
      if (response === 'timed_out') {
        // Lambda stops the function here: whatever it still does must have no effect (the signal says so).
        stop.abort();
        this.observer.stoppedAtTimeout(
          this.name,
          batch.map((m) => m.body),
        );
        failed = new Set(batch.map((m) => m.id));
        for (const m of batch) this.lastErrors.set(m.id, `${this.name} timed out after ${this.settings.timeoutMs} ms`);
      } else {
        failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      }
    } catch (error) {
      // A thrown handler fails the whole batch, as Lambda does.
      failed = new Set(batch.map((m) => m.id));
      for (const m of batch) if (!this.lastErrors.has(m.id)) this.lastErrors.set(m.id, (error as Error).message);
    } finally {
      clearTimeout(timer);
    }
    this.inFlightBatches--;
    this.inFlightMessages -= batch.length;
    // Stopped mid-flight (a shutdown or a simulated crash): record nothing, so the journal still
    // holds these messages as unfinished and the next start redelivers them.
    if (this.stopped) return;
    for (const message of batch) {
      const requestedDelay = this.requestedDelays.get(message.id);
      this.requestedDelays.delete(message.id);
      if (!failed.has(message.id)) {
        this.lastErrors.delete(message.id);
        this.observer.acknowledged(this.name, message.id);
      } else if (message.receiveCount >= this.settings.maxReceiveCount) {
        const error = this.lastErrors.get(message.id) ?? 'the function reported the record as failed';
        this.lastErrors.delete(message.id);
        this.deadLetters.push({ messageId: message.id, body: message.body, receiveCount: message.receiveCount, error });
        this.observer.deadLettered(this.name, message.id, message.receiveCount, error, message.body);
      } else {
        message.visibleAt = Date.now() + (requestedDelay ?? this.settings.visibilityTimeoutMs);
        this.waiting.add(message);
      }
    }
    this.scheduleRetries();
    this.pump();
    this.observer.settled();
  }

  private scheduleRetries(): void {
    if (this.timer || this.waiting.size === 0 || this.stopped) return;
    const next = Math.min(...[...this.waiting].map((m) => m.visibleAt));
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        const now = Date.now();
        for (const message of [...this.waiting]) {
          if (message.visibleAt <= now) {
            this.waiting.delete(message);
            this.ready.push(message);
          }
        }
        this.pump();
        this.scheduleRetries();
      },
      Math.max(0, next - Date.now()),
    );
  }

  private toRecord(message: Message): SQSRecord {
    return {
      messageId: message.id,
      receiptHandle: `${message.id}#${message.receiveCount}`,
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: 'embedded-event-bus',
        ApproximateFirstReceiveTimestamp: String(message.sentAt),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:local:000000000000:${message.sourceQueue ?? this.name}`,
      awsRegion: 'local',
    };
  }
}
