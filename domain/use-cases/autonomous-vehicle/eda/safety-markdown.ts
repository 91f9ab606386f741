import { formatCount, formatNumber } from '#domain/insights/index.js';
import { SAFETY_EVENT_LABELS, SAFETY_EVENTS, type SafetyReport } from './safety-events.js';

/** The safety report as a short Markdown table, for a ticket or a pull request. */
export function safetyMarkdown(s: SafetyReport, fileName: string): string {
  const rate = (x: number | null) => (x === null ? '–' : formatNumber(x));
  const lines = [
    `# Safety report: ${fileName}`,
    '',
    `${formatNumber(s.fleet.distanceKm)} km driven by ${s.vehicles.length} vehicle(s). Events per 1,000 km:`,
    '',
    `| vehicle | km | ${SAFETY_EVENTS.map((e) => SAFETY_EVENT_LABELS[e]).join(' | ')} |`,
    `|---|---:|${SAFETY_EVENTS.map(() => '---:').join('|')}|`,
    ...s.vehicles.map(
      (v) =>
        `| ${v.vehicleId} | ${formatNumber(v.distanceKm)} | ${SAFETY_EVENTS.map((e) => `${rate(v.per1000Km[e])} (${formatCount(v.events[e])})`).join(' | ')} |`,
    ),
    `| **fleet** | ${formatNumber(s.fleet.distanceKm)} | ${SAFETY_EVENTS.map((e) => `${rate(s.fleet.per1000Km[e])} (${formatCount(s.fleet.events[e])})`).join(' | ')} |`,
    '',
    'Counts of events in brackets; "–" where the distance is too short for a rate.',
  ];
  return `${lines.join('\n')}\n`;
}
