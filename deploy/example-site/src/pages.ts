// HTML pages of the example site: one per exercise and condition. The linked red flags come first, at their urgency;
// the review block says when the page was last reviewed and is next due; sample content carries a banner.
import type { Citation, DeliveredCondition, DeliveredExercise, DeliveredWarning, Review, Urgency } from './client.js';

/** Most urgent first: the order red flags are shown in. */
const URGENCIES: readonly Urgency[] = ['emergency', 'urgent-same-day', 'contact-provider', 'routine'];
const URGENCY_LABELS: Record<Urgency, string> = {
  'emergency': 'Emergency',
  'urgent-same-day': 'Urgent: same day',
  'contact-provider': 'Contact your midwife or doctor',
  'routine': 'Mention at your next appointment',
};

/** The site's one stylesheet (site.css): pages have no inline style. */
export const STYLESHEET = `body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1b; line-height: 1.5; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
.sample-banner { background: #fff3cd; border-bottom: 3px solid #b8860b; padding: .75rem 1.5rem; font-weight: 600; text-align: center; }
.red-flags { border: 3px solid #b00020; border-radius: 6px; padding: .5rem 1rem; margin: 1.5rem 0; background: #fff5f5; }
.red-flags h2 { color: #b00020; margin-top: .25rem; }
.red-flags ul { list-style: none; padding: 0; }
.red-flag { border-left: 8px solid #888; padding: .25rem .75rem; margin: .75rem 0; background: #fff; }
.red-flag h3 { margin: .25rem 0; }
.red-flag .urgency { font-weight: 700; text-transform: uppercase; letter-spacing: .03em; margin: 0; }
.urgency-emergency { border-left-color: #b00020; }
.urgency-emergency .urgency { color: #b00020; }
.urgency-urgent-same-day { border-left-color: #d9480f; }
.urgency-urgent-same-day .urgency { color: #d9480f; }
.urgency-contact-provider { border-left-color: #1c5fa8; }
.urgency-routine { border-left-color: #5a6b7b; }
.review { border-top: 1px solid #ccc; margin-top: 2rem; color: #444; font-size: .95rem; }
.sources ol { padding-left: 1.25rem; }
`;

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function exercisePage(exercise: DeliveredExercise): string {
  const c = exercise.content;
  const body = `
<p class="summary">${escape(c.summary)}</p>
${redFlags(exercise.included?.warnings ?? [])}
<section><h2>Why</h2>${exercise.html['purpose'] ?? ''}</section>
<section><h2>Starting position</h2><p>${escape(c.startingPosition)}</p></section>
<section><h2>Steps</h2><ol class="steps">${c.steps.map(step => `<li>${escape(step)}</li>`).join('')}</ol></section>
<section><h2>How much</h2><p class="dosage">${escape(dosage(c.dosage))}</p></section>
<section><h2>Stages</h2><ul class="stages">${c.stages.map(s => `<li>${escape(s.stage)}${s.note ? `: ${escape(s.note)}` : ''}</li>`).join('')}</ul></section>
<section><h2>Stop if</h2><ul class="stop-rules">${c.stopRules.map(rule => `<li>${escape(rule)}</li>`).join('')}</ul></section>
${related('Conditions it helps', 'conditions', exercise.included?.conditions ?? [])}`;
  return page(c.title, exercise.sample, exercise.review, body, c.sources);
}

export function conditionPage(condition: DeliveredCondition): string {
  const c = condition.content;
  const body = `
<p class="summary">${escape(c.summary)}</p>
${redFlags(condition.included?.warnings ?? [])}
<section><h2>Where it is felt</h2>${condition.html['whereFelt'] ?? ''}</section>
<section><h2>Symptoms</h2><ul>${c.symptoms.map(s => `<li>${escape(s)}</li>`).join('')}</ul></section>
<section><h2>What helps</h2><ul>${c.selfManagement.map(s => `<li>${escape(s)}</li>`).join('')}</ul></section>
<section><h2>When to seek care</h2>${condition.html['whenToSeekCare'] ?? ''}</section>
${related('Exercises', 'exercises', condition.included?.exercises ?? [])}`;
  return page(c.title, condition.sample, condition.review, body, c.sources);
}

