import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { eventBridgeEnvelope } from '#events/platform-event.js';
import type { OutcomeTrace } from './outcome-trace.js';

const traceSchema: z.ZodType<OutcomeTrace> = z.object({
  useCase: z.string(),
  journey: z.string(),
  status: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  events: z.array(z.string()),
  steps: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      attempts: z.number(),
      error: z.string().nullable(),
      summary: z.record(z.string(), z.unknown()),
      artifacts: z.array(z.object({ name: z.string(), key: z.string(), sha256: z.string(), size: z.number() })),
    }),
  ),
  delivery: z
    .object({
      outcome: z.string(),
      subject: z.string(),
      followOn: z.array(z.string()),
      manifest: z.object({ key: z.string(), sha256: z.string() }).nullable(),
      notification: z.object({ key: z.string(), sha256: z.string() }),
    })
    .nullable(),
});

/**
 * A journey kept so it can be run again: the event that started it, the uploaded bytes (so
 * re-driving needs nothing but this file), and the outcome it came to. `unstable` lists trace
 * paths that differed when the recording was verified by a second run (digests of artifacts that
 * embed wall-clock times): a golden replay does not compare them.
 */
export const recordingSchema = z.object({
  recording: z.literal(1),
  name: z.string().min(1),
  description: z.string().optional(),
  journeyId: z.string().min(1),
  trigger: z.object({ bus: z.enum(['default', 'platform']), event: eventBridgeEnvelope }),
  input: z.object({
    bucket: z.string().min(1),
    key: z.string().min(1),
    contentType: z.string().optional(),
    metadata: z.record(z.string(), z.string()),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    encoding: z.enum(['utf8', 'base64']),
    body: z.string(),
  }),
  trace: traceSchema,
  unstable: z.array(z.string()),
});
export type Recording = z.infer<typeof recordingSchema>;

export function isRecordingShaped(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'recording' in value;
}

/** The bytes as text when they are UTF-8 (readable in review), else base64. */
export function encodeBody(bytes: Uint8Array): { encoding: 'utf8' | 'base64'; body: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!text.includes('\u0000')) return { encoding: 'utf8', body: text };
  } catch {
    // not UTF-8: fall through to base64
  }
  return { encoding: 'base64', body: Buffer.from(bytes).toString('base64') };
}

export function inputBytes(recording: Recording): Uint8Array {
  const { encoding, body } = recording.input;
  return encoding === 'utf8' ? new TextEncoder().encode(body) : new Uint8Array(Buffer.from(body, 'base64'));
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Problems that make a recording unusable, beyond its shape: the input must be what it claims. */
export function recordingProblems(recording: Recording): string[] {
  const bytes = inputBytes(recording);
  const problems: string[] = [];
  if (bytes.byteLength !== recording.input.size) problems.push(`input.size: ${recording.input.size} recorded, the body holds ${bytes.byteLength} bytes`);
  const actual = sha256Hex(bytes);
  if (actual !== recording.input.sha256) problems.push(`input.sha256: recorded ${recording.input.sha256}, the body hashes to ${actual}`);
  return problems;
}

export function parseRecording(value: unknown): { ok: true; recording: Recording } | { ok: false; problems: string[] } {
  const parsed = recordingSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(recording)'}: ${i.message}`) };
  const problems = recordingProblems(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, recording: parsed.data };
}

export function readRecording(path: string): Recording {
  const parsed = parseRecording(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(`${path} is not a usable recording: ${parsed.problems.join('; ')}`);
  return parsed.recording;
}

export function writeRecording(path: string, recording: Recording): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(recording, null, 2)}\n`);
}
