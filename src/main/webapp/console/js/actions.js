import * as api from './api.js';
import {errorSlot, field, h, label, pathLabel, showProblem} from './dom.js';

const STALE_RULES = new Set(['approval-names-revision', 'changes-name-revision']);

/** The form of each workflow action, in the order the console shows them. */
const FORMS = {
    'approve': ctx => approveForm(ctx),
    'request-changes': ctx => changesForm(ctx),
    'edit': ctx => editForm(ctx),
    'submit': ctx => submitForm(ctx),
    'publish': ctx => publishForm(ctx),
    'unpublish': ctx => withdrawForm(ctx, 'unpublish', 'Unpublish', 'Unpublished',
        'Readers will no longer see this entry; it can be published again while its approval holds.'),
    'archive': ctx => withdrawForm(ctx, 'archive', 'Archive', 'Archived',
        'Retires the entry for good: it becomes read-only and is never delivered again.')
};

/** The console's words for a rule that blocks an action (null: not worth a note); otherwise the server's message. */
const BLOCKED = {
    'reviewer-not-author': entry => `You wrote revision ${entry.latestRevision}, so another clinician must review it.`,
    'has-published-revision': () => null
};

/**
 * The workflow actions the signed-in person may take on the entry now: exactly the entry's allowedActions, as the
 * server judged them by the workflow's rules (the console holds no rule of its own). ctx: {plural, slug, entry, me,
 * fields, done(message), reload()}.
 */
export function workflowActions(ctx) {
    const {entry} = ctx;
    const allowed = new Set(entry.allowedActions ?? []);
    const actions = Object.keys(FORMS).filter(action => allowed.has(action)).map(action => FORMS[action](ctx));
    const blocked = [...new Set((entry.blockedActions ?? [])
        .map(b => b.rule in BLOCKED ? BLOCKED[b.rule](entry) : b.message).filter(Boolean))];
    const reviewing = allowed.has('approve') || allowed.has('request-changes');
    const status = blocked.length ? blocked.join(' ')
        : entry.state === 'in-review' && !reviewing ? `Revision ${entry.latestRevision} is waiting for a clinician's review.`
        : actions.length ? null
        : `There is nothing for you to do while the entry is ${label(entry.state).toLowerCase()}.`;
    return [status ? note(status) : null, ...actions];
}

const note = text => h('p', {class: 'note', id: 'no-actions'}, text);

/** A submit handler: runs the action, then reports its outcome, or shows the server's problem in the form. */
function handler(ctx, button, errors, action) {
    return async event => {
        event.preventDefault();
        button.disabled = true;
        showProblem(errors, null);
        try {
            ctx.done(await action());
        } catch (error) {
            showProblem(errors, error);
            const rules = (error.problem?.violations ?? []).map(v => v.rule);
            if (error.status === 412 || rules.some(rule => STALE_RULES.has(rule))) {
                errors.append(h('button', {type: 'button', onclick: ctx.reload}, 'Load the latest revision'));
            }
            button.disabled = false;
        }
    };
}

function approveForm(ctx) {
    const {entry, me} = ctx;
    const attestation = h('textarea', {name: 'attestation', rows: 4, required: true});
    const password = h('input', {type: 'password', name: 'password', autocomplete: 'current-password', required: true});
    const nextReview = h('input', {type: 'date', name: 'nextReviewDue', min: daysFromToday(1), max: daysFromToday(730)});
    const button = h('button', {type: 'submit', class: 'primary', id: 'approve'}, `Approve revision ${entry.latestRevision}`);
    const errors = errorSlot();
    return h('form', {class: 'action', id: 'approve-form', 'aria-labelledby': 'approve-title', onsubmit: handler(ctx, button, errors, async () => {
            const body = {
                revision: entry.latestRevision, contentHash: entry.contentHash, attestation: attestation.value,
                printedName: me.displayName, password: password.value
            };
            if (nextReview.value) {
                body.nextReviewDue = nextReview.value;
            }
            try {
                await api.act(ctx.plural, ctx.slug, 'approve', body);
            } finally {
                password.value = '';
            }
            return `Approved revision ${entry.latestRevision}: the entry is now clinically reviewed.`;
        })},
        h('h3', {id: 'approve-title'}, 'Approve'),
        h('p', {}, 'You sign as ', h('strong', {}, me.displayName), me.credential ? ` (${me.credential})` : '',
            `. The approval covers revision ${entry.latestRevision} exactly; any later edit voids it.`),
        field('attestation', 'Attestation', attestation, 'What you reviewed and that it is clinically accurate and safe: 20 to 2,000 characters.'),
        field('approve-password', 'Your password, to sign', password),
        field('next-review', 'Next clinical review due (optional)', nextReview, 'Leave empty for 12 months from today; at most 24 months away.'),
        errors,
        h('div', {class: 'form-actions'}, button));
}

