/**
 * The numbers that decide what counts as bad data, a drive, a hard stop or thin coverage. They
 * live together so a reviewer can argue with them in one place.
 */

/** Fastest a road vehicle under test can plausibly go; above it the speed sensor is wrong. */
export const MAX_PLAUSIBLE_SPEED_KMH = 300;
/** ~1.5 g: beyond what tyres can transmit, so larger readings are sensor faults. */
export const MAX_PLAUSIBLE_ABS_ACCELERATION_MPS2 = 15;
/**
 * GPS fixes wander by tens of metres, so a position jump is only implausible once it exceeds
 * what the speed cap covers in the interval plus this allowance.
 */
export const GPS_JUMP_TOLERANCE_M = 50;

/** A silence longer than this between two samples of a vehicle ends its drive segment. */
export const SEGMENT_GAP_SECONDS = 60;
/** Below this the vehicle is standing still (GPS-derived speed is never exactly zero). */
export const STATIONARY_SPEED_KMH = 1;
/** Standing still at least this long is parking, not a traffic light: it ends the segment. */
export const LONG_STOP_SECONDS = 120;

/** Deceleration harder than this (m/s²) is a hard-braking sample; common fleet-telematics cut-off. */
export const HARD_BRAKING_MPS2 = -4;

/** A condition holding less than this share of the samples is sparsely covered. */
export const SPARSE_SHARE = 0.02;
/** ...or fewer samples than this, whatever the share (one minute of 1 Hz data). */
export const SPARSE_MIN_SAMPLES = 60;

/** Violations listed in a rejection; the rest are counted. */
export const MAX_LISTED_VIOLATIONS = 100;

/** Braking this hard (~0.7 g) is an emergency stop; replaying it is a critical test. */
export const EMERGENCY_BRAKING_MPS2 = -7;
/** Hard-braking contexts turned into replay scenarios; the rest are counted in the plan. */
export const MAX_REPLAY_SCENARIOS = 10;
