import { randomBytes } from 'node:crypto';
import { AS_NEW_REPLAY_PREFIX, REPLAY_NAME_PATTERN } from '#events/replay-name.js';

export class ReplayNameError extends Error {
  override readonly name = 'ReplayNameError';
}

/**
 * The name a replay goes by, stamped on every event it re-drives (`replay-name`). Given names are
 * checked against EventBridge's rules; an as-new replay's name carries the prefix the experience
 * manager reads as "start again under a fresh id".
 */
export function replayNameFor(options: { name?: string; asNew: boolean; now: Date }): string {
  const stamp = options.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const base = options.name ?? `replay-${stamp}-${randomBytes(2).toString('hex')}`;
  const name = options.asNew && !base.startsWith(AS_NEW_REPLAY_PREFIX) ? `${AS_NEW_REPLAY_PREFIX}${base}` : base;
  if (!options.asNew && name.startsWith(AS_NEW_REPLAY_PREFIX))
    throw new ReplayNameError(
      `replay name "${name}" starts with "${AS_NEW_REPLAY_PREFIX}", which asks for fresh journeys: pass --as-new, or choose another name`,
    );
  if (!REPLAY_NAME_PATTERN.test(name))
    throw new ReplayNameError(`replay name "${name}" must be 1-64 characters of letters, digits, ".", "-" and "_" (EventBridge's rule)`);
  return name;
}
