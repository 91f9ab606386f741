import type { TestPlan } from './build-test-plan.js';
import { PRIORITIES, type TestScenario } from './test-scenario.js';
import { formatCount } from '../numbers/format-number.js';
import { capitalised } from './wording.js';

/** The plan as a document a test engineer reads: counts first, then a table per priority. */
export function renderTestPlanMarkdown(plan: TestPlan): string {
  const { totals, byPriority, conditionSpace } = plan;
  const lines = [
    '# Autonomous-vehicle test plan',
    '',
    `Derived from ${formatCount(totals.samples)} telemetry samples of ${totals.vehicles} vehicle${totals.vehicles === 1 ? '' : 's'}` +
      ` with ${formatCount(totals.hardBrakingEvents)} hard-braking event${totals.hardBrakingEvents === 1 ? '' : 's'}.`,
    '',
    `**${totals.scenarios} scenarios**: ${PRIORITIES.map((p) => `${byPriority[p]} ${p}`).join(', ')}.`,
    '',
    'Operating conditions considered:',
    '',
    `- speed bands (km/h): ${conditionSpace.speedBands.join(', ')}`,
    `- road types: ${conditionSpace.roadTypes.join(', ')}`,
    `- weather: ${conditionSpace.weathers.join(', ')}`,
    `- time of day: ${conditionSpace.timesOfDay.join(', ')}`,
  ];
  if (plan.notRecorded.length > 0) {
    lines.push('', 'Not recorded in the file:', '', ...plan.notRecorded.map((n) => `- ${n.field}: ${n.withoutIt}`));
  }
  if (plan.rules.hardBrakingContextsLeftOut > 0) {
    lines.push('', `${plan.rules.hardBrakingContextsLeftOut} further hard-braking context(s) are not listed; see hard-braking-events.json.`);
  }
  for (const priority of PRIORITIES) {
    const scenarios = plan.scenarios.filter((s) => s.priority === priority);
    if (scenarios.length === 0) continue;
    lines.push('', `## ${capitalised(priority)} (${scenarios.length})`, '', '| ID | Scenario | Conditions | Rationale |', '| --- | --- | --- | --- |');
    for (const s of scenarios) lines.push(`| ${s.id} | ${cell(s.title)} | ${cell(conditionsText(s))} | ${cell(s.rationale)} |`);
  }
  return `${lines.join('\n')}\n`;
}

function conditionsText(scenario: TestScenario): string {
  const c = scenario.conditions;
  return [
    c.speedBand && `speed ${c.speedBand} km/h`,
    c.roadType && `road ${c.roadType}`,
    c.weather && `weather ${c.weather}`,
    c.timeOfDay && `time ${c.timeOfDay}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Values come from the uploaded file; a stray pipe or newline must not break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
