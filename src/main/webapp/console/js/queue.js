import * as api from './api.js';
import {formatDate, h} from './dom.js';

// The server groups the queue (GET /api/manage/queue, one request); the console names its sections.
const TITLES = {
    'awaiting-review': 'Awaiting clinical review',
    'changes-requested': 'Changes requested',
    // Published entries by review currency, as the server judges it: most urgent first.
    're-review-pending': 'Published, re-review pending (a linked red flag changed)',
    'overdue': 'Published, clinical review overdue',
    'due-soon': 'Published, clinical review due soon',
    'ready-to-publish': 'Clinically reviewed, ready to publish',
    'drafts': 'Drafts'
};

/** The editorial queue: entries in each workflow section, of every content type. */
export async function queueView() {
    const [types, queue] = await Promise.all([api.types(), api.queue()]);
    const titles = Object.fromEntries(types.map(({plural, title}) => [plural, title]));
    const sections = queue.sections.map(section => ({
        id: section.id, title: TITLES[section.id] || section.id, total: section.total,
        entries: section.items.map(entry => {
            const plural = entry.self.split('/')[3];
            return {...entry, plural, typeTitle: titles[plural] || entry.type};
        })
    }));
    return {
        title: 'Review queue',
        content: [h('h1', {id: 'page-title', tabindex: '-1'}, 'Review queue'), sections.map(queueSection)]
    };
}

function queueSection({id, title, total, entries}) {
    const count = total > entries.length ? `(${entries.length} of ${total} shown)` : `(${total})`;
    return h('section', {class: 'panel queue', id, 'aria-labelledby': `${id}-title`},
        h('h2', {id: `${id}-title`}, title, ' ', h('span', {class: 'count'}, count)),
        entries.length === 0 ? h('p', {class: 'empty'}, 'Nothing here.') : h('table', {},
            h('thead', {}, h('tr', {},
                h('th', {scope: 'col'}, 'Entry'), h('th', {scope: 'col'}, 'Type'),
                h('th', {scope: 'col'}, 'Revision'), h('th', {scope: 'col'}, 'Last changed'),
                h('th', {scope: 'col'}, 'Next review due'))),
            h('tbody', {}, entries.map(entry => h('tr', {},
                h('td', {}, h('a', {href: `#/entry/${entry.plural}/${encodeURIComponent(entry.slug)}`}, entry.slug),
                    entry.sample ? h('span', {class: 'badge sample'}, 'sample') : null),
                h('td', {}, entry.typeTitle),
                h('td', {}, String(entry.latestRevision)),
                h('td', {}, formatDate(entry.updatedAt)),
                h('td', {class: 'next-review'}, entry.currency ? entry.currency.nextReviewDue : '—'))))));
}