function changesForm(ctx) {
    const rows = h('div', {class: 'comment-rows'});
    const addRow = () => {
        const n = rows.children.length + 1;
        const select = h('select', {name: 'field'},
            h('option', {value: ''}, 'The entry as a whole'),
            ctx.fields.map(f => h('option', {value: f.path}, f.changed ? `${pathLabel(f.path)} (changed)` : pathLabel(f.path))));
        rows.append(h('fieldset', {class: 'comment-row'},
            h('legend', {}, `Comment ${n}`),
            field(`comment-field-${n}`, 'Field', select),
            field(`comment-text-${n}`, 'Comment', h('textarea', {name: 'comment', rows: 3}))));
        return select;
    };
    addRow();
    const button = h('button', {type: 'submit', id: 'request-changes'}, 'Request changes');
    const errors = errorSlot();
    return h('form', {class: 'action', id: 'changes-form', 'aria-labelledby': 'changes-title', onsubmit: handler(ctx, button, errors, async () => {
            const comments = [...rows.querySelectorAll('fieldset')]
                .map(row => ({field: row.querySelector('select').value, comment: row.querySelector('textarea').value.trim()}))
                .filter(c => c.comment !== '');
            await api.act(ctx.plural, ctx.slug, 'request-changes', {revision: ctx.entry.latestRevision, comments});
            return `Changes requested on revision ${ctx.entry.latestRevision}; the author will see your comments.`;
        })},
        h('h3', {id: 'changes-title'}, 'Request changes'),
        h('p', {}, 'Say what must change, field by field. The entry goes back to its author.'),
        rows,
        h('button', {type: 'button', class: 'secondary', onclick: () => addRow().focus()}, 'Add a comment on another field'),
        errors,
        h('div', {class: 'form-actions'}, button));
}

/** Editing happens in the form generated from the content model (editor.js), on its own screen. */
function editForm(ctx) {
    return h('section', {class: 'action', id: 'edit-action', 'aria-labelledby': 'edit-title'},
        h('h3', {id: 'edit-title'}, 'Edit'),
        h('p', {}, `Change the content in a form; saving makes revision ${ctx.entry.latestRevision + 1}.`),
        h('p', {}, h('a', {class: 'button-link', id: 'edit-link', href: `#/edit/${ctx.plural}/${encodeURIComponent(ctx.slug)}`}, 'Edit the content')));
}

function submitForm(ctx) {
    const revision = ctx.entry.latestRevision;
    const button = h('button', {type: 'submit', class: 'primary', id: 'resubmit'}, `Submit revision ${revision} for clinical review`);
    const errors = errorSlot();
    return h('form', {class: 'action', id: 'submit-form', 'aria-labelledby': 'submit-title', onsubmit: handler(ctx, button, errors, async () => {
            await api.act(ctx.plural, ctx.slug, 'submit', undefined, ctx.entry.etag);
            return `Submitted revision ${revision} for clinical review.`;
        })},
        h('h3', {id: 'submit-title'}, 'Submit for review'),
        h('p', {}, 'A clinician reviews the latest revision and approves it or asks for changes.'),
        errors,
        h('div', {class: 'form-actions'}, button));
}

function publishForm(ctx) {
    const revision = ctx.entry.latestRevision;
    const button = h('button', {type: 'submit', class: 'primary', id: 'publish'}, `Publish revision ${revision}`);
    const errors = errorSlot();
    return h('form', {class: 'action', id: 'publish-form', 'aria-labelledby': 'publish-title', onsubmit: handler(ctx, button, errors, async () => {
            await api.act(ctx.plural, ctx.slug, 'publish', undefined, ctx.entry.etag);
            return `Published revision ${revision}: readers now see it.`;
        })},
        h('h3', {id: 'publish-title'}, 'Publish'),
        h('p', {}, 'Readers will see this approved revision.'),
        errors,
        h('div', {class: 'form-actions'}, button));
}

/** Unpublish or archive: no body, only the ETag the page was read with. */
function withdrawForm(ctx, action, title, doneTitle, explanation) {
    const button = h('button', {type: 'submit', id: action}, `${title} this entry`);
    const errors = errorSlot();
    return h('form', {class: 'action', id: `${action}-form`, 'aria-labelledby': `${action}-title`, onsubmit: handler(ctx, button, errors, async () => {
            const changed = await api.act(ctx.plural, ctx.slug, action, undefined, ctx.entry.etag);
            return `${doneTitle}: the entry is now ${label(changed.state).toLowerCase()}.`;
        })},
        h('h3', {id: `${action}-title`}, title),
        h('p', {}, explanation),
        errors,
        h('div', {class: 'form-actions'}, button));
}

function daysFromToday(days) {
    const date = new Date();
    date.setDate(date.getDate() + days);
    return date.toLocaleDateString('en-CA'); // YYYY-MM-DD in local time
}
