// The typed client at work: exercises for one stage, then the first of them with its red flags and conditions.
//   node read.js --api http://localhost:8080/ --stage trimester-3
// Prints one line per fact it read; the integration test (FrontEndIT) checks them against the API.
import { parseArgs } from 'node:util';
import { SacrumClient } from './client.js';

const { values } = parseArgs({ options: { api: { type: 'string' }, stage: { type: 'string' } } });
if (!values.api || !values.stage) {
  console.error('usage: node read.js --api <Sacrum base URL> --stage <stage>');
  process.exit(2);
}
const client = new SacrumClient(values.api);
const list = await client.exercises({ stage: values.stage, sort: 'slug', size: 100 });
console.log(`exercises for ${values.stage}: ${list.total}`);
for (const item of list.items) {
  const stages = item.content.stages.map(s => s.stage);
  console.log(`exercise ${item.slug} stages=${stages.join(',')}`);
}
const first = list.items[0];
if (first) {
  const exercise = await client.exercise(first.slug, { include: 'warnings,conditions' });
  const c = exercise.content;
  console.log(`detail ${exercise.slug} title=${JSON.stringify(c.title)} steps=${c.steps.length} sets=${c.dosage.sets ?? '-'}`);
  console.log(`review ${exercise.review.status} reviewedOn=${exercise.review.reviewedOn} nextReviewDue=${exercise.review.nextReviewDue}`);
  for (const warning of exercise.included?.warnings ?? []) {
    console.log(`red-flag ${warning.slug} urgency=${warning.content.urgency} route=${warning.careRoute?.options.map(o => o.label).join('|') ?? '-'}`);
  }
  for (const condition of exercise.included?.conditions ?? []) {
    console.log(`condition ${condition.slug} title=${JSON.stringify(condition.content.title)}`);
  }
}
