import * as api from './api.js';
import {errorSlot, formatDate, h, showProblem} from './dom.js';

/** Admins: webhook subscriptions, the latest failed deliveries (with a redeliver button) and the latest deliveries. */
export async function webhooksView(done) {
    const [subscriptions, failed, recent] = await Promise.all([api.webhooks(), api.deliveries('failed'), api.deliveries()]);
    return {
        title: 'Webhooks',
        content: [h('h1', {id: 'page-title', tabindex: '-1'}, 'Webhooks'),
            h('section', {class: 'panel', id: 'webhook-subscriptions', 'aria-labelledby': 'subscriptions-title'},
                h('h2', {id: 'subscriptions-title'}, 'Subscriptions ', h('span', {class: 'count'}, `(${subscriptions.length})`)),
                subscriptions.length === 0 ? h('p', {class: 'empty'}, 'None. Admins add them with POST /api/manage/webhooks.')
                    : h('table', {},
                        h('thead', {}, h('tr', {}, ['Receiver', 'Events', 'Content types', 'Status'].map(t => h('th', {scope: 'col'}, t)))),
                        h('tbody', {}, subscriptions.map(s => h('tr', {},
                            h('td', {}, h('code', {}, s.url)),
                            h('td', {}, s.events.join(', ')),
                            h('td', {}, s.contentTypes.length ? s.contentTypes.join(', ') : 'all'),
                            h('td', {}, s.enabled ? 'enabled' : `disabled${s.disabledReason ? `: ${s.disabledReason}` : ''}`)))))),
            deliveriesSection('failed-deliveries', 'Failed deliveries', failed, done),
            deliveriesSection('recent-deliveries', 'Latest deliveries', recent, done)]
    };
}

function deliveriesSection(id, title, deliveries, done) {
    return h('section', {class: 'panel', id, 'aria-labelledby': `${id}-title`},
        h('h2', {id: `${id}-title`}, title, ' ', h('span', {class: 'count'}, `(${deliveries.length})`)),
        deliveries.length === 0 ? h('p', {class: 'empty'}, 'Nothing here.') : h('table', {},
            h('thead', {}, h('tr', {}, ['Delivery', 'To', 'Status', 'Attempts', 'Last answer', 'Changed', ''].map(t => h('th', {scope: 'col'}, t)))),
            h('tbody', {}, deliveries.map(d => h('tr', {},
                h('td', {}, String(d.id)),
                h('td', {}, d.kind === 'edge' ? `edge ${d.edge}` : 'webhook'),
                h('td', {}, d.status),
                h('td', {}, String(d.attempts)),
                h('td', {}, d.lastError ?? (d.lastStatus ? String(d.lastStatus) : '—')),
                h('td', {}, formatDate(d.updatedAt)),
                h('td', {}, d.status === 'pending' ? null : redeliverButton(d, done)))))));
}

function redeliverButton(delivery, done) {
    const errors = errorSlot();
    const button = h('button', {type: 'button', class: 'secondary', onclick: async () => {
        button.disabled = true;
        try {
            await api.redeliver(delivery.id);
            done(`Delivery ${delivery.id} is sent again.`);
        } catch (error) {
            showProblem(errors, error);
            button.disabled = false;
        }
    }}, 'Redeliver');
    return [button, errors];
}
