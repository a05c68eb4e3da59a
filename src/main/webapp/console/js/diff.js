import {h, pathLabel} from './dom.js';

// The server marks word changes as [-removed-] and {+added+}.
const MARKS = /\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g;

/** The field-level diff ({from, to, changes}) with removed and added words highlighted. */
export function renderDiff(diff) {
    if (diff.from === diff.to) {
        return h('p', {class: 'empty'}, 'This is the first revision: there is nothing earlier to compare it with.');
    }
    if (diff.changes.length === 0) {
        return h('p', {class: 'empty'}, `No field differs between revision ${diff.from} and revision ${diff.to}.`);
    }
    return h('ol', {class: 'diff'}, diff.changes.map(change =>
        h('li', {class: `change change-${change.change}`, 'data-field': change.field},
            h('p', {class: 'change-head'}, h('span', {class: 'change-field'}, pathLabel(change.field)), ' ', h('span', {class: 'change-kind'}, change.change)),
            h('p', {class: 'change-body'}, change.inline != null ? inline(change.inline) : whole(change)))));
}

function inline(marked) {
    const parts = [];
    let last = 0;
    for (const match of marked.matchAll(MARKS)) {
        parts.push(marked.slice(last, match.index));
        parts.push(match[1] !== undefined ? removed(match[1]) : added(match[2]));
        last = match.index + match[0].length;
    }
    parts.push(marked.slice(last));
    return parts;
}

function whole({from, to}) {
    return [from != null ? removed(show(from)) : null, from != null && to != null ? ' ' : null, to != null ? added(show(to)) : null];
}

const show = value => typeof value === 'string' ? value : JSON.stringify(value);

const removed = words => h('del', {}, h('span', {class: 'visually-hidden'}, 'removed: '), words);
const added = words => h('ins', {}, h('span', {class: 'visually-hidden'}, 'added: '), words);
