import {fieldLabel, h} from './dom.js';

const NOT_SHOWN = new Set(['title', 'slug', 'locale', 'summary', 'provenance', 'sample']); // provenance: beside each field
// The order of content-model/schemas: stored content comes with its fields sorted by name.
const ORDER = {
    'exercise': ['purpose', 'equipment', 'startingPosition', 'steps', 'dosage', 'bodyRegions', 'stages', 'modifications',
        'cautions', 'stopRules', 'contraindications', 'conditions', 'warnings', 'media', 'topics', 'sources'],
    'condition': ['alsoKnownAs', 'whereFelt', 'symptoms', 'aggravatedBy', 'easedBy', 'differentials', 'riskFactors', 'causes',
        'selfManagement', 'whenToSeekCare', 'exercises', 'warnings', 'media', 'topics', 'sources'],
    'warning': ['symptomPattern', 'stages', 'gestationalWeeks', 'urgency', 'action', 'conditions', 'exercises', 'topics', 'sources'],
    'podcast-episode': ['show', 'seriesTitle', 'seriesPart', 'episodeNumber', 'publishedOn', 'durationSeconds', 'audioUrl',
        'pageUrl', 'hosts', 'guests', 'showNotes', 'keyPoints', 'chapters', 'transcript', 'conditions', 'topics', 'sources']
};

/** A delivered entry ({content, html, review}) laid out as a reader would see it. */
export function renderPreview(delivered) {
    const {type, content, html, review} = delivered;
    const order = ORDER[type] ?? [];
    const rank = name => order.includes(name) ? order.indexOf(name) : order.length;
    return h('article', {class: 'reader-view', 'aria-labelledby': 'reader-title'},
        review?.notice ? h('p', {class: 'notice'}, review.notice) : null,
        h('h3', {id: 'reader-title'}, content.title),
        content.summary ? h('p', {class: 'lead'}, content.summary) : null,
        Object.entries(content).filter(([name]) => !NOT_SHOWN.has(name)).sort(([a], [b]) => rank(a) - rank(b)).map(([name, value]) =>
            h('section', {class: 'reader-field', 'data-field': name},
                h('h4', {}, fieldLabel(name)),
                provenanceOf(content, name),
                view(value, name, html))));
}

/** Where a field's text comes from (content.provenance): "editorial" or "source: <citation>", with the editor's note. */
function provenanceOf(content, name) {
    const marks = (content.provenance ?? []).filter(p => p.field === name || p.field.startsWith(`${name}[`) || p.field.startsWith(`${name}.`));
    if (!marks.length) {
        return null;
    }
    const cited = i => {
        const source = content.sources?.[i];
        return source ? source.title + (source.dated ? ' (dated)' : '') : `citation ${i + 1} (missing)`;
    };
    return h('ul', {class: 'provenance'}, marks.map(p => h('li', {class: `provenance-${p.basis}`, 'data-basis': p.basis, 'data-path': p.field},
        p.field === name ? '' : `${p.field}: `,
        h('span', {class: 'provenance-mark'}, p.basis === 'editorial' ? 'editorial' : `source: ${(p.citations ?? []).map(cited).join('; ')}`),
        p.note ? ` ${p.note}` : '')));
}

function view(value, path, html) {
    if (typeof html[path] === 'string') {
        const markdown = h('div', {class: 'markdown'});
        markdown.innerHTML = html[path]; // rendered from Markdown and sanitised by the server (OWASP policy)
        return markdown;
    }
    if (Array.isArray(value)) {
        return h('ul', {}, value.map((item, i) => h('li', {}, view(item, `${path}[${i}]`, html))));
    }
    if (value !== null && typeof value === 'object') {
        return h('dl', {}, Object.entries(value).map(([name, item]) =>
            [h('dt', {}, fieldLabel(name)), h('dd', {}, view(item, `${path}.${name}`, html))]));
    }
    return h('span', {}, typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value));
}
