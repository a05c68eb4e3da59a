import * as api from './api.js';
import {renderDiff} from './diff.js';
import {errorSlot, field, h, pathLabel, replace, showProblem, stateBadge} from './dom.js';
import {contentForm} from './form.js';
import * as unsaved from './unsaved.js';

/**
 * Creating (no slug) or editing an entry in a form generated from its type's schema. A save sends If-Match with the
 * ETag the form was loaded with; a 412 shows what changed on the server beside the author's own changes and lets them
 * carry theirs over onto the newest revision. go(hash, message) shows another screen and says what happened.
 */
export async function editorView({plural, slug, types, go}) {
    const [model, entry] = await Promise.all([api.editingSchema(plural), slug ? api.entry(plural, slug) : null]);
    const typeTitle = types.find(t => t.plural === plural)?.title ?? plural;
    const title = slug ? `Edit ${entry.content.title || slug}` : `New ${typeTitle.toLowerCase()}`;
    let base = {etag: entry?.etag, content: entry?.content ?? {}, revision: entry?.latestRevision};
    let form = null;
    let loaded = null;
    const holder = h('div', {class: 'form-holder'});
    const summary = h('div', {class: 'summary-slot'});
    const conflict = h('div', {class: 'conflict-slot'});
    const errors = errorSlot();
    const changeNote = h('input', {type: 'text', name: 'changeNote', maxlength: 500});
    const save = h('button', {type: 'submit', class: 'primary', id: 'save'}, slug ? 'Save a new revision' : 'Create the draft');

    /** Shows the form with this content; dirty: it already differs from what the server holds (changes carried over). */
    function show(content, dirty = false) {
        form = contentForm(model, content, {lockSlug: Boolean(slug)});
        loaded = dirty ? null : JSON.stringify(form.read());
        replace(holder, form.element);
    }
    show(base.content);
    unsaved.watch(() => form !== null && JSON.stringify(form.read()) !== loaded);

    async function submit(event) {
        event.preventDefault();
        save.disabled = true;
        showProblem(errors, null);
        replace(summary);
        form.showViolations([]);
        const content = form.read();
        const note = changeNote.value.trim() || undefined;
        try {
            const saved = slug ? await api.edit(plural, slug, base.etag, content, note) : await api.create(plural, content, note);
            unsaved.release();
            await go(`#/entry/${plural}/${encodeURIComponent(saved.slug)}`,
                slug ? `Saved revision ${saved.latestRevision}.` : `Created ${saved.slug}: revision 1, a draft.`);
        } catch (error) {
            if (error.status === 412 && slug) {
                await showConflict(content);
            } else {
                const list = form.showViolations(error.problem?.violations ?? []);
                if (list) {
                    replace(summary, list);
                    list.focus();
                } else {
                    showProblem(errors, error);
                }
            }
        } finally {
            save.disabled = false;
        }
    }

    /** Someone saved since the form was loaded: their changes beside the author's, and a way to keep the author's. */
    async function showConflict(mine) {
        const latest = await api.entry(plural, slug);
        const diff = await api.diffBetween(plural, slug, base.revision, latest.latestRevision);
        const theirs = latest.content;
        const mineChanged = [...new Set([...Object.keys(mine), ...Object.keys(base.content)])]
            .filter(name => canonical(mine[name]) !== canonical(base.content[name]));
        const theirsChanged = new Set(diff.changes.map(c => c.field.split(/[.[]/)[0]));
        const carryOver = () => {
            const merged = {...theirs};
            mineChanged.forEach(name => mine[name] === undefined ? delete merged[name] : merged[name] = mine[name]);
            base = {etag: latest.etag, content: theirs, revision: latest.latestRevision};
            show(merged, true);
            replace(conflict, h('p', {class: 'note', id: 'carried-over', tabindex: '-1'},
                `Your changes are now on top of revision ${latest.latestRevision}. Check them, then save.`));
            conflict.firstChild.focus();
        };
        const discard = () => {
            base = {etag: latest.etag, content: theirs, revision: latest.latestRevision};
            show(theirs);
            replace(conflict, h('p', {class: 'note', id: 'carried-over', tabindex: '-1'},
                `The form now holds revision ${latest.latestRevision}; your changes were dropped.`));
            conflict.firstChild.focus();
        };
        const section = h('section', {class: 'panel conflict', id: 'conflict', 'aria-labelledby': 'conflict-title'},
            h('h2', {id: 'conflict-title', tabindex: '-1'},
                `${latest.latestRevision > base.revision ? `Revision ${latest.latestRevision} was saved` : 'The entry changed'} while you were editing revision ${base.revision}`),
            h('p', {}, 'Nothing was saved and nothing of yours is lost. Compare, then keep your changes on top of the newest revision, or drop them.'),
            h('div', {class: 'review-grid'},
                h('section', {class: 'panel', id: 'conflict-theirs', 'aria-labelledby': 'theirs-title'},
                    h('h3', {id: 'theirs-title'}, `Changed on the server (revision ${diff.from} to ${diff.to})`), renderDiff(diff),
                    h('p', {}, 'State now: ', stateBadge(latest.state))),
                h('section', {class: 'panel', id: 'conflict-mine', 'aria-labelledby': 'mine-title'},
                    h('h3', {id: 'mine-title'}, 'Your changes'),
                    mineChanged.length === 0 ? h('p', {class: 'empty'}, 'You changed nothing.')
                        : h('ol', {class: 'diff'}, mineChanged.map(name => h('li', {class: 'change', 'data-field': name},
                            h('p', {class: 'change-head'}, h('span', {class: 'change-field'}, pathLabel(name)),
                                theirsChanged.has(name) ? h('span', {class: 'badge due'}, ' also changed on the server: yours replaces it') : null),
                            h('p', {class: 'change-body'}, mine[name] === undefined ? h('del', {}, 'removed')
                                : h('ins', {}, typeof mine[name] === 'string' ? mine[name] : JSON.stringify(mine[name])))))))),
            h('div', {class: 'form-actions'},
                h('button', {type: 'button', class: 'primary', id: 'carry-over', onclick: carryOver},
                    `Put my changes on revision ${latest.latestRevision}`),
                h('button', {type: 'button', class: 'secondary', id: 'discard-mine', onclick: discard},
                    `Drop my changes and load revision ${latest.latestRevision}`)));
        replace(conflict, section);
        section.querySelector('h2').focus();
    }

    const back = slug ? `#/entry/${plural}/${encodeURIComponent(slug)}` : '#/';
    return {title, content: [
        h('h1', {id: 'page-title', tabindex: '-1'}, title),
        slug ? h('p', {class: 'facts-line'}, `${typeTitle} `, h('code', {}, slug), ' – ', h('span', {id: 'entry-state'}, stateBadge(entry.state)),
            ` – editing revision ${entry.latestRevision}; saving makes revision ${entry.latestRevision + 1}. `,
            h('a', {href: `#/history/${plural}/${encodeURIComponent(slug)}`}, 'History'))
            : h('p', {class: 'hint'}, `The form follows the ${typeTitle.toLowerCase()} content model. A draft needs only ${model.draftRequired.join(' and ')}; `
                + 'fields marked “needed to submit” must be filled before clinical review.'),
        summary,
        conflict,
        h('form', {id: 'entry-form', class: 'panel entry-form', novalidate: true, 'aria-labelledby': 'page-title', onsubmit: submit},
            holder,
            field('change-note', 'Change note (optional)', changeNote, 'What changed and why, for the reviewer.'),
            errors,
            h('div', {class: 'form-actions'}, save, h('a', {href: back, class: 'cancel'}, 'Cancel')))]};
}

/** JSON with object keys sorted: the server stores fields by name, the form holds them in the schema's order. */
const canonical = value => JSON.stringify(value, (key, v) => v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).sort().map(k => [k, v[k]])) : v);

/** #/new: the content types an author can create, each a link to its empty form. */
export async function newEntryView({types}) {
    return {title: 'New entry', content: [
        h('h1', {id: 'page-title', tabindex: '-1'}, 'New entry'),
        h('section', {class: 'panel'}, h('p', {}, 'Choose what to write; the form comes from the content model.'),
            h('ul', {class: 'type-list'}, types.map(type => h('li', {},
                h('a', {href: `#/new/${type.plural}`, id: `new-${type.plural}`}, type.title)))))]};
}
