import * as api from './api.js';
import {renderDiff} from './diff.js';
import {errorSlot, formatDate, h, problem, replace, showProblem, stateBadge} from './dom.js';
import {renderPreview} from './preview.js';

/**
 * An entry's revisions: any one shown as readers would see it, a diff between any two, and (when the server allows
 * the caller to edit the entry now) a revision restored as a new draft. go(hash, message) shows a screen and says why.
 */
export async function historyView({plural, slug, go}) {
    const [entry, revisions, schemas] = await Promise.all([api.entry(plural, slug), api.revisions(plural, slug),
        api.schemas().catch(() => ({}))]);
    const title = `History of ${entry.content.title || slug}`;
    const mayRestore = (entry.allowedActions ?? []).includes('edit'); // restoring is an edit, as the server judges it
    const viewer = h('section', {class: 'panel', id: 'revision-view', 'aria-labelledby': 'revision-view-title'},
        h('h2', {id: 'revision-view-title', tabindex: '-1'}, 'A revision as readers would see it'),
        h('p', {class: 'empty'}, 'Choose “View” beside a revision.'));
    const diffPanel = h('div', {id: 'history-diff'});
    const errors = errorSlot();
    const newest = revisions.reduce((max, r) => Math.max(max, r.number), 0);

    async function view(number) {
        try {
            const revision = await api.revision(plural, slug, number);
            const html = await api.markdownFields(plural, revision.content);
            replace(viewer, h('h2', {id: 'revision-view-title', tabindex: '-1'}, `Revision ${number} as readers would see it`),
                renderPreview({type: entry.type, content: revision.content, html, review: null}, schemas));
        } catch (error) {
            replace(viewer, h('h2', {id: 'revision-view-title', tabindex: '-1'}, `Revision ${number}`), problem(error));
        }
        viewer.querySelector('h2').focus();
    }

    async function restore(number) {
        showProblem(errors, null);
        try {
            const restored = await api.restore(plural, slug, number, entry.etag);
            await go(`#/history/${plural}/${encodeURIComponent(slug)}`,
                `Restored revision ${number} as revision ${restored.latestRevision}, a ${restored.state.replaceAll('-', ' ')}.`);
        } catch (error) {
            showProblem(errors, error);
            errors.querySelector('.problem')?.setAttribute('tabindex', '-1');
            errors.querySelector('.problem')?.focus();
        }
    }

    const choose = (id, text, selected) => {
        const select = h('select', {id}, revisions.map(r => h('option', {value: r.number, selected: r.number === selected}, `Revision ${r.number}`)));
        return h('div', {class: 'form-field inline'}, h('label', {for: id}, text), select);
    };
    const compare = h('form', {id: 'compare-form', class: 'compare', onsubmit: async event => {
        event.preventDefault();
        const from = Number(compare.querySelector('#diff-from').value);
        const to = Number(compare.querySelector('#diff-to').value);
        try {
            const diff = await api.diffBetween(plural, slug, from, to);
            replace(diffPanel, h('h3', {id: 'history-diff-title', tabindex: '-1'}, `Changes from revision ${from} to ${to}`),
                from === to ? h('p', {class: 'empty'}, 'The same revision: nothing differs.') : renderDiff(diff));
        } catch (error) {
            replace(diffPanel, problem(error));
        }
        diffPanel.querySelector('h3')?.focus();
    }}, choose('diff-from', 'From', Math.max(1, newest - 1)), choose('diff-to', 'To', newest),
    h('button', {type: 'submit', class: 'secondary', id: 'compare'}, 'Compare'));

    return {title, content: [
        h('h1', {id: 'page-title', tabindex: '-1'}, title),
        h('p', {class: 'facts-line'}, h('code', {}, slug), ' – ', h('span', {id: 'entry-state'}, stateBadge(entry.state)),
            ` – latest revision ${entry.latestRevision}${entry.publishedRevision ? `, published revision ${entry.publishedRevision}` : ''}. `,
            h('a', {href: `#/entry/${plural}/${encodeURIComponent(slug)}`}, 'Back to the entry')),
        errors,
        h('section', {class: 'panel', id: 'revisions', 'aria-labelledby': 'revisions-title'},
            h('h2', {id: 'revisions-title'}, 'Revisions'),
            h('table', {},
                h('thead', {}, h('tr', {}, ['Revision', 'By', 'Saved', 'Change note', 'Actions'].map(t => h('th', {scope: 'col'}, t)))),
                h('tbody', {}, revisions.slice().reverse().map(r => h('tr', {'data-revision': r.number},
                    h('th', {scope: 'row'}, `${r.number}`, r.number === entry.publishedRevision ? h('span', {class: 'badge'}, ' published') : null),
                    h('td', {}, r.author),
                    h('td', {}, formatDate(r.createdAt)),
                    h('td', {}, r.changeNote ?? '—'),
                    h('td', {class: 'row-actions'},
                        h('button', {type: 'button', class: 'secondary small', id: `view-${r.number}`, onclick: () => view(r.number)},
                            'View', h('span', {class: 'visually-hidden'}, ` revision ${r.number}`)),
                        mayRestore && r.number !== entry.latestRevision ? h('button', {type: 'button', class: 'secondary small',
                            id: `restore-${r.number}`, onclick: () => restore(r.number)},
                        'Restore as a new draft', h('span', {class: 'visually-hidden'}, `: revision ${r.number}`)) : null)))))),
        h('section', {class: 'panel', id: 'compare-panel', 'aria-labelledby': 'compare-title'},
            h('h2', {id: 'compare-title'}, 'Compare two revisions'), compare, diffPanel),
        viewer]};
}
