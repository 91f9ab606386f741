/**
 * Replay reaches a stage's bus through the one stage target; kept here only so the replay
 * command's imports resolve while it moves to #local/stage directly.
 */
export { cloudTarget, eventBridgeClient } from '#local/stage/cloud-target.js';
export { stageBusName } from '#local/stage/stage-names.js';