function redFlags(warnings: DeliveredWarning[]): string {
  if (warnings.length === 0) {
    return '';
  }
  const sorted = [...warnings].sort((a, b) => URGENCIES.indexOf(a.content.urgency) - URGENCIES.indexOf(b.content.urgency));
  const items = sorted.map(w => {
    const route = w.careRoute?.options
      .map(o => o.phone ? `<a href="tel:${escape(o.phone)}">${escape(o.label)}</a>` : o.url ? `<a href="${escape(o.url)}">${escape(o.label)}</a>` : escape(o.label))
      .join(' or ');
    return `<li class="red-flag urgency-${escape(w.content.urgency)}" data-urgency="${escape(w.content.urgency)}">
  <p class="urgency">${escape(URGENCY_LABELS[w.content.urgency])}</p>
  <h3>${escape(w.content.title)}</h3>
  <p>${escape(w.content.summary)}</p>
  <p class="action"><strong>What to do:</strong> ${escape(w.content.action)}</p>
  ${route ? `<p class="care-route">Where: ${route}</p>` : ''}
</li>`;
  }).join('\n');
  return `<section class="red-flags" aria-labelledby="red-flags-title">
<h2 id="red-flags-title">Stop and get help if</h2>
<ul>${items}</ul>
</section>`;
}

function related(title: string, folder: string, entries: { slug: string; content: { title: string } }[]): string {
  if (entries.length === 0) {
    return '';
  }
  const items = entries.map(e => `<li><a href="../${folder}/${encodeURIComponent(e.slug)}.html">${escape(e.content.title)}</a></li>`);
  return `<section><h2>${escape(title)}</h2><ul class="related">${items.join('')}</ul></section>`;
}

function dosage(d: DeliveredExercise['content']['dosage']): string {
  if (d.sourceGivesNone) {
    return 'The sources give no dosage.';
  }
  const parts: string[] = [];
  if (d.reps) parts.push(`${d.reps.min}-${d.reps.max} repetitions`);
  if (d.holdSeconds) parts.push(`hold ${d.holdSeconds.min}-${d.holdSeconds.max} seconds`);
  if (d.breaths) parts.push(`${d.breaths.min}-${d.breaths.max} breaths`);
  if (d.sets) parts.push(`${d.sets} sets`);
  if (d.perSide) parts.push('each side');
  if (d.frequency) parts.push(d.frequency);
  return parts.join(', ');
}

function page(title: string, sample: boolean, review: Review, body: string, sources: Citation[]): string {
  const banner = sample || review.status === 'sample-not-clinically-reviewed'
    ? '<div class="sample-banner" role="note">Sample content: this page has not been clinically reviewed. Do not use it for care decisions.</div>'
    : '';
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="stylesheet" href="../site.css">
</head>
<body>
${banner}
<main>
<h1>${escape(title)}</h1>
${body}
${sourceList(sources)}
${reviewBlock(review)}
</main>
</body>
</html>
`;
}

function sourceList(sources: Citation[]): string {
  const items = sources.map(s => {
    const title = s.url ? `<a href="${escape(s.url)}">${escape(s.title)}</a>` : escape(s.title);
    return `<li>${title}, ${escape(s.publisher)}${s.publishedOn ? ` (${escape(s.publishedOn)})` : ''}</li>`;
  });
  return `<section class="sources"><h2>Sources</h2><ol>${items.join('')}</ol></section>`;
}

function reviewBlock(review: Review): string {
  const by = review.reviewedBy ? ` by ${escape(review.reviewedBy)}${review.credential ? `, ${escape(review.credential)}` : ''}` : '';
  return `<footer class="review">
<p>Page last reviewed: <time class="reviewed-on" datetime="${escape(review.reviewedOn ?? '')}">${escape(review.reviewedOn ?? 'not yet')}</time>${by}</p>
<p>Next review due: <time class="next-review-due" datetime="${escape(review.nextReviewDue ?? '')}">${escape(review.nextReviewDue ?? 'unknown')}</time></p>
</footer>`;
}
