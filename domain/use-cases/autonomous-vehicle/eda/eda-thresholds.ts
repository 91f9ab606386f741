/**
 * Thresholds the EDA adds to the use case's own (shared/thresholds.ts): what counts as a harsh
 * manoeuvre, and how much per-vehicle detail to keep.
 */

/** ~0.3 g forward: the usual telematics cut-off for harsh acceleration. */
export const HARSH_ACCELERATION_MPS2 = 3;
/** A jerk beyond this (m/s³) is an abrupt change of pedal, well past passenger comfort (~2 m/s³). */
export const ABRUPT_JERK_MPS3 = 10;
/** Rates per 1,000 km over less distance than this would be noise, so they are not given. */
export const MIN_DISTANCE_FOR_RATES_KM = 1;
/** Vehicles analysed one by one; any beyond are counted but not broken down, to keep memory bounded. */
export const MAX_VEHICLES = 500;
/** Anomalies listed with their row in anomalies.json; the rest are counted. */
export const MAX_LISTED_ANOMALIES = 200;
