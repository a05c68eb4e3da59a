import * as api from './api.js';
import {workflowActions} from './actions.js';
import {renderDiff} from './diff.js';
import {formatDate, h, pathLabel, problem, stateBadge} from './dom.js';
import {renderPreview} from './preview.js';

/** One entry under review: its facts, the clinician's comments, the reader's view beside the diff, and the actions. */
export async function entryView({plural, slug, me, done, reload}) {
    const [entry, revisions, diff, comments, preview, schemas, types] = await Promise.all([
        api.entry(plural, slug), api.revisions(plural, slug), api.diff(plural, slug), api.comments(plural, slug),
        api.preview(plural, slug).catch(error => ({error})), api.schemas().catch(() => ({})), api.types()
    ]);
    const latest = revisions.find(r => r.number === entry.latestRevision);
    const title = entry.content.title || slug;
    const changed = diff.changes.map(c => c.field);
    const fields = [...changed.map(path => ({path, changed: true})),
        ...Object.keys(entry.content).filter(name => !changed.includes(name)).map(path => ({path, changed: false}))];

    return {title, content: [
        h('h1', {id: 'page-title', tabindex: '-1'}, title),
        facts(types.find(type => type.plural === plural)?.title ?? plural, entry, latest, plural),
        comments.length ? commentList(comments) : null,
        h('div', {class: 'review-grid'},
            h('section', {class: 'panel', id: 'preview', 'aria-labelledby': 'preview-title'},
                h('h2', {id: 'preview-title'}, `Revision ${entry.latestRevision} as readers will see it`),
                preview.error ? problem(preview.error) : renderPreview(preview, schemas)),
            h('section', {class: 'panel', id: 'diff', 'aria-labelledby': 'diff-title'},
                h('h2', {id: 'diff-title'}, diff.from === diff.to ? 'Changes'
                    : `Changes from revision ${diff.from}${diff.from === entry.publishedRevision ? ' (published)' : ''} to ${diff.to}`),
                renderDiff(diff))),
        h('section', {class: 'panel', id: 'actions', 'aria-labelledby': 'actions-title'},
            h('h2', {id: 'actions-title'}, 'Workflow'),
            workflowActions({plural, slug, entry, me, fields, done, reload}))]};
}

function facts(typeTitle, entry, latest, plural) {
    const approval = entry.approval;
    const row = (term, ...value) => [h('dt', {}, term), h('dd', {}, ...value)];
    return h('dl', {class: 'facts'},
        row('Type', typeTitle, entry.sample ? h('span', {class: 'badge sample'}, 'sample content') : null),
        row('Slug', h('code', {}, entry.slug)),
        row('State', h('span', {id: 'entry-state'}, stateBadge(entry.state)),
            entry.dueForReview ? h('span', {class: 'badge due'}, 'due for clinical re-review') : null),
        row('Latest revision', `${entry.latestRevision}`, latest ? ` by ${latest.author}, ${formatDate(latest.createdAt)}` : '',
            latest?.changeNote ? h('span', {class: 'change-note'}, ` – “${latest.changeNote}”`) : null),
        row('Reading level', entry.readingLevel == null ? 'not computed (no English prose)'
            : `Flesch reading ease ${entry.readingLevel.fleschReadingEase} (${entry.readingLevel.band}), ${entry.readingLevel.words} words`,
            ` – review every ${entry.reviewIntervalMonths} months`),
        row('Published revision', entry.publishedRevision == null ? 'none' : `${entry.publishedRevision}`),
        row('History', h('a', {id: 'history-link', href: `#/history/${plural}/${encodeURIComponent(entry.slug)}`}, 'Revisions, diffs and restore')),
        entry.currency ? row('Review currency', h('span', {class: 'badge due', id: 'entry-currency'}, entry.currency.status),
            ` – next review due ${entry.currency.nextReviewDue}`,
            entry.currency.withdrawAfter ? `; withdrawn automatically after ${entry.currency.withdrawAfter} if not re-reviewed` : '') : null,
        row('Approval', approval == null ? 'none'
            : `revision ${approval.revision} by ${approval.printedName} (${approval.credential}), ${formatDate(approval.approvedAt)}; next review due ${approval.nextReviewDue}`));
}

function commentList(comments) {
    return h('section', {class: 'panel comments', id: 'comments', 'aria-labelledby': 'comments-title'},
        h('h2', {id: 'comments-title'}, 'Clinicians’ comments'),
        h('ul', {}, comments.map(c => h('li', {'data-field': c.field},
            h('p', {class: 'comment-field'}, c.field ? pathLabel(c.field) : 'The entry as a whole'),
            h('p', {class: 'comment-text'}, c.comment),
            h('p', {class: 'comment-by'}, `${c.reviewer}, on revision ${c.revision}, ${formatDate(c.createdAt)}`)))));
}
