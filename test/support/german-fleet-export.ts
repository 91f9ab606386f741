/**
 * A German fleet export: semicolons, decimal commas, mph, and a speed and an acceleration whose
 * names the resolver cannot place, so only a declared mapping can run it.
 */
export function germanFleetExport(rows: number): string {
  const lines = ['Zeitstempel;Fahrzeug;v_mph;a_long;Breite;Laenge;Kilometerstand'];
  for (let i = 0; i < rows; i++) {
    const time = new Date(Date.UTC(2026, 10, 3, 8, 0, i)).toISOString();
    // 20 mph is 8.94 m/s: about 0.0000803° of latitude a second.
    lines.push(`${time};WOB-1;20,0;0,1;${(52.42 + i * 0.0000803).toFixed(7).replace('.', ',')};10,7865;${(12000 + i * 0.009).toFixed(3)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The mapping that runs it, as `--map` arguments take it. */
export const GERMAN_FLEET_MAP = ['time=Zeitstempel', 'vehicle=Fahrzeug', 'speed=v_mph:mph', 'acceleration=a_long', 'latitude=Breite', 'longitude=Laenge'];
