import * as api from './api.js';
import {formatDate, h} from './dom.js';

const SECTIONS = [
    {id: 'awaiting-review', title: 'Awaiting clinical review', state: 'in-review'},
    {id: 'changes-requested', title: 'Changes requested', state: 'changes-requested'},
    // Published entries by review currency, as the server judges it (?currency=): most urgent first.
    {id: 're-review-pending', title: 'Published, re-review pending (a linked red flag changed)', currency: 're-review-pending'},
    {id: 'overdue', title: 'Published, clinical review overdue', currency: 'overdue'},
    {id: 'due-soon', title: 'Published, clinical review due soon', currency: 'due-soon'},
    {id: 'ready-to-publish', title: 'Clinically reviewed, ready to publish', state: 'clinically-reviewed'},
    {id: 'drafts', title: 'Drafts', state: 'draft'}
];

/** The editorial queue: entries in each workflow section, of every content type. */
export async function queueView() {
    const types = await api.types();
    const sections = await Promise.all(SECTIONS.map(async section => {
        const lists = await Promise.all(types.map(async ({plural, title}) =>
            (await (section.currency ? api.listByCurrency(plural, section.currency) : api.list(plural, section.state)))
                .map(entry => ({...entry, plural, typeTitle: title}))));
        return {...section, entries: lists.flat()};
    }));
    return {
        title: 'Review queue',
        content: [h('h1', {id: 'page-title', tabindex: '-1'}, 'Review queue'), sections.map(queueSection)]
    };
}

function queueSection({id, title, entries}) {
    return h('section', {class: 'panel queue', id, 'aria-labelledby': `${id}-title`},
        h('h2', {id: `${id}-title`}, title, ' ', h('span', {class: 'count'}, `(${entries.length})`)),
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
