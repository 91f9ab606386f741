/** Bands of 30 km/h: roughly residential, urban arterial, rural road, motorway, fast motorway. */
export const SPEED_BANDS = ['0-30', '30-60', '60-90', '90-120', '120+'] as const;
export type SpeedBand = (typeof SPEED_BANDS)[number];

/** Lower bound inclusive, upper exclusive: 30 km/h falls in 30-60. */
export function speedBandOf(speedKmh: number): SpeedBand {
  const index = Math.min(SPEED_BANDS.length - 1, Math.max(0, Math.floor(speedKmh / 30)));
  return SPEED_BANDS[index]!;
}
